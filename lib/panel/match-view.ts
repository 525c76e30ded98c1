import { resolvePick, type Locatable } from '@/lib/picker/pick';

// Where a selector's matches are on the screen (issue 15, "drafts shown on the page"): "1 of 2
// matches is off-screen — show" scrolls to it. Run in the page by the page agent. Pure DOM.

/** How many matches there are, how many lie outside the viewport, and how many are not rendered at all. */
export function matchView(doc: Document, target: Locatable): MatchView {
  let offscreen = 0;
  let hidden = 0;
  const matches = resolvePick(doc, target);
  for (const element of matches) {
    const place = placeOf(element);
    if (place === 'hidden') hidden++;
    else if (place !== 'visible') offscreen++;
  }
  return { count: matches.length, offscreen, hidden };
}

/** Scrolls the first match outside the viewport into its middle; answers where it was. */
export function revealMatch(doc: Document, target: Locatable): RevealAnswer {
  for (const element of resolvePick(doc, target)) {
    const place = placeOf(element);
    if (place === 'visible' || place === 'hidden') continue;
    element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
    return { revealed: true, was: place };
  }
  return { revealed: false };
}

/** Where the element is relative to the top window's viewport, through the same-origin frames above it. */
function placeOf(element: Element): Place {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return 'hidden';
  let { top, left } = rect;
  let view: Window | null = element.ownerDocument.defaultView;
  let width = view?.innerWidth ?? 0;
  let height = view?.innerHeight ?? 0;
  // Inside a frame: its own viewport first, then the frame's place in the page above.
  while (view && view.frameElement) {
    if (top + rect.height <= 0 || top >= height || left + rect.width <= 0 || left >= width) break;
    const frame = view.frameElement.getBoundingClientRect();
    top += frame.top;
    left += frame.left;
    view = view.frameElement.ownerDocument.defaultView;
    width = view?.innerWidth ?? width;
    height = view?.innerHeight ?? height;
  }
  if (top + rect.height <= 0) return 'above';
  if (top >= height) return 'below';
  if (left + rect.width <= 0) return 'left';
  if (left >= width) return 'right';
  return 'visible';
}

type Place = 'visible' | 'hidden' | 'above' | 'below' | 'left' | 'right';

export interface MatchView {
  count: number;
  /** Rendered, but outside the viewport (scrolled away). */
  offscreen: number;
  /** Not rendered (display: none, detached from layout). */
  hidden: number;
}

export type RevealAnswer = { revealed: true; was: Exclude<Place, 'visible' | 'hidden'> } | { revealed: false };
