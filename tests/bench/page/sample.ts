/**
 * Which elements of a page the selector benchmark asks selectors for: 40 per page, about 70% of
 * them things people click, drawn with a PRNG seeded by the page name so every run draws the same.
 */

const CLICKABLE = [
  'a', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', 'label',
  '[role="button"]', '[role="link"]', '[role="tab"]', '[role="menuitem"]', '[role="checkbox"]',
  '[role="switch"]', '[onclick]',
].join(', ');

/** Elements nobody picks: invisible plumbing. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'title', 'head', 'br', 'wbr',
  'source', 'track', 'param', 'option', 'optgroup', 'datalist', 'colgroup', 'col',
]);

/** `eligible` narrows the elements drawn from (the repair benchmark: those it has a ground truth for). */
export function sampleElements(doc: Document, seed: string, count: number, clickableShare: number, eligible: (element: Element) => boolean = () => true): Sampled[] {
  const random = mulberry32(hash(seed));
  const clickable: Element[] = [];
  const other: Element[] = [];
  for (const element of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (SKIPPED.has(element.localName) || element.getClientRects().length === 0 || !eligible(element)) continue;
    (element.matches(CLICKABLE) ? clickable : other).push(element);
  }
  const wantClickable = Math.min(clickable.length, Math.max(Math.round(count * clickableShare), count - other.length));
  const wantOther = Math.min(other.length, count - wantClickable);
  const chosen = [
    ...draw(clickable, wantClickable, random).map((element) => ({ element, clickable: true })),
    ...draw(other, wantOther, random).map((element) => ({ element, clickable: false })),
  ];
  return chosen;
}

/** `n` distinct items, by a partial Fisher–Yates shuffle of a copy. */
function draw<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Sampled {
  element: Element;
  clickable: boolean;
}
