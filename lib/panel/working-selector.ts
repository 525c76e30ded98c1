import { candidateSelectors, validateSelector, type SelectorCandidate } from '@/lib/selector';
import { classIssue, idIssue, isPlainIdent, isQuotable, valueIssue } from '@/lib/selector/names';
import { overallStability, stabilityHints } from './stability';

// Working selectors for one the panel refuses (issue 15, "plain errors"): computed in the page, by
// the page agent, with the selector engine. A refused selector may still find elements there (the
// browser reads `.md\:flex` fine; the tracking runtimes cannot): then another stable attribute of the
// same elements, or a structural selector from the engine, does the job. For a typing mistake, the
// panel's repairs (lib/panel/selector-problem.ts) are counted here. Every proposal is proven by
// its match count on the page; none is offered that matches nothing. Pure DOM: runs in any document.

/** Attributes meant to identify an element (PRODUCT.md §2), tried in this order. */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'data-track', 'name', 'aria-label', 'role', 'type', 'title', 'alt', 'for', 'placeholder'];
const MAX_PROPOSALS = 3;

/**
 * Proposals for `selector` (what the user meant, in any form the browser reads) in `root`: what it
 * matches, and up to three portable selectors that match the same elements (`same`), or the first
 * of them when nothing matches them all. Typing repairs are counted and kept when they match something.
 */
export function workingSelectors(root: ParentNode, selector: string, repairs: readonly string[] = []): WorkingSelectors {
  const wanted = matchList(root, selector);
  const proposals: Proposal[] = [];
  /** `portable`: what Goalpost proposes on its own stays in the portable dialect; the user's own corrected selector keeps their choices. */
  const add = (raw: string, why: string, portable = true) => {
    const candidate = raw.trim();
    // `a[x="y"]` and `[x="y"]` for the same elements are one proposal, not two.
    if (proposals.some((proposal) => bare(proposal.selector) === bare(candidate))) return;
    const check = validateSelector(candidate);
    if (!check.ok || (portable && check.hints.includes('not-portable'))) return;
    const found = matchList(root, candidate);
    if (!found || found.length === 0) return;
    proposals.push({ selector: candidate, count: found.length, same: wanted !== null && sameSet(found, wanted), why });
  };

  if (wanted && wanted.length > 0) {
    const rewrite = validateSelector(selector, root);
    if (!rewrite.ok && rewrite.suggestion) add(rewrite.suggestion, 'the same selector without the escape');
    for (const candidate of sharedAttributeSelectors(wanted)) add(candidate, 'an attribute all of them share');
    for (const candidate of sharedClassSelectors(wanted)) add(candidate, 'a class all of them share');
    for (const candidate of engineSelectors(root, wanted)) add(candidate.selector, candidate.why);
  }
  for (const repair of repairs) add(repair, 'your selector, corrected', false);

  // Same elements first, then the steadiest (a stable attribute or id before classes, a bare tag or
  // the whole `class` attribute written out last: they break on any restructure or restyle).
  proposals.sort((a, b) => Number(b.same) - Number(a.same) || steadiness(a.selector) - steadiness(b.selector));
  return { matched: wanted?.length ?? null, proposals: proposals.slice(0, MAX_PROPOSALS) };
}

/**
 * Alternatives for one element (issue 15, under Edit): the engine's ranked candidates, widened by
 * selectors a person would also try (a stable attribute or class of the element, alone or inside
 * its nearest identified ancestor), each set of matches once and always including the element.
 * The engine's best comes first, the rest by fewest matches, then shortest.
 */
export function alternativeSelectors(root: Document | ShadowRoot, element: Element): SelectorCandidate[] {
  let engine: SelectorCandidate[] = [];
  try {
    engine = candidateSelectors(element, { root });
  } catch {
    // An element outside `root` has no selector written for it there.
  }
  const seen: Element[][] = [];
  const result: SelectorCandidate[] = [];
  const take = (selector: string) => {
    const check = validateSelector(selector, root);
    if (!check.ok || check.hints.includes('not-portable')) return;
    const found = matchList(root, selector);
    if (!found || !found.includes(element) || seen.some((set) => sameSet(set, found))) return;
    seen.push(found);
    result.push({ selector, matchCount: found.length, hints: check.hints });
  };
  for (const candidate of engine) take(candidate.selector);
  const own = [...sharedAttributeSelectors([element]), ...sharedClassSelectors([element])];
  for (const selector of own) take(selector);
  const scope = identifiedAncestor(element);
  if (scope) for (const selector of [element.localName, ...own]) take(`${scope} ${selector}`);
  const [first, ...rest] = result;
  rest.sort((a, b) => a.matchCount - b.matchCount || a.selector.length - b.selector.length);
  return first ? [first, ...rest.slice(0, MAX_ALTERNATIVES)] : [];
}

/** `#id` or `[data-x="v"]` of the nearest ancestor that has a stable one. */
function identifiedAncestor(element: Element): string | null {
  for (let parent = element.parentElement; parent && parent.localName !== 'body'; parent = parent.parentElement) {
    const id = parent.getAttribute('id');
    if (id && isPlainIdent(id) && idIssue(id) === null) return `#${id}`;
    for (const name of parent.getAttributeNames()) {
      const value = parent.getAttribute(name)!;
      if (name.startsWith('data-') && value !== '' && isQuotable(value) && valueIssue(value) === null && isPlainIdent(name)) return `[${name}="${value}"]`;
    }
  }
  return null;
}

const MAX_ALTERNATIVES = 7;

/** The selector without a tag name in front of an attribute, class or id. */
function bare(selector: string): string {
  return selector.replace(/(^|[\s>+~,(])[a-z][a-z0-9-]*(?=[[.#])/g, '$1');
}

const STEADINESS = { stable: 0, caution: 1, fragile: 2 } as const;

function steadiness(selector: string): number {
  if (selector.includes('[class=')) return 3;
  return STEADINESS[overallStability(stabilityHints(selector))];
}

/** `tag[attr="value"]` for an attribute every element has with the same, stable value. */
function sharedAttributeSelectors(elements: Element[]): string[] {
  const first = elements[0]!;
  const tag = sharedTag(elements);
  const result: string[] = [];
  for (const attribute of first.getAttributeNames()) {
    const stable = STABLE_ATTRIBUTES.includes(attribute) || attribute.startsWith('data-track');
    if (!stable) continue;
    const value = first.getAttribute(attribute)!;
    if (value === '' || !isQuotable(value) || valueIssue(value) !== null) continue;
    if (!elements.every((element) => element.getAttribute(attribute) === value)) continue;
    result.push(`${tag}[${attribute}="${value}"]`);
  }
  return result;
}

/** `tag.class` (then two classes) from classes every element has that need no escape and look stable. */
function sharedClassSelectors(elements: Element[]): string[] {
  const tag = sharedTag(elements);
  const shared = [...elements[0]!.classList].filter((name) => classIssue(name) === null && elements.every((element) => element.classList.contains(name)));
  const result = shared.map((name) => `${tag}.${name}`);
  for (let i = 0; i + 1 < shared.length && result.length < 6; i++) result.push(`${tag}.${shared[i]}.${shared[i + 1]}`);
  return result;
}

/** The engine's selectors for the first element: those matching exactly the set first, then its best one. */
function engineSelectors(root: ParentNode, elements: Element[]): { selector: string; why: string }[] {
  let candidates: ReturnType<typeof candidateSelectors>;
  try {
    candidates = candidateSelectors(elements[0]!, isRoot(root) ? { root } : {});
  } catch {
    return [];
  }
  const exact = candidates.filter((candidate) => sameSet(matchList(root, candidate.selector) ?? [], elements));
  const result = exact.map((candidate) => ({ selector: candidate.selector, why: 'built by Goalpost’s selector engine' }));
  const best = candidates[0];
  if (best && elements.length > 1) result.push({ selector: best.selector, why: 'the first of them only, built by Goalpost’s selector engine' });
  if (best && elements.length === 1 && result.length === 0) result.push({ selector: best.selector, why: 'built by Goalpost’s selector engine' });
  return result;
}

function sharedTag(elements: Element[]): string {
  const tag = elements[0]!.localName;
  return /^[a-z][a-z0-9-]*$/.test(tag) && elements.every((element) => element.localName === tag) ? tag : '';
}

function matchList(root: ParentNode, selector: string): Element[] | null {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return null;
  }
}

function sameSet(a: Element[], b: Element[]): boolean {
  return a.length === b.length && a.every((element, index) => element === b[index]);
}

function isRoot(node: ParentNode): node is Document | ShadowRoot {
  return (node as Node).nodeType === 9 || (node as Node).nodeType === 11;
}

export interface Proposal {
  selector: string;
  /** Elements it matches on the page: the proof that it works. */
  count: number;
  /** True when it matches exactly what the refused selector matches. */
  same: boolean;
  /** Where it comes from, in words. */
  why: string;
}

export interface WorkingSelectors {
  /** What the refused selector matches on the page; `null` when the browser cannot read it either. */
  matched: number | null;
  proposals: Proposal[];
}
