import { anchorFeatures, ownFeatures, type Feature } from '@/lib/selector/features';
import type { DomEvent } from './chain';
import { judgeSelector, type PageIndex } from './page';

// A PostHog-safe selector for one element (issue 12): built from the selector engine's stable parts
// (lib/selector/features.ts: the same costs, the same rejection of generated and state names), but
// only in shapes both PostHog compilers read as CSS would, and kept only when the model says it
// matches the element's own click under both compilers and no other recorded click on the page.
//
// Shapes, from what _old_compiler.py / _new_compiler.py do with a compound:
// - one attribute per compound and nothing but a letters-only tag beside it (`a[href="/x"]`,
//   `[data-testid="buy"]`): the old compiler reads `tag.class[attr]`, `#id[attr]`, `[a][b]`, `h2[…]`
//   and `my-button[…]` wrongly;
// - `#id`, `tag.class…`, `tag:nth-child(n)`, `tag.class:nth-child(n)`; never `:nth-of-type` (old) nor
//   `[attr]:nth-child(n)` (old drops the position);
// - `>` to join a parent; a descendant join only after a compound that starts with a class, an id
//   or an attribute (after a tag the old compiler reads it as `>`).

/** Candidates tried per element, cheapest first. */
const MAX_CANDIDATES = 160;
/** Ancestor levels searched for anchors. */
const MAX_LEVELS = 6;
/** Anchor parts tried per level. */
const ANCHORS_PER_LEVEL = 4;
/** Own compounds combined with anchors. */
const OWN_FOR_ANCHORS = 4;
const COMPOUND_COST = 1;
/** The element's bare tag: any element of its kind would match. */
const BARE_TAG_COST = 9;
const LETTERS_ONLY = /^[a-zA-Z]+$/;
const VALID_TAG = /^[a-zA-Z][a-zA-Z0-9-]*$/;

export interface SafeSelector {
  selector: string;
  /** Other recorded elements it would also count (0 for a fully safe one). */
  others: number;
}

/**
 * The cheapest selector that matches `element`'s own event under both compilers and no other
 * recorded event of the page; failing that, the one matching it and the fewest others; `null` only
 * when nothing matches it at all (autocapture does not record it).
 */
export function postHogSafeSelector(index: PageIndex, element: Element, event: DomEvent): SafeSelector | null {
  let best: SafeSelector | null = null;
  let tried = 0;
  for (const candidate of candidates(element)) {
    if (tried++ >= MAX_CANDIDATES) break;
    // Counting stops once a candidate is no better than the best so far.
    const judged = judgeSelector(index, candidate.text, [element], event, { limit: best ? best.others : Infinity, stopOnMiss: true });
    if (judged.missed.length > 0) continue;
    if (judged.others.length === 0) return { selector: candidate.text, others: 0 };
    if (!best || judged.others.length < best.others) best = { selector: candidate.text, others: judged.others.length };
  }
  return best;
}

interface Candidate {
  text: string;
  cost: number;
}

/** Candidate selectors for the element, cheapest first, each in a PostHog-safe shape. */
export function candidates(element: Element): Candidate[] {
  const own = ownCompounds(element);
  const list: Candidate[] = [...own];
  const anchorable = own.slice(0, OWN_FOR_ANCHORS);
  let node = parentElementAcrossShadow(element);
  for (let level = 1; node && level <= MAX_LEVELS; level++, node = parentElementAcrossShadow(node)) {
    if (node.localName === 'body' || node.localName === 'html') break;
    const anchors = anchorCompounds(node, level);
    for (const anchor of anchors.slice(0, ANCHORS_PER_LEVEL)) {
      for (const inner of anchorable) {
        const joined = join(anchor, inner, level);
        if (joined) list.push(joined);
      }
    }
  }
  const seen = new Set<string>();
  return list
    .sort((a, b) => a.cost - b.cost || a.text.length - b.text.length)
    .filter((candidate) => (seen.has(candidate.text) ? false : (seen.add(candidate.text), true)));
}

/** `anchor > inner` for the parent; `anchor inner` higher up, only when the anchor does not start with a tag. */
function join(anchor: Compound, inner: Candidate, level: number): Candidate | null {
  const cost = anchor.cost + inner.cost + COMPOUND_COST;
  if (level === 1) return { text: `${anchor.text} > ${inner.text}`, cost };
  if (anchor.tagLed) return null;
  return { text: `${anchor.text} ${inner.text}`, cost: cost + 0.5 };
}

interface Compound extends Candidate {
  tagLed: boolean;
}

/** The element's own compounds in safe shapes. */
function ownCompounds(element: Element): Compound[] {
  const tag = element.localName;
  const features = ownFeatures(element);
  const out: Compound[] = [];
  for (const feature of features) {
    const compound = safeCompound(feature, tag);
    if (compound) out.push(compound);
  }
  if (VALID_TAG.test(tag)) out.push({ text: tag, cost: BARE_TAG_COST, tagLed: true });
  return out;
}

/** An ancestor's compounds in safe shapes; a tag alone (`nav`) only as a direct parent. */
function anchorCompounds(element: Element, level: number): Compound[] {
  const tag = element.localName;
  const out: Compound[] = [];
  for (const feature of anchorFeatures(element, level)) {
    if (feature.match.kind === 'tag') {
      if (VALID_TAG.test(tag)) out.push({ text: tag, cost: feature.cost, tagLed: true });
      continue;
    }
    const compound = safeCompound(feature, tag);
    if (compound) out.push(compound);
  }
  return out.sort((a, b) => a.cost - b.cost);
}

/** One feature as a compound both compilers read right, or `null`. */
function safeCompound(feature: Feature, tag: string): Compound | null {
  const { match } = feature;
  switch (match.kind) {
    case 'attr': {
      if (match.name === 'id') return plainId(match.value) ? { text: `#${match.value}`, cost: feature.cost, tagLed: false } : null;
      if (!safeValue(match.value)) return null;
      const attribute = `[${match.name}="${match.value}"]`;
      // Old compiler: only letters may stand before `[` (`h2[…]`, `my-button[…]` are misread).
      const withTag = feature.tag !== null && LETTERS_ONLY.test(tag);
      return { text: withTag ? `${tag}${attribute}` : attribute, cost: feature.cost, tagLed: withTag };
    }
    case 'class': {
      const withTag = feature.tag !== null && VALID_TAG.test(tag);
      return { text: withTag ? `${tag}.${match.name}` : `.${match.name}`, cost: feature.cost, tagLed: withTag };
    }
    case 'nth': {
      if (match.qualifier && match.qualifier.kind !== 'class') return null; // `[attr]:nth-child(n)` loses its position (old)
      const qualifier = match.qualifier?.kind === 'class' ? `.${match.qualifier.name}` : '';
      const written = match.tag ?? (VALID_TAG.test(tag) ? tag : null);
      if (!written && !qualifier) return null;
      return { text: `${written ?? ''}${qualifier}:nth-child(${match.index})`, cost: feature.cost, tagLed: !!written };
    }
    case 'tag':
      return null;
  }
}

/** `#id` reads as the id in both compilers only when the id has no `.`, `#`, `[`, `:` or space. */
function plainId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id);
}

/** Values the old compiler's greedy `\[(.*)=['|"](.*)['|"]\]` reads back whole. */
function safeValue(value: string): boolean {
  return !/["'|\]\[=;\\\n]/.test(value) && value.trim() === value && value !== '';
}

function parentElementAcrossShadow(element: Element): Element | null {
  const parent = element.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === 1 ? (parent as Element) : null;
}
