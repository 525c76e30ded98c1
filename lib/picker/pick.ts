import { defaultAction, type Locatable, type PickedElement } from '../goals/model';
import { candidateSelectors, fingerprintOf, generateSelector } from '../selector';
import { labelFor } from './describe';
import { frameDocument, frameElementOf } from './tree';

/** Everything the panel needs to know about a picked element, wherever it lives. */
export function toPickedElement(element: Element, pageUrl: string): PickedElement {
  const { frames, shadowHosts } = locate(element);
  // The first candidate is what generateSelector returns; the rest are the alternatives.
  const [best, ...alternatives] = candidateSelectors(element);
  return {
    selector: best?.selector ?? generateSelector(element),
    alternatives,
    action: defaultAction(element.tagName, linkHref(element)),
    label: labelFor(element),
    pageUrl,
    origin: 'picked',
    fingerprint: fingerprintOf(element),
    ...(frames.length > 0 ? { frames } : {}),
    ...(shadowHosts.length > 0 ? { shadowHosts } : {}),
  };
}

/**
 * How to reach the element's scope from the top document: the selectors of the same-origin frames
 * on the way down, then those of the shadow hosts inside the element's document. Each selector is
 * relative to the scope it is found in, like the element's own.
 */
export function locate(element: Element): Location {
  const shadowHosts: string[] = [];
  for (let root = element.getRootNode(); isShadowRoot(root); root = root.host.getRootNode()) {
    shadowHosts.unshift(generateSelector(root.host));
  }
  const frames: string[] = [];
  for (let frame = frameElementOf(element.ownerDocument); frame; frame = frameElementOf(frame.ownerDocument)) {
    frames.unshift(generateSelector(frame));
  }
  return { frames, shadowHosts };
}

/** The elements a stored pick points at on this page; none when its scope or selector is not found. */
export function resolvePick(doc: Document, pick: Locatable): Element[] {
  try {
    let scope: Document | ShadowRoot = doc;
    for (const selector of pick.frames ?? []) {
      const frame: Element | null = scope.querySelector(selector);
      const inner: Document | null = frame && frameDocument(frame);
      if (!inner) return [];
      scope = inner;
    }
    for (const selector of pick.shadowHosts ?? []) {
      const root: ShadowRoot | null | undefined = scope.querySelector(selector)?.shadowRoot;
      if (!root) return [];
      scope = root;
    }
    return [...scope.querySelectorAll(pick.selector)];
  } catch {
    // A selector the user typed may not parse here; it then matches nothing.
    return [];
  }
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

function linkHref(element: Element): string | null {
  if (element.localName !== 'a') return null;
  // An SVG `a` has an SVGAnimatedString here, not the resolved URL.
  const href: unknown = (element as HTMLAnchorElement).href;
  return typeof href === 'string' && href ? href : element.getAttribute('href');
}

export interface Location {
  frames: string[];
  shadowHosts: string[];
}

export type { Locatable } from '../goals/model';
