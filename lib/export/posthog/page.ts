import { autocaptureVerdict, elementsChain, type ChainCache, type DomEvent } from './chain';
import { COMPILERS, type Compiler } from './compiler';
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
  cache: ChainCache;
}

export interface IndexedElement {
  element: Element;
  chain: ParsedChain;
}

export function indexPage(doc: Document): PageIndex {
  const cache: ChainCache = new WeakMap();
  const clicks: IndexedElement[] = [];
  const submits: IndexedElement[] = [];
  for (const element of composedElements(doc)) {
    if (autocaptureVerdict(element, 'click').recorded) clicks.push({ element, chain: parseChain(elementsChain(element, cache)) });
    if (element.localName === 'form' && autocaptureVerdict(element, 'submit').recorded) {
      submits.push({ element, chain: parseChain(elementsChain(element, cache)) });
    }
  }
  return { doc, clicks, submits, cache };
}

/** How PostHog would count one step selector for the events `intended` stands for. */
export function judgeSelector(index: PageIndex, selector: string, intended: Element[], event: DomEvent, options: JudgeOptions = {}): SelectorJudgement {
  const limit = options.limit ?? Infinity;
  const steps = COMPILERS.map((compiler) => compileStep(selector, compiler));
  const own = intended.map((element) => ownChain(index, element));
  const missed: Compiler[] = [];
  for (const step of steps) {
    if (step.error || own.some((chain) => !stepMatches(step, chain))) missed.push(step.compiler);
  }
  const others: Element[] = [];
  if (limit > 0 && !(options.stopOnMiss && missed.length > 0)) {
    for (const item of event === 'submit' ? index.submits : index.clicks) {
      if (others.length >= limit) break;
      if (isWithinAny(item.element, intended)) continue;
      if (steps.some((step) => stepMatches(step, item.chain))) others.push(item.element);
    }
  }
  return { selector, missed, others, steps, error: steps.find((step) => step.error)?.error };
}

/** The chain of a click on (or submit of) `element`, from the index when it is there. */
export function ownChain(index: PageIndex, element: Element): ParsedChain {
  const known = index.clicks.find((item) => item.element === element) ?? index.submits.find((item) => item.element === element);
  return known?.chain ?? parseChain(elementsChain(element, index.cache));
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
