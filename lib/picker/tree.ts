import { isOwnElement } from './own';

// The element tree as the user sees it: across open shadow roots (a host's shadow children come
// before its light children) and into same-origin frames (a frame's child is its document's
// `html`). The path bar, the keyboard and the hit-testing all walk this one tree.

const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

/** Elements that draw nothing; the path bar and the keyboard skip them (and our own overlay host, isOwnElement). */
const SKIPPED = new Set(['head', 'script', 'style', 'link', 'meta', 'title', 'template', 'noscript', 'base']);

export function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  if (parent?.nodeType === DOCUMENT_FRAGMENT_NODE) return (parent as ShadowRoot).host ?? null;
  if (parent?.nodeType === DOCUMENT_NODE) return frameElementOf(parent as Document);
  return null;
}

/** Visible children, shadow tree first; at most `limit` of them. */
export function composedChildren(element: Element, limit = Infinity): Element[] {
  const frame = frameDocument(element);
  if (frame) return frame.documentElement ? [frame.documentElement] : [];
  const result: Element[] = [];
  for (const parent of [element.shadowRoot, element]) {
    if (!parent) continue;
    for (let child = parent.firstElementChild; child && result.length < limit; child = child.nextElementSibling) {
      if (!SKIPPED.has(child.localName) && !isOwnElement(child)) result.push(child);
    }
  }
  return result;
}

/** From the top document's `html` down to `element` itself. */
export function composedAncestors(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = composedParent(node)) chain.push(node);
  return chain.reverse();
}

/** Whether `element` is the first element inside a shadow root or a frame's document. */
export function boundaryOf(element: Element): 'shadow' | 'frame' | undefined {
  const parent = element.parentNode;
  if (parent?.nodeType === DOCUMENT_FRAGMENT_NODE) return 'shadow';
  if (parent?.nodeType === DOCUMENT_NODE && frameElementOf(parent as Document)) return 'frame';
  return undefined;
}

/** The document of a same-origin `iframe`/`frame`; null for anything else or a cross-origin frame. */
export function frameDocument(element: Element): Document | null {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** The `iframe` holding `doc`, when `doc` is a same-origin frame's document. */
export function frameElementOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/** Where a frame's content (its viewport's origin) lies in its parent's viewport. */
export function frameContentOrigin(frame: Element): { x: number; y: number } {
  const rect = frame.getBoundingClientRect();
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  const paddingLeft = Number.parseFloat(style?.paddingLeft ?? '0') || 0;
  const paddingTop = Number.parseFloat(style?.paddingTop ?? '0') || 0;
  return { x: rect.left + frame.clientLeft + paddingLeft, y: rect.top + frame.clientTop + paddingTop };
}
