import { anchorFeatures, ownFeatures, type Feature } from '@/lib/selector/features';
import type { DomEvent } from './chain';
import { COMPILERS } from './compiler';
import { compileStep, stepMatches } from './matching';
import { judgeSelector, ownChain, type PageIndex } from './page';

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

/** Own compounds tried alone, cheapest first. */
const MAX_OWN = 24;
/** Own compounds that are then narrowed down with anchors. */
const OWN_FOR_ANCHORS = 6;
/** Ancestor levels searched for anchors. */
const MAX_LEVELS = 8;
/** Anchor parts tried per level. */
const ANCHORS_PER_LEVEL = 6;
/** Other matches beyond which an own compound is not worth narrowing down. */
const MAX_SURVIVORS = 400;
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
 *
 * Adding a compound only adds conditions to the regex (and to the id and tag checks), so an
 * anchored selector can only match events its inner compound matches alone: each own compound is
 * judged once against the whole page, and its anchored forms only against what it matched.
 */
export function postHogSafeSelector(index: PageIndex, element: Element, event: DomEvent): SafeSelector | null {
  const pool = event === 'submit' ? index.submits : index.clicks;
  let best: { candidate: Candidate; others: number } | null = null;
  const consider = (candidate: Candidate, others: number) => {
    if (!best || others < best.others || (others === best.others && candidate.cost < best.candidate.cost)) best = { candidate, others };
  };
  const judged: { own: Compound; survivors: Element[] }[] = [];
  for (const own of ownCompounds(element).slice(0, MAX_OWN)) {
    const verdict = judgeSelector(index, own.text, [element], event, { stopOnMiss: true, limit: MAX_SURVIVORS });
    if (verdict.missed.length > 0) continue;
    if (verdict.others.length === 0) return { selector: own.text, others: 0 };
    consider(own, verdict.others.length);
    judged.push({ own, survivors: verdict.others });
  }
  const anchored: Candidate[] = [];
  for (const { own, survivors } of judged.slice(0, OWN_FOR_ANCHORS)) {
    if (survivors.length >= MAX_SURVIVORS) continue;
    for (const candidate of anchoredForms(element, own)) anchored.push({ ...candidate, survivors } as Candidate & { survivors: Element[] });
  }
  anchored.sort((a, b) => a.cost - b.cost || a.text.length - b.text.length);
  const seen = new Set<string>();
  for (const candidate of anchored as (Candidate & { survivors: Element[] })[]) {
    if (seen.has(candidate.text)) continue;
    seen.add(candidate.text);
    const verdict = judgeWithin(index, candidate.text, element, event, candidate.survivors, pool);
    if (verdict === null) continue;
    if (verdict === 0) return { selector: candidate.text, others: 0 };
    consider(candidate, verdict);
  }
  const found = best as { candidate: Candidate; others: number } | null;
  return found ? { selector: found.candidate.text, others: found.others } : null;
}

/** Other matches of `selector` among `survivors`, or `null` when it misses the element itself. */
function judgeWithin(index: PageIndex, selector: string, element: Element, event: DomEvent, survivors: Element[], pool: PageIndex['clicks']): number | null {
  const steps = compileBoth(selector);
  const own = ownChain(index, element);
  if (steps.some((step) => !stepMatches(step, own))) return null;
  let others = 0;
  for (const survivor of survivors) {
    const chain = pool.find((item) => item.element === survivor)?.chain ?? ownChain(index, survivor);
    if (steps.some((step) => stepMatches(step, chain))) others++;
  }
  return others;
}

function compileBoth(selector: string) {
  return COMPILERS.map((compiler) => compileStep(selector, compiler));
}

interface Candidate {
  text: string;
  cost: number;
}

/** The own compound under anchors of the element's ancestors (two levels at most). */
function anchoredForms(element: Element, own: Compound): Candidate[] {
  const out: Candidate[] = [];
  const levels: { level: number; anchors: Compound[] }[] = [];
  let node = parentElementAcrossShadow(element);
  for (let level = 1; node && level <= MAX_LEVELS; level++, node = parentElementAcrossShadow(node)) {
    if (node.localName === 'body' || node.localName === 'html') break;
    levels.push({ level, anchors: anchorCompounds(node, level).slice(0, ANCHORS_PER_LEVEL) });
  }
  for (const { level, anchors } of levels) {
    for (const anchor of anchors) {
      const joined = join(anchor, own, level);
      if (!joined) continue;
      out.push(joined);
      // A second anchor above a first one at the parent: `grand parent > parent > element`.
      if (level === 1) {
        const grand = levels[1];
        for (const outer of grand?.anchors.slice(0, 3) ?? []) {
          const twice = join(outer, { text: joined.text, cost: joined.cost }, 1);
          if (twice) out.push(twice);
        }
      }
    }
  }
  return out;
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
  // Classes together, and a class with the position: both compilers read `tag.a.b:nth-child(n)`.
  const classes = out.filter((compound) => /^[a-zA-Z0-9-]*\.[^.:[]+$/.test(compound.text));
  const position = features.find((feature) => feature.match.kind === 'nth');
  for (const [i, first] of classes.entries()) {
    for (const second of classes.slice(i + 1, i + 3)) {
      out.push({ text: `${first.text}.${second.text.split('.').pop()}`, cost: first.cost + second.cost, tagLed: first.tagLed });
    }
    if (position && position.match.kind === 'nth') out.push({ text: `${first.text}:nth-child(${position.match.index})`, cost: first.cost + position.cost - 10, tagLed: first.tagLed });
  }
  return out.sort((a, b) => a.cost - b.cost);
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
