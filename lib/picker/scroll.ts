import { composedParent } from './tree';

const SCROLLING = new Set(['auto', 'scroll', 'overlay']);

/**
 * Scrolls what the wheel would have scrolled at `element` had the page received it: the nearest
 * ancestor (across shadow roots and frames) that can still move that way, else the top viewport.
 * False when nothing could move that way (the page is at its end): the picker then moves its path
 * bar out of the way of the page's last pixels (issue 11 item 6).
 */
export function scrollFrom(element: Element | null, dx: number, dy: number, top: Window): boolean {
  for (let node = element; node; node = composedParent(node)) {
    const view = node.ownerDocument.defaultView;
    if (!view) continue;
    if (node === node.ownerDocument.documentElement) {
      if (!canScroll(node.ownerDocument.scrollingElement, dx, dy)) continue;
      view.scrollBy({ left: dx, top: dy, behavior: 'instant' });
      return true;
    }
    const style = view.getComputedStyle(node);
    const scrollable = (dy !== 0 && SCROLLING.has(style.overflowY)) || (dx !== 0 && SCROLLING.has(style.overflowX));
    if (scrollable && canScroll(node, dx, dy)) {
      node.scrollBy({ left: dx, top: dy, behavior: 'instant' });
      return true;
    }
  }
  if (!canScroll(top.document.scrollingElement, dx, dy)) return false;
  top.scrollBy({ left: dx, top: dy, behavior: 'instant' });
  return true;
}

function canScroll(element: Element | null, dx: number, dy: number): boolean {
  if (!element) return false;
  const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = element;
  const vertical = dy > 0 ? scrollTop + clientHeight < scrollHeight - 1 : dy < 0 && scrollTop > 0;
  const horizontal = dx > 0 ? scrollLeft + clientWidth < scrollWidth - 1 : dx < 0 && Math.abs(scrollLeft) > 0;
  return vertical || horizontal;
}
