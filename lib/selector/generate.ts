import { chain } from './chain';
import { compound, render } from './compose';
import { cheapestCovers, featureSets } from './cover';
import { BARE_TAG_COST, type Feature, anchorFeatures, byCost, childIndex, emittableTag, ownFeatures, shiftGuard } from './features';
import {
  type Base, type Candidate, type Clock, type Root, type Search, type StabilityHintKind, type StopReason, WORK_BUDGET,
  byCandidateCost, candidate, newSearch, overBudget, queryAll, specialSelector, timeUp,
} from './search';

export type { Candidate, Root, StabilityHintKind, StopReason } from './search';

/**
 * Selector search. The picked element's own parts make a few "bases" (`a[href="/cart"]`,
 * `button.buy`, `li`); each base matches a set of lookalikes, and the cheapest set of further
 * parts of the element or its ancestors that rules them all out completes the selector (see
 * cover.ts). When no such set exists, the search anchors on the nearest ancestor that one cheap
 * part identifies, and searches again inside it, joining the two with a descendant combinator. A
 * chain of `:nth-child` steps is the fallback of last resort (chain.ts). The search's budget and
 * context live in search.ts.
 */

/** Elements matching one base beyond which the search anchors on an ancestor instead. */
const LOOKALIKE_CAP = 5000;
/** Lookalikes the cover search starts from on a big page; counterexamples join in later rounds. */
const SAMPLE_SIZE = 240;
const MAX_ROUNDS = 4;
/** Lookalikes few enough to search even when a selector was already found. */
const SMALL_LOOKALIKE_SET = 200;
/** Bases tried per element, cheapest first. */
const MAX_BASES = 4;
/** Bases whose lookalikes are searched for completing parts. */
const MAX_COVERED_BASES = 2;
/** Ancestor features offered to the cover search. */
const MAX_ANCHOR_FEATURES = 50;
/** Nesting of "anchor of an anchor". */
const MAX_DEPTH = 3;
/** Single-part uniqueness checks spent looking for an anchor. */
const MAX_ANCHOR_CHECKS = 8;
/** A position on the element alone: a new sibling of the same tag takes its place. */
const BARE_POSITION_COST = 6;
/** Each extra compound makes the selector longer and ties it to more of the page's structure. */
const COMPOUND_COST = 1;

/**
 * The best selector for `element`, unique in `root`; never throws for an element inside `root`.
 * `limits` are for tests and benchmarks (the out-of-budget path, a fake clock); the report says
 * how much work the search did and which limit, if any, ended it.
 */
export function bestSelector(element: Element, root: Root, limits: SearchLimits = {}): Candidate & SearchReport {
  const search = newSearch(root, limits.workBudget ?? WORK_BUDGET, limits.clock, limits.timeCapMs);
  const best = solve(element, root, '', search, 0) ?? chain(element, root, '', search);
  return { ...best, work: search.work, stopped: search.stopped };
}

/**
 * The best selector plus cheaper-to-read alternatives that match more elements (the base parts
 * and the anchored forms found on the way), for the user to choose from.
 */
export function allCandidates(element: Element, root: Root): Candidate[] {
  const search = newSearch(root, WORK_BUDGET);
  const best = solve(element, root, '', search, 0) ?? chain(element, root, '', search);
  return [best, ...search.broader];
}

export interface SearchLimits {
  workBudget?: number;
  clock?: Clock;
  timeCapMs?: number;
}

export interface SearchReport {
  /** Work units spent (elements visited, see search.ts). */
  work: number;
  /** The limit that ended the search early, or `null` when it ran to its end. */
  stopped: StopReason | null;
}

/**
 * The cheapest selector for `element` unique among the descendants of `scope`, prefixed by
 * `prefix` (the selector of `scope` when it is an element). `null` when none was found in budget.
 */
function solve(element: Element, scope: Root | Element, prefix: string, search: Search, depth: number): Candidate | null {
  const special = specialSelector(element, search.root);
  if (special && prefix === '') return { selector: special, cost: 0, hints: [] };
  let best = null as Candidate | null;
  let covered = 0;
  // Bases in cost order: once the best found costs less than the next base, nothing can beat it.
  // Among bases of equal cost (two classes), the one matching fewer elements says more.
  for (const group of byEqualCost(basesOf(element))) {
    if (best && group[0]!.cost >= best.cost) break;
    if (overBudget(search)) break;
    for (const base of group) base.matches = overBudget(search) ? [] : queryAll(scope, base.text, search);
    group.sort((a, b) => a.matches.length - b.matches.length);
    for (const base of group) {
      if (!base.matches.includes(element)) continue;
      if (base.matches.length > 1) rememberBroader(search, base, prefix);
      // Completing a base with many lookalikes costs a walk over much of the page: only worth it
      // while nothing has been found yet.
      const affordable: boolean = base.matches.length <= (best ? SMALL_LOOKALIKE_SET : LOOKALIKE_CAP);
      const found: Candidate | null = base.matches.length === 1
        ? firstVerified([candidate(prefix, base.text, base.cost, base.hints)], element, search)
        : affordable && covered++ < MAX_COVERED_BASES
          ? completed(element, base, scope, prefix, search)
          : null;
      if (found && (!best || found.cost < best.cost)) best = found;
    }
  }
  if (best) return best;
  if (depth >= MAX_DEPTH || overBudget(search)) return null;
  return anchored(element, scope, prefix, search, depth);
}

function byEqualCost(bases: Base[]): Base[][] {
  const groups: Base[][] = [];
  for (const base of bases) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.cost === base.cost) last.push(base);
    else groups.push([base]);
  }
  return groups;
}

/** The element's own parts as bases, cheapest first; the bare tag last. */
function basesOf(element: Element): Base[] {
  const tag = emittableTag(element);
  const own = ownFeatures(element).filter((feature) => feature.match.kind !== 'nth');
  const bases: Base[] = own.slice(0, MAX_BASES).map((feature) => ({
    feature,
    text: compound(feature.tag, [feature]),
    cost: feature.cost,
    hints: feature.hint ? [feature.hint] : [],
    matches: [],
  }));
  if (tag) bases.push({ feature: null, text: tag, cost: BARE_TAG_COST, hints: [], matches: [] });
  if (bases.length === 0) {
    const index = childIndex(element) ?? 1;
    bases.push({ feature: null, text: `:nth-child(${index})`, cost: BARE_TAG_COST + 30, hints: ['position'], matches: [] });
  }
  return bases.sort((a, b) => a.cost - b.cost);
}

/**
 * Completes `base` with the cheapest parts that rule out its other matches inside `scope`, and
 * checks the result in the browser. On a big page the search starts from the lookalikes nearest
 * to the element (the hardest to tell apart) plus an even spread of the others; whatever a
 * candidate still matches in the browser joins them for another round.
 */
function completed(element: Element, base: Base, scope: Root | Element, prefix: string, search: Search): Candidate | null {
  const sets = featureSets({ features: coverFeatures(element, base, scope), scope: scope.nodeType === 1 ? scope : null, budget: search.budget });
  const sample = sampleLookalikes(base.matches, element);
  const known = new Set(sample);
  for (let round = 0; round < MAX_ROUNDS && !overBudget(search); round++) {
    const covers = cheapestCovers({
      features: sets.features,
      budget: search.budget,
      masks: sets.masksOf(sample),
      maxSize: 3,
      limit: 6,
      extraCost: (chosen) => structureCost(chosen, base),
    });
    let learned = 0;
    for (const cover of covers) {
      // Up to six queries over the root: a look at the clock between them (issue 14).
      if (timeUp(search)) return null;
      const option = coverCandidate(element, base, cover.features, cover.cost, prefix);
      const matches = queryAll(search.root, option.selector, search);
      if (matches.length === 1 && matches[0] === element) return option;
      for (const match of matches) {
        if (match === element || known.has(match)) continue;
        known.add(match);
        sample.push(match);
        learned++;
      }
    }
    if (learned === 0) return null;
  }
  return null;
}

function coverCandidate(element: Element, base: Base, chosen: Feature[], cost: number, prefix: string): Candidate {
  const guards = safeguards(element, base, chosen);
  const text = render(base, [...chosen, ...guards]);
  const hints = new Set<StabilityHintKind>(base.hints);
  for (const feature of [...chosen, ...guards]) if (feature.hint) hints.add(feature.hint);
  return candidate(prefix, text, base.cost + cost, [...hints]);
}

/** The lookalikes around the element in document order, and every k-th of the rest. */
function sampleLookalikes(matches: Element[], element: Element): Element[] {
  const others = matches.filter((match) => match !== element);
  if (others.length <= SAMPLE_SIZE) return others;
  const at = matches.indexOf(element);
  const near = SAMPLE_SIZE / 2;
  const start = Math.max(0, Math.min(at - near / 2, others.length - near));
  const sample = others.slice(start, start + near);
  const step = others.length / (SAMPLE_SIZE - near);
  for (let i = 0; i < SAMPLE_SIZE - near; i++) {
    const spread = others[Math.floor(i * step)]!;
    if (!sample.includes(spread)) sample.push(spread);
  }
  return sample;
}

/**
 * A selector that names the element by its position should stop matching, not match a neighbour,
 * when the siblings shift (issue 3: a wrong element is the worst outcome): see `shiftGuard`.
 */
function safeguards(element: Element, base: Base, chosen: Feature[]): Feature[] {
  if (!chosen.some((feature) => feature.level === 0 && feature.match.kind === 'nth')) return [];
  const ownParts = [base.feature, ...chosen].filter((feature): feature is Feature => !!feature && feature.level === 0 && feature.match.kind !== 'nth');
  const guard = shiftGuard(element, ownParts);
  return guard ? [guard] : [];
}

/** Parts of the element beyond its base, and parts of its ancestors inside `scope`. */
function coverFeatures(element: Element, base: Base, scope: Root | Element): Feature[] {
  const own = ownFeatures(element).filter((feature) => feature !== base.feature && feature.text !== base.feature?.text);
  const anchors: Feature[] = [];
  const seen = new Set<string>();
  let level = 1;
  for (let node = element.parentElement; node && node !== scope; node = node.parentElement, level++) {
    if (node.localName === 'html' || node.localName === 'body') break;
    for (const feature of anchorFeatures(node, level)) {
      // The same part higher up adds nothing a descendant combinator would not already match.
      const key = `${feature.tag ?? ''}${feature.text}`;
      if (feature.match.kind !== 'nth' && seen.has(key)) continue;
      seen.add(key);
      anchors.push(feature);
    }
  }
  anchors.sort(byCost);
  return [...own, ...anchors.slice(0, MAX_ANCHOR_FEATURES)].sort(byCost);
}

/**
 * When no set of parts makes the element unique, anchor on its nearest ancestor that one cheap
 * part identifies inside `scope`, and search again inside that ancestor (issue 3: position only
 * as a last resort, anchored to the nearest stable ancestor).
 */
function anchored(element: Element, scope: Root | Element, prefix: string, search: Search, depth: number): Candidate | null {
  const anchor = nearestIdentifiedAncestor(element, scope, search);
  if (!anchor) return null;
  const anchorPrefix = prefix ? `${prefix} ${anchor.text}` : anchor.text;
  const inner = solve(element, anchor.element, anchorPrefix, search, depth + 1);
  const found = inner ?? chain(element, anchor.element, anchorPrefix, search);
  const hints = new Set([...anchor.hints, ...found.hints]);
  return { selector: found.selector, cost: anchor.cost + found.cost, hints: [...hints] };
}

/** The closest ancestor inside `scope` that a single cheap part matches alone. */
function nearestIdentifiedAncestor(element: Element, scope: Root | Element, search: Search): Anchor | null {
  let checks = 0;
  let level = 1;
  for (let node = element.parentElement; node && node !== scope; node = node.parentElement, level++) {
    if (node.localName === 'body' || node.localName === 'html') break;
    const parts = anchorFeatures(node, level).filter((feature) => feature.match.kind !== 'nth').slice(0, 2);
    for (const part of parts) {
      if (checks++ >= MAX_ANCHOR_CHECKS || overBudget(search)) return null;
      const text = compound(part.match.kind === 'tag' ? part.tag : null, [part]);
      const matches = queryAll(scope, text, search);
      if (matches.length === 1 && matches[0] === node) {
        return { element: node, text, cost: part.cost + COMPOUND_COST, hints: part.hint ? [part.hint] : [] };
      }
    }
  }
  return null;
}

/**
 * Cost of the shape of a selector: one per extra compound; and a position on the element with
 * nothing else of its own, which a new sibling of the same tag would take over.
 */
function structureCost(chosen: Feature[], base: Base): number {
  const levels = new Set(chosen.map((feature) => feature.level));
  levels.delete(0);
  const ownPosition = chosen.some((feature) => feature.level === 0 && feature.match.kind === 'nth');
  const ownOther = base.feature !== null || chosen.some((feature) => feature.level === 0 && feature.match.kind !== 'nth');
  return levels.size * COMPOUND_COST + (ownPosition && !ownOther ? BARE_POSITION_COST : 0);
}

/** The cheapest candidate whose real match set in the root is exactly the element. */
function firstVerified(options: Candidate[], element: Element, search: Search): Candidate | null {
  for (const option of [...options].sort(byCandidateCost)) {
    const matches = queryAll(search.root, option.selector, search);
    if (matches.length === 1 && matches[0] === element) return option;
  }
  return null;
}

function rememberBroader(search: Search, base: Base, prefix: string): void {
  if (search.broader.length >= 8) return;
  search.broader.push(candidate(prefix, base.text, base.cost, base.hints));
}

interface Anchor {
  element: Element;
  text: string;
  cost: number;
  hints: StabilityHintKind[];
}

