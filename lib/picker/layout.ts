import type { Box } from './protocol';

// Where the picker draws its labels, badges and path bar (issue 11 items 5, 6): never over the
// element they describe, never over each other, never under the bar. Pure geometry in viewport
// CSS px; the frame measures text and draws.

/** Space between an element's border and its label or badge. */
const GAP = 2;

/**
 * The hover label's place: above the element, else below it, else (an element as tall as the
 * viewport) just inside its top edge. Aligned with the element's start edge (its right edge when
 * it is laid out right to left), kept inside the viewport and off every `avoid` rectangle.
 */
export function placeLabel(box: Box, size: Size, viewport: Size, avoid: readonly Box[], rtl = false): Box {
  const x = clamp(rtl ? box.x + box.width - size.width : box.x, 0, viewport.width - size.width);
  const candidates = [box.y - size.height - GAP, box.y + box.height + GAP];
  for (const y of candidates) {
    const rect = { x, y, ...size };
    if (inside(rect, viewport) && !avoid.some((other) => overlaps(rect, other))) return rect;
  }
  // Nowhere outside (an element as tall as the viewport): inside its top edge, below what it must not cover.
  const rect = { x, y: Math.max(0, box.y) + GAP, ...size };
  for (const other of [...avoid].sort((a, b) => a.y - b.y)) {
    if (overlaps(rect, other)) rect.y = other.y + other.height + GAP;
  }
  return { ...rect, y: Math.min(rect.y, viewport.height - size.height) };
}

/**
 * Places each badge outside its element's box: above its top-right corner, else below its
 * bottom-right corner, else above or below its start, else beside it, else straddling its top edge; the first place inside the
 * viewport that covers no label, no bar, no badge placed before and no other element with a badge.
 * Null for an element off screen.
 */
export function placeBadges(items: readonly { box: Box; size: Size }[], viewport: Size, avoid: readonly Box[]): (Box | null)[] {
  const placed: Box[] = [];
  return items.map(({ box, size }) => {
    if (!inside({ ...box, width: Math.max(1, box.width), height: Math.max(1, box.height) }, viewport, true)) return null;
    const right = box.x + box.width;
    const above = box.y - size.height - GAP;
    const below = box.y + box.height + GAP;
    const candidates: Box[] = [
      { x: right - size.width, y: above, ...size },
      { x: right - size.width, y: below, ...size },
      // Start-aligned before beside: beside the element lies its neighbours' content.
      { x: box.x, y: above, ...size },
      { x: box.x, y: below, ...size },
      { x: right + GAP, y: box.y, ...size },
      { x: box.x - size.width - GAP, y: box.y, ...size },
      { x: right - size.width, y: box.y - size.height / 2, ...size },
    ].map((rect) => ({ ...rect, x: clamp(rect.x, 0, viewport.width - size.width) }));
    // Nor over another element that carries a badge: those are the very things the user reads.
    const free = (rect: Box) => inside(rect, viewport) && !avoid.some((other) => overlaps(rect, other))
      && !placed.some((other) => overlaps(rect, other)) && !items.some((item) => overlaps(rect, item.box));
    const outside = (rect: Box) => !overlaps(rect, box) || rect === candidates[6];
    const chosen = candidates.find((rect) => free(rect) && outside(rect))
      ?? candidates.find((rect) => inside(rect, viewport) && outside(rect) && !avoid.some((other) => overlaps(rect, other)))
      ?? candidates[6]!;
    placed.push(chosen);
    return chosen;
  });
}

/**
 * Where the path bar goes (issue 11 item 6): out of the way of the element the user is working on.
 * It docks at the top while that element is hidden by the bar at the bottom and would be whole
 * with the bar at the top, or after the user tried to scroll past the end of the page (its last
 * pixels are under the bar); it comes back when the element is under the top bar and would be
 * whole with the bar at the bottom. An element taller than that, or whole either way, leaves the
 * bar where it is, so it never jumps while the user reaches for it.
 */
export function dockFor(previous: Dock, focus: Box | null, viewportHeight: number, barHeight: number, overscrolled: boolean): Dock {
  if (focus) {
    const bottom = focus.y + focus.height;
    const wholeWithBarAtTop = focus.y >= barHeight && bottom <= viewportHeight;
    const wholeWithBarAtBottom = focus.y >= 0 && bottom <= viewportHeight - barHeight;
    if (wholeWithBarAtTop && !wholeWithBarAtBottom) return 'top';
    if (wholeWithBarAtBottom && !wholeWithBarAtTop) return 'bottom';
  }
  return overscrolled ? 'top' : previous;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Fully inside the viewport, or (`partly`) at least partly. */
function inside(rect: Box, viewport: Size, partly = false): boolean {
  if (partly) return rect.x < viewport.width && rect.y < viewport.height && rect.x + rect.width > 0 && rect.y + rect.height > 0;
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= viewport.width && rect.y + rect.height <= viewport.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

export interface Size {
  width: number;
  height: number;
}

export type Dock = 'top' | 'bottom';
