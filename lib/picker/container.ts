import type { ContainerWarning } from '../goals/model';
import { ACTIONABLE_SELECTOR } from './actionable';
import type { Box } from './protocol';

/** A pick covering this share of the viewport's area or more is an area, not a control (issue 11 item 2). */
export const LARGE_SHARE = 0.3;
/** A pick holding this many actionable elements or more counts clicks on all of them. */
export const SEVERAL = 2;

/**
 * Why recording `element` would count far more than the user may think: any click inside a large
 * area, or inside several links and buttons at once (`#storytext, #storytext *`). Null when it is
 * an ordinary target. A form is never one: its goal is the submission, not the clicks inside it.
 */
export function containerWarning(element: Element, box: Box, viewport: { width: number; height: number }): ContainerWarning | null {
  if (element.localName === 'form') return null;
  const large = box.width * box.height >= LARGE_SHARE * viewport.width * viewport.height;
  const actionables = countActionables(element);
  if (!large && actionables < SEVERAL) return null;
  return { width: Math.round(box.width), height: Math.round(box.height), actionables };
}

/** Links, buttons and form controls inside the element (itself excluded), open shadow roots included. */
export function countActionables(root: Element | ShadowRoot): number {
  let count = root.querySelectorAll(ACTIONABLE_SELECTOR).length;
  if ('shadowRoot' in root && root.shadowRoot) count += countActionables(root.shadowRoot);
  // Only when picking, never per pointer move: a walk over every descendant for their shadow roots.
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) count += countActionables(element.shadowRoot);
  }
  return count;
}

/** The warning in words, as the picker and the panel say it. */
export function containerWords(warning: ContainerWarning): string {
  const area = `Any click inside this ${warning.width} × ${warning.height} area counts`;
  if (warning.actionables === 0) return `${area}.`;
  const things = warning.actionables === 1 ? 'one link, button or field' : `${warning.actionables} links, buttons or fields`;
  return `${area}: it holds ${things}.`;
}
