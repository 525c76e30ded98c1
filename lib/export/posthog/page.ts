import { ancestorString, autocaptureVerdict, chainLevels, chainParent, elementsChain, newChainCache, type ChainCache, type DomEvent } from './chain';
import { COMPILERS, type Compiler } from './compiler';
import { filtersMatch, type StepFilters } from './filters';
import { compileStep, parseChain, stepMatches, type CompiledStep, type ParsedChain } from './matching';

// A page as PostHog would see it (issue 12): every element autocapture records a click on, with
// the chain posthog-js would send, built once per page. Against it a step selector is judged the
// way PostHog's compilers would count it: does it match the clicks it is meant for, and which other
// recorded clicks would it count too.

export interface PageIndex {
  doc: Document;
  /** Elements whose click autocapture records, with their chains, in document order (shadow roots included). */
  clicks: IndexedElement[];
  /** Forms, whose submit autocapture records. */
  submits: IndexedElement[];
  /** Each indexed element's chain, by element (a click's and, for a form, its submit's). */
  byElement: Map<Element, IndexedElement>;
  cache: ChainCache;
  /** Which clicks' (or submits') chains contain a text, computed once per text (see `chainsContaining`). */
  contains: Map<string, Uint8Array>;
  /** The open shadow roots walked (a change inside them changes the index too). */
  shadowRoots: ShadowRoot[];
}

export interface IndexedElement {
  element: Element;
  chain: ParsedChain;
  /** Its place in `clicks` (or `submits`). */
  position: number;
  /** Length of the first element's string in the chain (the event's target). */
  headLength: number;
}

export function indexPage(doc: Document): PageIndex {
  const cache = newChainCache();
  const clicks: IndexedElement[] = [];
  const submits: IndexedElement[] = [];
  const indexed = (element: Element, position: number): IndexedElement => {
    const { strings } = chainLevels(element, cache);
    return { element, chain: parseChain(strings.join(';')), position, headLength: strings[0]!.length };
  };
  const shadowRoots: ShadowRoot[] = [];
  for (const element of composedElements(doc)) {
    if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
    const click = autocaptureVerdict(element, 'click', cache).recorded ? indexed(element, clicks.length) : null;
    if (click) clicks.push(click);
    if (element.localName === 'form' && autocaptureVerdict(element, 'submit', cache).recorded) {
      submits.push(click ? { ...click, position: submits.length } : indexed(element, submits.length));
    }
  }
  const byElement = new Map<Element, IndexedElement>();
  for (const item of [...submits, ...clicks]) byElement.set(item.element, item);
  return { doc, clicks, submits, byElement, cache, contains: new Map(), shadowRoots };
}

/** How PostHog would count one step selector for the events `intended` stands for. */
export function judgeSelector(index: PageIndex, selector: string, intended: Element[], event: DomEvent, options: JudgeOptions = {}): SelectorJudgement {
  const limit = options.limit ?? Infinity;
  const steps = COMPILERS.map((compiler) => compileStep(selector, compiler));
  const own = intended.map((element) => ownChain(index, element));
  const filters = options.filters;
  const missed: Compiler[] = [];
  for (const step of steps) {
    if (step.error || own.some((chain) => !stepMatches(step, chain) || !filtersMatch(filters, chain))) missed.push(step.compiler);
  }
  const others: Element[] = [];
  if (limit > 0 && !(options.stopOnMiss && missed.length > 0)) {
    const within = composedSubtrees(intended);
    for (const item of event === 'submit' ? index.submits : index.clicks) {
      if (others.length >= limit) break;
      if (within.has(item.element)) continue;
      if (steps.some((step) => stepMatches(step, item.chain)) && filtersMatch(filters, item.chain)) others.push(item.element);
    }
  }
  return { selector, missed, others, steps, error: steps.find((step) => step.error)?.error };
}

/**
 * For each click (or submit) of the page, 1 when its chain contains `text`: the twin search asks
 * this of the same ancestors' ids and classes again and again, so it is kept with the index. A
 * chain contains it when its first element's string does or the element above (in the chain's own
 * walk) has it in its chain, found once per element and text (texts never hold a `;`).
 */
export function chainsContaining(index: PageIndex, text: string, event: DomEvent): Uint8Array {
  const key = `${event}\u0000${text}`;
  const known = index.contains.get(key);
  if (known) return known;
  const pool = event === 'submit' ? index.submits : index.clicks;
  const hits = new Uint8Array(pool.length);
  const above = new Map<Element, boolean>();
  for (const [i, item] of pool.entries()) {
    const found = text.includes(';')
      ? item.chain.chain.includes(text)
      : item.chain.chain.slice(0, item.headLength).includes(text) || inChainAbove(item.element, text, index.cache, above);
    if (found) hits[i] = 1;
  }
  index.contains.set(key, hits);
  return hits;
}

/** Whether an element of the chain above `element` (its parent or shadow host, and up) carries `text`. */
function inChainAbove(element: Element, text: string, cache: ChainCache, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let verdict = false;
  for (let node = chainParent(element); node; node = chainParent(node)) {
    const known = memo.get(node);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(node);
    if (ancestorString(node, cache).includes(text)) {
      verdict = true;
      break;
    }
  }
  // Every element walked has the verdict of the first one found (or none: false).
  for (const node of path) memo.set(node, verdict);
  return verdict;
}

/** The chain of a click on (or submit of) `element`, from the index when it is there. */
export function ownChain(index: PageIndex, element: Element): ParsedChain {
  return index.byElement.get(element)?.chain ?? parseChain(elementsChain(element, index.cache));
}

/** The elements and everything inside them, across open shadow roots: clicks there count for them. */
export function composedSubtrees(roots: Element[]): Set<Element> {
  const inside = new Set<Element>();
  for (const root of roots) {
    if (inside.has(root)) continue;
    inside.add(root);
    if (root.shadowRoot) for (const element of composedElements(root.shadowRoot)) inside.add(element);
    for (const element of Array.from(root.querySelectorAll('*'))) {
      inside.add(element);
      if (element.shadowRoot) for (const nested of composedElements(element.shadowRoot)) inside.add(nested);
    }
  }
  return inside;
}

/** `element` is one of `roots` or inside one of them, across shadow roots: a click there counts for it. */
export function isWithinAny(element: Element, roots: Element[]): boolean {
  for (let node: Node | null = element; node; node = parentAcrossShadow(node)) {
    if (node.nodeType === 1 && roots.includes(node as Element)) return true;
  }
  return false;
}

function parentAcrossShadow(node: Node): Node | null {
  if (node.parentNode && node.parentNode.nodeType === 11 && (node.parentNode as ShadowRoot).host) return (node.parentNode as ShadowRoot).host;
  return node.parentNode;
}

/** Every element of the document and of its open shadow roots (posthog-js sees into them). */
function* composedElements(root: Document | ShadowRoot): Generator<Element> {
  const body = root.nodeType === 9 ? (root as Document).body : root;
  if (!body) return;
  const walker = (root.nodeType === 9 ? (root as Document) : root.ownerDocument!).createTreeWalker(body, 1);
  for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node.nodeType !== 1) continue;
    yield node;
    if (node.shadowRoot) yield* composedElements(node.shadowRoot);
  }
}

export interface JudgeOptions {
  /** Stop counting other matches at this many. */
  limit?: number;
  /** Do not look for other matches when the intended events are missed. */
  stopOnMiss?: boolean;
  /** The step's href / text / tag_name filters, matched beside the selector (filters.ts). */
  filters?: StepFilters;
}

export interface SelectorJudgement {
  selector: string;
  /** Compilers under which the selector misses at least one of the intended events. */
  missed: Compiler[];
  /** Other recorded elements whose events the selector would count too (up to the limit asked). */
  others: Element[];
  steps: CompiledStep[];
  error?: string;
}
