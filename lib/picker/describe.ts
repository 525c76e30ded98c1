import type { Box } from './protocol';

/** Longest id or class shown in full; longer ones (hashes, generated names) are cut. */
const MAX_NAME = 24;

/** `tag#id.class1.class2`, the short form used in labels and the path bar. */
export function describeElement(element: Element, maxClasses = 2): string {
  const tag = element.localName;
  const id = element.id ? `#${shorten(element.id)}` : '';
  const classes = [...element.classList].slice(0, maxClasses).map((name) => `.${shorten(name)}`).join('');
  return `${tag}${id}${classes}`;
}

/** An element's size in CSS px, as labels and warnings show it: `120 × 40`. */
export function sizeText(box: Pick<Box, 'width' | 'height'>): string {
  return `${Math.round(box.width)} × ${Math.round(box.height)}`;
}

/** Label for the Selected Elements list: the short form plus the first words of visible text. */
export function labelFor(element: Element): string {
  // Only the start of the text is shown; `html` or `body` can hold megabytes of it.
  const text = (element.textContent ?? '').slice(0, 400).replace(/\s+/g, ' ').trim();
  const words = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return words ? `${describeElement(element)} "${words}"` : describeElement(element);
}

function shorten(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}
