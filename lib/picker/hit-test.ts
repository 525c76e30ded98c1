import { frameContentOrigin, frameDocument } from './tree';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An `svg` no larger than this is an icon: the user means the icon, not one of its paths. */
const ICON_SIZE = 64;

/**
 * The element drawn at (x, y) of `doc`'s viewport, looking into open shadow roots and same-origin
 * frames. Elements `skip` accepts (our overlay) are seen through: asking for the whole stack costs
 * less than making the overlay ignore the pointer for a moment, which would restyle and repaint the
 * page on every move.
 */
export function deepElementFromPoint(doc: Document, x: number, y: number, skip: (element: Element) => boolean): Element | null {
  return deepHit(doc, x, y, skip).element;
}

/**
 * `deepElementFromPoint`, with the top document's own stack at that point (topmost first, our
 * overlay left out): what lies under the element, at no extra cost.
 */
export function deepHit(doc: Document, x: number, y: number, skip: (element: Element) => boolean): { element: Element | null; stack: Element[] } {
  const stack = doc.elementsFromPoint(x, y).filter((candidate) => !skip(candidate));
  return { element: descend(stack[0] ?? null, x, y, skip), stack };
}

function descend(start: Element | null, x: number, y: number, skip: (element: Element) => boolean): Element | null {
  let element = start;
  while (element) {
    const shadow = element.shadowRoot;
    // A shadow root's answer starts with our overlay too; what follows may lie outside the root.
    const inShadow = shadow?.elementsFromPoint(x, y).find((candidate) => !skip(candidate));
    if (shadow && inShadow && inShadow !== element && shadow.contains(inShadow)) {
      element = inShadow;
      continue;
    }
    const frame = frameDocument(element);
    if (!frame) return element;
    const origin = frameContentOrigin(element);
    const inFrame = frame.elementFromPoint(x - origin.x, y - origin.y);
    if (!inFrame) return element;
    x -= origin.x;
    y -= origin.y;
    element = inFrame;
  }
  return null;
}

/**
 * Every element under (x, y), topmost first, inner shadow and frame content before its host: the
 * stack the user cycles through to reach an element covered by another one.
 */
export function elementsStackAt(root: Document | ShadowRoot, x: number, y: number, skip: (element: Element) => boolean): Element[] {
  const stack: Element[] = [];
  for (const element of root.elementsFromPoint(x, y)) {
    // A shadow root's answer also lists the host and its ancestors: those belong to the outer stack.
    if (skip(element) || (root.nodeType !== 9 && !root.contains(element))) continue;
    if (element.shadowRoot && element.shadowRoot !== root) stack.push(...elementsStackAt(element.shadowRoot, x, y, skip));
    const frame = frameDocument(element);
    if (frame) {
      const origin = frameContentOrigin(element);
      stack.push(...elementsStackAt(frame, x - origin.x, y - origin.y, skip));
    }
    stack.push(element);
  }
  return [...new Set(stack)];
}

/**
 * What a pick at this element means: the whole icon for a shape inside a small `svg`, the `text`
 * for a `tspan`; the element itself otherwise (shapes of a large chart are meaningful).
 */
export function meaningfulTarget(element: Element): Element {
  if (element.namespaceURI !== SVG_NS) return element;
  let root = (element as SVGElement).ownerSVGElement;
  if (!root) return element;
  while (root.ownerSVGElement) root = root.ownerSVGElement;
  const { width, height } = root.getBoundingClientRect();
  if (width <= ICON_SIZE && height <= ICON_SIZE) return root;
  const text = element.closest('text');
  return text && root.contains(text) ? text : element;
}
