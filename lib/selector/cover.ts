import { childIndex, type Feature, hasFeature } from './features';

/**
 * The cheapest sets of the target's features that rule out every lookalike: a lookalike is ruled
 * out when it lacks at least one feature of the set (an ancestor feature counts when any ancestor
 * inside the scope has it, exactly as a descendant combinator reads). Features must all be present
 * on the target or its ancestors, so a set found here always still matches the target.
 */
export function cheapestCovers(input: CoverInput): Cover[] {
  const features = input.features.slice(0, MAX_FEATURES);
  const masks = lookalikeMasks(features, input);
  const found: Cover[] = [];
  const consider = (indices: number[]) => {
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
  if (input.maxSize < 2) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
    if (cost(a) >= worst()) break;
    const withA = orWhere(masks, bit(a));
    for (let b = a + 1; b < features.length; b++) {
      if (cost(a) + cost(b) >= worst()) break;
      if (has(union, b) && !has(withA, b)) consider([a, b]);
    }
  }
  if (input.maxSize < 3 || masks.length > MAX_MASKS_FOR_TRIPLES) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
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
  return found;
}

/** For each lookalike, the set of features it has (deduplicated: many lookalikes look alike). */
function lookalikeMasks(features: Feature[], input: CoverInput): Mask[] {
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
    input.budget.spend(pending.length);
    return base;
  };

  const unique = new Map<string, Mask>();
  for (const lookalike of input.lookalikes) {
    let mask = chainMask(lookalike.parentElement);
    for (const { feature, index: at } of ownFeatures) if (hasFeature(lookalike, feature, positions)) mask = or(mask, bit(at));
    unique.set(`${mask.lo},${mask.hi}`, mask);
  }
  input.budget.spend(input.lookalikes.length);
  return [...unique.values()];
}

/** Lookup tables so that marking an ancestor costs a few map reads, not one test per feature. */
function indexAncestorFeatures(features: Feature[], positions: (element: Element) => number | null) {
  const byAttribute = new Map<string, Map<string, Mask>>();
  const byClass = new Map<string, Mask>();
  const byTag = new Map<string, Mask>();
  const byPosition = new Map<string, Array<{ feature: Feature; bits: Mask }>>();
  const add = (map: Map<string, Mask>, key: string, index: number) => map.set(key, or(map.get(key) ?? EMPTY, bit(index)));
  features.forEach((feature, index) => {
    if (feature.level === 0) return;
    const match = feature.match;
    if (match.kind === 'attr') {
      if (!byAttribute.has(match.name)) byAttribute.set(match.name, new Map());
      add(byAttribute.get(match.name)!, match.value, index);
    } else if (match.kind === 'class') add(byClass, match.name, index);
    else if (match.kind === 'tag') add(byTag, match.name, index);
    else {
      const key = `${match.tag ?? ''}|${match.index}`;
      byPosition.set(key, [...(byPosition.get(key) ?? []), { feature, bits: bit(index) }]);
    }
  });
  return {
    /** `base` plus the features `element` itself has. */
    mark(element: Element, base: Mask): Mask {
      let mask = base;
      for (const [name, values] of byAttribute) {
        const value = element.getAttribute(name);
        const bits = value === null ? undefined : values.get(value);
        if (bits) mask = or(mask, bits);
      }
      if (byClass.size > 0) {
        const classes = element.classList;
        for (let i = 0; i < classes.length; i++) {
          const bits = byClass.get(classes[i]!);
          if (bits) mask = or(mask, bits);
        }
      }
      const tagBits = byTag.get(element.localName);
      if (tagBits) mask = or(mask, tagBits);
      if (byPosition.size > 0) {
        const position = positions(element);
        for (const key of [`${element.localName}|${position}`, `|${position}`]) {
          for (const { feature, bits } of byPosition.get(key) ?? []) if (hasFeature(element, feature, positions)) mask = or(mask, bits);
        }
      }
      return mask;
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
function orWhere(masks: Mask[], required: Mask): Mask {
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
interface Mask {
  lo: number;
  hi: number;
}

/** More features than this only add combinations that are never the cheapest. */
const MAX_FEATURES = 62;
/** Triples are checked only when the lookalikes fall into few distinct shapes. */
const MAX_MASKS_FOR_TRIPLES = 300;

export interface Budget {
  spend(units: number): void;
}

export interface CoverInput {
  /** Candidate features sorted by cost: secondary features of the target and of its ancestors. */
  features: Feature[];
  /** Other elements matching the base selector inside the scope. */
  lookalikes: Element[];
  /** Ancestors from here up are outside the part of the selector being built. */
  scope: Node | null;
  maxSize: number;
  limit: number;
  /** Cost of the structure a set implies (number of compounds, …), added to its features' costs. */
  extraCost: (features: Feature[]) => number;
  budget: Budget;
}

export interface Cover {
  features: Feature[];
  cost: number;
}
