import { childIndex, classesOf, type Feature, hasFeature } from './features';

/**
 * The cheapest sets of the target's features that rule out every lookalike: a lookalike is ruled
 * out when it lacks at least one feature of the set (an ancestor feature counts when any ancestor
 * inside the scope has it, exactly as a descendant combinator reads). Features must all be present
 * on the target or its ancestors, so a set found here always still matches the target.
 */
export function cheapestCovers(input: CoverInput): Cover[] {
  const features = input.features.slice(0, MAX_FEATURES);
  const masks = lookalikeMasks(features, input);
  const words = wordCount(features.length);
  const found: Cover[] = [];
  const consider = (indices: number[]) => {
    const chosen = indices.map((index) => features[index]!);
    const cost = chosen.reduce((sum, feature) => sum + feature.cost, 0) + input.extraCost(chosen);
    insertSorted(found, { features: chosen, cost }, input.limit);
  };
  const worst = () => (found.length < input.limit ? Infinity : found[found.length - 1]!.cost);

  const union = orAll(masks, words, () => true);
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) consider([a]);
  }
  if (input.maxSize < 2) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
    if (features[a]!.cost >= worst()) break;
    const withA = orAll(masks, words, (mask) => has(mask, a));
    for (let b = a + 1; b < features.length; b++) {
      if (features[a]!.cost + features[b]!.cost >= worst()) break;
      if (has(union, b) && !has(withA, b)) consider([a, b]);
    }
  }
  if (input.maxSize < 3 || masks.length > MAX_MASKS_FOR_TRIPLES) return found;
  for (let a = 0; a < features.length; a++) {
    if (!has(union, a)) continue;
    const withA = masks.filter((mask) => has(mask, a));
    for (let b = a + 1; b < features.length; b++) {
      if (features[a]!.cost + features[b]!.cost >= worst()) break;
      if (!has(union, b)) continue;
      const withAB = orAll(withA, words, (mask) => has(mask, b));
      if (isEmpty(withAB)) continue; // {a, b} already covers; a third feature only adds cost
      for (let c = b + 1; c < features.length; c++) {
        if (features[a]!.cost + features[b]!.cost + features[c]!.cost >= worst()) break;
        if (has(union, c) && !has(withAB, c)) consider([a, b, c]);
      }
    }
  }
  return found;
}

/** For each lookalike, the set of features it has (deduplicated: many lookalikes look alike). */
function lookalikeMasks(features: Feature[], input: CoverInput): Uint32Array[] {
  const words = wordCount(features.length);
  const ownFeatures = features.map((feature, bit) => ({ feature, bit })).filter(({ feature }) => feature.level === 0);
  const index = indexAncestorFeatures(features);
  const chainMasks = new Map<Element, Uint32Array>();
  const zero = new Uint32Array(words);

  const chainMask = (start: Element | null): Uint32Array => {
    const pending: Element[] = [];
    let node = start;
    let base: Uint32Array = zero;
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
      const mask = base.slice();
      index.mark(element, mask);
      chainMasks.set(element, mask);
      base = mask;
      input.budget.spend(1);
    }
    return base;
  };

  const unique = new Map<string, Uint32Array>();
  for (const lookalike of input.lookalikes) {
    const mask = chainMask(lookalike.parentElement).slice();
    for (const { feature, bit } of ownFeatures) if (hasFeature(lookalike, feature)) set(mask, bit);
    unique.set(mask.join(','), mask);
  }
  return [...unique.values()];
}

/** Lookup tables so that marking an ancestor costs a few map reads, not one test per feature. */
function indexAncestorFeatures(features: Feature[]) {
  const byAttribute = new Map<string, Map<string, number[]>>();
  const byClass = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const byPosition = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, bit: number) => map.set(key, [...(map.get(key) ?? []), bit]);
  features.forEach((feature, bit) => {
    if (feature.level === 0) return;
    const match = feature.match;
    if (match.kind === 'attr') {
      if (!byAttribute.has(match.name)) byAttribute.set(match.name, new Map());
      add(byAttribute.get(match.name)!, match.value, bit);
    } else if (match.kind === 'class') add(byClass, match.name, bit);
    else if (match.kind === 'tag') add(byTag, match.name, bit);
    else add(byPosition, `${match.tag ?? ''}|${match.index}`, bit);
  });
  const setAll = (mask: Uint32Array, bits: number[] | undefined) => {
    if (bits) for (const bit of bits) set(mask, bit);
  };
  return {
    mark(element: Element, mask: Uint32Array): void {
      for (const [name, values] of byAttribute) {
        const value = element.getAttribute(name);
        if (value !== null) setAll(mask, values.get(value));
      }
      if (byClass.size > 0) for (const name of classesOf(element)) setAll(mask, byClass.get(name));
      setAll(mask, byTag.get(element.localName));
      if (byPosition.size > 0) {
        const bits = byPosition.get(`${element.localName}|${childIndex(element)}`);
        setAll(mask, bits);
        setAll(mask, byPosition.get(`|${childIndex(element)}`));
      }
    },
  };
}

function insertSorted(list: Cover[], cover: Cover, limit: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]!.cost > cover.cost) at--;
  if (at >= limit) return;
  list.splice(at, 0, cover);
  if (list.length > limit) list.pop();
}

function orAll(masks: Uint32Array[], words: number, when: (mask: Uint32Array) => boolean): Uint32Array {
  const result = new Uint32Array(words);
  for (const mask of masks) {
    if (!when(mask)) continue;
    for (let w = 0; w < words; w++) result[w]! |= mask[w]!;
  }
  return result;
}

function has(mask: Uint32Array, bit: number): boolean {
  return (mask[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

function set(mask: Uint32Array, bit: number): void {
  mask[bit >>> 5]! |= 1 << (bit & 31);
}

function isEmpty(mask: Uint32Array): boolean {
  return mask.every((word) => word === 0);
}

function wordCount(bits: number): number {
  return Math.max(1, Math.ceil(bits / 32));
}

/** More features than this only add combinations that are never the cheapest. */
const MAX_FEATURES = 64;
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
