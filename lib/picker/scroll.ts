import { composedParent } from './tree';

const SCROLLING = new Set(['auto', 'scroll', 'overlay']);

/**
 * Scrolls what the wheel would have scrolled at `element` had the page received it: the nearest
 * ancestor (across shadow roots and frames) that can still move that way, else the top viewport.
 */
export function scrollFrom(element: Element | null, dx: number, dy: number, top: Window): void {
  for (let node = element; node; node = composedParent(node)) {
    const view = node.ownerDocument.defaultView;
    if (!view) continue;
    if (node === node.ownerDocument.documentElement) {
      if (canScroll(node.ownerDocument.scrollingElement, dx, dy)) return view.scrollBy({ left: dx, top: dy, behavior: 'instant' });
      continue;
    }
    const style = view.getComputedStyle(node);
    const scrollable = (dy !== 0 && SCROLLING.has(style.overflowY)) || (dx !== 0 && SCROLLING.has(style.overflowX));
    if (scrollable && canScroll(node, dx, dy)) return node.scrollBy({ left: dx, top: dy, behavior: 'instant' });
  }
  top.scrollBy({ left: dx, top: dy, behavior: 'instant' });
}

function canScroll(element: Element | null, dx: number, dy: number): boolean {
  if (!element) return false;
  const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = element;
  const vertical = dy > 0 ? scrollTop + clientHeight < scrollHeight - 1 : dy < 0 && scrollTop > 0;
  const horizontal = dx > 0 ? scrollLeft + clientWidth < scrollWidth - 1 : dx < 0 && Math.abs(scrollLeft) > 0;
  return vertical || horizontal;
}
