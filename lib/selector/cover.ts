import { childIndex, type Feature, hasFeature } from './features';

/**
 * The cheapest sets of the target's features that rule out every lookalike: a lookalike is ruled
 * out when it lacks at least one feature of the set (an ancestor feature counts when any ancestor
 * inside the scope has it, exactly as a descendant combinator reads). Features must all be present
 * on the target or its ancestors, so a set found here always still matches the target.
 */
export function cheapestCovers(input: CoverInput): Cover[] {
  const features = input.features;
  const masks = input.masks;
  const found: Cover[] = [];
  // Each union over the masks is charged to the budget as it goes, so that a large search spends
  // the budget (and stops on it) like the queries do.
  let scanned = 0;
  const orWhere = (list: Mask[], required: Mask): Mask => {
    scanned += list.length;
    return unionWhere(list, required);
  };
  const stop = (): boolean => {
    input.budget.spend(scanned / SCANS_PER_UNIT);
    scanned = 0;
    return input.budget.exhausted();
  };
  const consider = (indices: number[]) => {
    scanned += CONSIDER_WORK * SCANS_PER_UNIT;
    const chosen = indices.map((index) => features[index]!);
    const cost = chosen.reduce((sum, feature) => sum + feature.cost, 0) + input.extraCost(chosen);
    insertSorted(found, { features: chosen, cost }, input.limit);
  };
  const worst = () => (found.length < input.limit ? Infinity : found[found.length - 1]!.cost);
  const cost = (index: number) => features[index]!.cost;

  const union = orWhere(masks, EMPTY);
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) consider([a]);
  }
  if (input.maxSize < 2 || stop()) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
    if (cost(a) >= worst() || stop()) break;
    const withA = orWhere(masks, bit(a));
    for (let b = a + 1; b < features.length; b++) {
      if (cost(a) + cost(b) >= worst()) break;
      if (has(union, b) && !has(withA, b)) consider([a, b]);
    }
  }
  if (input.maxSize < 3 || masks.length > MAX_MASKS_FOR_TRIPLES || stop()) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
    if (stop()) break;
    scanned += masks.length;
    const withA = masks.filter((mask) => has(mask, a));
    for (let b = a + 1; b < features.length; b++) {
      if (cost(a) + cost(b) >= worst()) break;
      if (!has(union, b)) continue;
      const withAB = orWhere(withA, bit(b));
      if (withAB.lo === 0 && withAB.hi === 0) continue; // {a, b} already covers; a third only adds cost
      for (let c = b + 1; c < features.length; c++) {
        if (cost(a) + cost(b) + cost(c) >= worst()) break;
        if (has(union, c) && !has(withAB, c)) consider([a, b, c]);
      }
    }
  }
  stop();
  return found;
}

/**
 * Turns lookalikes into the sets of features they have (deduplicated: many lookalikes look alike).
 * Ancestors are marked once and remembered, so feeding more lookalikes later costs only the new
 * ancestors they bring.
 */
export function featureSets(input: FeatureSetInput): FeatureSets {
  const features = input.features.slice(0, MAX_FEATURES);
  const ownFeatures = features.map((feature, index) => ({ feature, index })).filter(({ feature }) => feature.level === 0);
  const positions = siblingPositions();
  const index = indexAncestorFeatures(features, positions);
  const chainMasks = new Map<Element, Mask>();

  const chainMask = (start: Element | null): Mask => {
    const pending: Element[] = [];
    let node = start;
    let base = EMPTY;
    while (node && node !== input.scope) {
      const known = chainMasks.get(node);
      if (known) {
        base = known;
        break;
      }
      pending.push(node);
      node = node.parentElement;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const element = pending[i]!;
      const mask = index.mark(element, base);
      chainMasks.set(element, mask);
      base = mask;
    }
    input.budget.spend(pending.length * index.markWork);
    return base;
  };

  return {
    features,
    masksOf(lookalikes: Element[]): Mask[] {
      const unique = new Map<number, Map<number, Mask>>();
      for (const [at, lookalike] of lookalikes.entries()) {
        // Out of budget, the lookalikes not marked yet are left out: a cover found without them is
        // checked in the browser like any other, so it is never taken unless it is unique.
        if (at % CHECK_EVERY === 0 && input.budget.exhausted()) break;
        let mask = chainMask(lookalike.parentElement);
        for (const { feature, index: at } of ownFeatures) if (hasFeature(lookalike, feature, positions)) mask = or(mask, bit(at));
        let byHi = unique.get(mask.lo);
        if (!byHi) unique.set(mask.lo, (byHi = new Map()));
        byHi.set(mask.hi, mask);
      }
      input.budget.spend(lookalikes.length * (1 + ownFeatures.length) * MARK_UNIT);
      const masks: Mask[] = [];
      for (const byHi of unique.values()) masks.push(...byHi.values());
      return masks;
    },
  };
}

/**
 * Lookup tables so that marking an ancestor costs a few map reads, not one test per feature.
 * This runs for every ancestor of every lookalike, so it avoids allocating where it can.
 */
function indexAncestorFeatures(features: Feature[], positions: (element: Element) => number | null) {
  const attributes: Array<{ name: string; values: Map<string, Mask> }> = [];
  const byClass = new Map<string, Mask>();
  const byTag = new Map<string, Mask>();
  const byPosition = new Map<number, Array<{ feature: Feature; bits: Mask }>>();
  const add = (map: Map<string, Mask>, key: string, index: number) => map.set(key, or(map.get(key) ?? EMPTY, bit(index)));
  features.forEach((feature, index) => {
    if (feature.level === 0) return;
    const match = feature.match;
    if (match.kind === 'attr') {
      let entry = attributes.find((candidate) => candidate.name === match.name);
      if (!entry) attributes.push((entry = { name: match.name, values: new Map() }));
      add(entry.values, match.value, index);
    } else if (match.kind === 'class') add(byClass, match.name, index);
    else if (match.kind === 'tag') add(byTag, match.name, index);
    else byPosition.set(match.index, [...(byPosition.get(match.index) ?? []), { feature, bits: bit(index) }]);
  });
  return {
    /** Work units one `mark` costs: an attribute read per indexed name, a class list, a tag and a position. */
    markWork: (1 + attributes.length + (byClass.size > 0 ? 2 : 0) + (byPosition.size > 0 ? 1 : 0)) * MARK_UNIT,
    /** `base` plus the features `element` itself has. */
    mark(element: Element, base: Mask): Mask {
      let lo = base.lo;
      let hi = base.hi;
      for (let i = 0; i < attributes.length; i++) {
        const value = element.getAttribute(attributes[i]!.name);
        const bits = value === null ? undefined : attributes[i]!.values.get(value);
        if (bits) {
          lo |= bits.lo;
          hi |= bits.hi;
        }
      }
      if (byClass.size > 0) {
        const classes = element.classList;
        for (let i = 0; i < classes.length; i++) {
          const bits = byClass.get(classes[i]!);
          if (bits) {
            lo |= bits.lo;
            hi |= bits.hi;
          }
        }
      }
      const tagBits = byTag.get(element.localName);
      if (tagBits) {
        lo |= tagBits.lo;
        hi |= tagBits.hi;
      }
      if (byPosition.size > 0) {
        const position = positions(element);
        const candidates = position === null ? undefined : byPosition.get(position);
        if (candidates) {
          for (const { feature, bits } of candidates) {
            if (!hasFeature(element, feature, positions)) continue;
            lo |= bits.lo;
            hi |= bits.hi;
          }
        }
      }
      return lo === base.lo && hi === base.hi ? base : { lo, hi };
    },
  };
}

/**
 * `:nth-child` positions, computed once per parent: walking back over siblings for every node
 * is quadratic in long lists (a page of 200 comments).
 */
function siblingPositions(): (element: Element) => number | null {
  const known = new Map<Element, number>();
  return (element) => {
    const cached = known.get(element);
    if (cached !== undefined) return cached;
    const parent = element.parentNode;
    if (!parent || parent.nodeType === 9) return childIndex(element);
    let position = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) known.set(child as Element, ++position);
    }
    return known.get(element) ?? null;
  };
}

function insertSorted(list: Cover[], cover: Cover, limit: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]!.cost > cover.cost) at--;
  if (at >= limit) return;
  list.splice(at, 0, cover);
  if (list.length > limit) list.pop();
}

/** Union of the masks that contain all of `required`. */
function unionWhere(masks: Mask[], required: Mask): Mask {
  let lo = 0;
  let hi = 0;
  for (const mask of masks) {
    if ((mask.lo & required.lo) !== required.lo || (mask.hi & required.hi) !== required.hi) continue;
    lo |= mask.lo;
    hi |= mask.hi;
  }
  return { lo, hi };
}

function or(a: Mask, b: Mask): Mask {
  return { lo: a.lo | b.lo, hi: a.hi | b.hi };
}

function bit(index: number): Mask {
  return index < 31 ? { lo: 1 << index, hi: 0 } : { lo: 0, hi: 1 << (index - 31) };
}

function has(mask: Mask, index: number): boolean {
  return index < 31 ? (mask.lo & (1 << index)) !== 0 : (mask.hi & (1 << (index - 31))) !== 0;
}

const EMPTY: Mask = { lo: 0, hi: 0 };

/** A set of up to 62 features as two 31-bit words (no allocation per test, no BigInt). */
export interface Mask {
  lo: number;
  hi: number;
}

/**
 * Work units (one element visited by a query, see search.ts) per attribute read while marking,
 * and mask unions per unit: measured on the corpus in Chromium so that each kind of work costs
 * about the same time per unit (issue 14: the work budget stands for time on an idle machine).
 */
const MARK_UNIT = 12;
const SCANS_PER_UNIT = 1;
/** Work units of recording one cover found (building and sorting it). */
const CONSIDER_WORK = 20;
/** Lookalikes marked between two checks of the budget. */
const CHECK_EVERY = 8;

/** More features than this only add combinations that are never the cheapest. */
const MAX_FEATURES = 62;
/** Triples are checked only when the lookalikes fall into few distinct shapes. */
const MAX_MASKS_FOR_TRIPLES = 300;

export interface Budget {
  spend(units: number): void;
  /** True once the search must stop (work spent or time up): long loops check it and return what they have. */
  exhausted(): boolean;
}

export interface FeatureSetInput {
  /** Candidate features sorted by cost: secondary features of the target and of its ancestors. */
  features: Feature[];
  /** Ancestors from here up are outside the part of the selector being built. */
  scope: Node | null;
  budget: Budget;
}

export interface FeatureSets {
  /** The features the masks are about (at most MAX_FEATURES of the input, cheapest first). */
  features: Feature[];
  masksOf(lookalikes: Element[]): Mask[];
}

export interface CoverInput {
  features: Feature[];
  budget: Budget;
  /** What each lookalike has, from `FeatureSets.masksOf`. */
  masks: Mask[];
  maxSize: number;
  limit: number;
  /** Cost of the structure a set implies (number of compounds, …), added to its features' costs. */
  extraCost: (features: Feature[]) => number;
}

export interface Cover {
  features: Feature[];
  cost: number;
}
