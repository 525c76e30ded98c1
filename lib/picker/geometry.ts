import type { Box } from './protocol';
import { frameContentOrigin, frameElementOf } from './tree';

/** The element's border box in the top document's viewport, through any same-origin frames. */
export function viewportBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  for (let frame = frameElementOf(element.ownerDocument); frame; frame = frameElementOf(frame.ownerDocument)) {
    const origin = frameContentOrigin(frame);
    x += origin.x;
    y += origin.y;
  }
  return { x, y, width: rect.width, height: rect.height };
}

/** Whether any part of the box is inside a viewport of this size. */
export function isVisibleIn(box: Box, width: number, height: number): boolean {
  return box.x + box.width >= 0 && box.y + box.height >= 0 && box.x <= width && box.y <= height;
}

/** All boxes as one SVG path: one element to update however many outlines there are. */
export function boxesPath(boxes: readonly Box[]): string {
  return boxes.map(({ x, y, width, height }) => `M${x} ${y}h${width}v${height}h${-width}z`).join('');
}
