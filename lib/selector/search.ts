import type { Budget } from './cover';
import type { Feature } from './features';

/**
 * What one selector search carries: the root it must be unique in, the work it has spent against
 * its budget, and the broader selectors met on the way. Work is counted in elements visited, not
 * milliseconds, so that the result is the same on a fast and a slow machine (issue 3: a hard time
 * budget and a deterministic result).
 */

/**
 * Work, in elements visited, after which the search stops refining and takes what it has: a query
 * over the root counts every element of the root, marking an ancestor for the cover counts a few.
 * About 30 whole-page queries on a 10,000-element page.
 */
export const WORK_BUDGET = 300_000;

/** Marking one ancestor against the features costs about as much as a query visiting this many elements. */
export const MARK_WORK = 4;

export function newSearch(root: Root, workBudget: number): Search {
  const search: Search = {
    root,
    workBudget,
    // Counted once up front, so that every later query can be charged what it costs.
    rootSize: countElements(root),
    work: 0,
    broader: [],
    budget: { spend: (units) => { search.work += units * MARK_WORK; } },
  };
  return search;
}

export function queryAll(scope: Root | Element, selector: string, search: Search): Element[] {
  search.work += search.rootSize;
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function countElements(root: Root): number {
  // A document's live collection counts without building a list of every element.
  return root.nodeType === 9 ? (root as Document).getElementsByTagName('*').length : root.querySelectorAll('*').length;
}

export function overBudget(search: Search): boolean {
  return search.work > search.workBudget;
}

/** `html`, `head` and `body` need nothing more than their tag. */
export function specialSelector(element: Element, root: Root): string | null {
  if (root.nodeType !== 9) return null;
  const doc = root as Document;
  if (element === doc.documentElement || element === doc.body || element === doc.head) return element.localName;
  return null;
}

export function candidate(prefix: string, text: string, cost: number, hints: StabilityHintKind[]): Candidate {
  return { selector: prefix ? `${prefix} ${text}` : text, cost, hints };
}

export function byCandidateCost(a: Candidate, b: Candidate): number {
  return a.cost - b.cost || a.selector.length - b.selector.length || (a.selector < b.selector ? -1 : 1);
}

export type Root = Document | ShadowRoot;

export type StabilityHintKind = 'position' | 'style-class' | 'generated-name' | 'state-name';

export interface Candidate {
  selector: string;
  cost: number;
  hints: StabilityHintKind[];
}

export interface Base {
  /** The element's own part this base is made of, or `null` for the bare tag. */
  feature: Feature | null;
  text: string;
  cost: number;
  hints: StabilityHintKind[];
  matches: Element[];
}

export interface Search {
  root: Root;
  workBudget: number;
  rootSize: number;
  work: number;
  broader: Candidate[];
  budget: Budget;
}
