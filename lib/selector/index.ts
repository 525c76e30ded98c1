import { allCandidates, bestSelector, type Candidate, type Root } from './generate';
import { HINT_ORDER, type StabilityHint } from './validate';

export { validateSelector } from './validate';
export type { QueryRoot, StabilityHint, ValidationResult } from './validate';
export { fingerprintOf } from './fingerprint';
export { relocate, similarity } from './relocate';
export type { Relocated, RelocateOptions } from './relocate';
export { checkHealth } from './health';
export type { Health, HealthOptions } from './health';

/**
 * The selector recorded for a picked element (PRODUCT.md §2, issue 3): unique in the element's own
 * document or shadow root, escape-free, within the portable dialect, built from the parts least
 * likely to change on the next deploy. Deterministic, and bounded in work on any page.
 */
export function generateSelector(element: Element, options: GenerateOptions = {}): string {
  return bestSelector(element, rootFor(element, options)).selector;
}

/**
 * Ranked alternatives for a pick: the recommended selector first, then selectors matching other
 * sets of elements (each set once), fewest matches first. Each comes with its live match count and
 * the reasons it might break.
 */
export function candidateSelectors(element: Element, options: GenerateOptions = {}): SelectorCandidate[] {
  const root = rootFor(element, options);
  const [best, ...others] = allCandidates(element, root);
  const result: SelectorCandidate[] = [];
  const seen: Element[][] = [];
  for (const [index, option] of [best!, ...others].entries()) {
    const matches = matchesOf(root, option.selector);
    // The recommended selector always comes first; an alternative must at least match the element.
    if (index > 0 && !matches.includes(element)) continue;
    if (seen.some((set) => sameSet(set, matches))) continue;
    seen.push(matches);
    result.push(toPublic(option, matches.length));
  }
  const [first, ...rest] = result;
  rest.sort((a, b) => a.matchCount - b.matchCount || a.selector.length - b.selector.length);
  return first ? [first, ...rest.slice(0, MAX_ALTERNATIVES)] : [];
}

/** What each hint means, for the panel to show next to a selector. */
export const HINT_TEXT: Readonly<Record<StabilityHint, string>> = {
  'position': 'Uses the element’s position: adding an element before it can break it.',
  'generated-name': 'Uses a name that looks generated: it may change on the next deploy.',
  'state-name': 'Uses a state (open, active, …): it matches only while that state lasts.',
  'style-class': 'Uses a styling class: a restyle may remove it.',
  'multiple-matches': 'Matches several elements: a click on any of them counts.',
  'not-portable': 'Outside the portable selector dialect: some tracking tools cannot use it.',
};

function rootFor(element: Element, options: GenerateOptions): Root {
  if (!element || element.nodeType !== 1) throw new TypeError('generateSelector needs an element.');
  const root = options.root ?? (element.getRootNode() as Root);
  if (root.nodeType !== 9 && root.nodeType !== 11) {
    throw new Error('The element is not attached to a document or shadow root, so no selector can point at it.');
  }
  if (!root.contains(element)) throw new Error('The element is not inside the given root.');
  return root;
}

function toPublic(option: Candidate, matchCount: number): SelectorCandidate {
  const hints = new Set<StabilityHint>(option.hints);
  if (matchCount > 1) hints.add('multiple-matches');
  return { selector: option.selector, matchCount, hints: HINT_ORDER.filter((hint) => hints.has(hint)) };
}

function matchesOf(root: Root, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function sameSet(a: Element[], b: Element[]): boolean {
  return a.length === b.length && a.every((element, index) => element === b[index]);
}

const MAX_ALTERNATIVES = 7;

export interface GenerateOptions {
  /** Where the selector must be unique; defaults to the element's own document or shadow root. */
  root?: Document | ShadowRoot;
}

export interface SelectorCandidate {
  selector: string;
  /** Elements the selector matches in the root it was made for (1 = exactly the picked one). */
  matchCount: number;
  hints: StabilityHint[];
}
