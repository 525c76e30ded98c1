import { generateSelector } from '../../../lib/selector/index';
import { autocaptureVerdict, elementsChain } from '../../../lib/export/posthog/chain';
import { indexPage, judgeSelector, ownChain, type PageIndex } from '../../../lib/export/posthog/page';
import { postHogSafeSelector } from '../../../lib/export/posthog/safe-selector';
import { staticProblems } from '../../../lib/export/posthog/static';
import type { StepFilters } from '../../../lib/export/posthog/filters';
import { safeValue } from '../../../lib/export/posthog/compounds';
import { isPlainIdent } from '../../../lib/selector/names';
import { sampleElements } from './sample';

/**
 * Runs inside the PostHog benchmark page (bundled by tests/bench/lib/bundle.ts). `run` samples the
 * page's clickable elements and, for each, judges Goalpost's selector and the selector Goalpost
 * would send to PostHog with the model of PostHog's matching (lib/export/posthog). `fidelity`
 * then clicks each element with the real posthog-js loaded and compares the `$elements_chain` it
 * captures with the model's chain.
 */
let state: { sampled: Element[]; index: PageIndex } | null = null;

export function run(options: { seed: string; perPage: number }): ElementResult[] {
  const sampled = sampleElements(document, options.seed, options.perPage, 1).filter((item) => item.clickable).map((item) => item.element);
  const indexStart = performance.now();
  const index = indexPage(document);
  const indexMs = performance.now() - indexStart;
  state = { sampled, index };
  return sampled.map((element) => judgeElement(index, element, indexMs));
}

function judgeElement(index: PageIndex, element: Element, indexMs: number): ElementResult {
  const started = performance.now();
  const tag = element.localName;
  let main: string;
  try {
    main = generateSelector(element);
  } catch (error) {
    return { tag, indexMs, ms: 0, main: '', error: String(error) };
  }
  const verdict = autocaptureVerdict(element, 'click');
  if (!verdict.recorded) return { tag, indexMs, ms: performance.now() - started, main, unrecorded: verdict.reason };
  const root = element.getRootNode() as Document | ShadowRoot;
  const intended = Array.from(root.querySelectorAll(main));
  const mainJudged = judgeSelector(index, main, intended, 'click', { limit: 5 });
  const mainResult = { missed: mainJudged.missed, others: mainJudged.others.length, problems: staticProblems(main).map((problem) => `${problem.kind}: ${problem.message}`) };
  let sent = main;
  let filters: StepFilters | undefined;
  if (mainJudged.missed.length > 0 || mainJudged.others.length > 0) {
    const safe = intended.length === 1 ? postHogSafeSelector(index, element, 'click') : null;
    sent = safe?.selector ?? main;
    filters = safe?.filters;
  }
  // What is sent is the selector and the step's filters: both are judged together, as PostHog ANDs them.
  const sentJudged = sent === main && !filters ? mainJudged : judgeSelector(index, sent, [element], 'click', { limit: 5, filters });
  const ms = performance.now() - started;
  const floor = sentJudged.missed.length === 0 && sentJudged.others.length > 0 ? floorOf(index, element, sent, filters) : undefined;
  // The same selector read without its filters: what a check of the selector alone would count.
  const aloneOthers = filters ? judgeSelector(index, sent, [element], 'click', { limit: 5 }).others.length : sentJudged.others.length;
  return {
    tag,
    indexMs,
    ms,
    main,
    mainResult,
    sent,
    ...(filters ? { sentFilters: filters } : {}),
    sentResult: {
      missed: sentJudged.missed,
      others: sentJudged.others.length,
      aloneOthers,
      otherExamples: sentJudged.others.slice(0, 2).map(describe),
      // PostHog cannot tell apart two elements whose clicks record the same chain.
      floor,
      problems: staticProblems(sent).map((problem) => `${problem.kind}: ${problem.message}`),
    },
    intended: intended.length,
  };
}

/**
 * Whether any selector could do better for an element whose sent selector also counts other clicks:
 * each other click it counts is judged alone. The same chain: no selector can tell them apart
 * (PostHog matches the chain only). Otherwise the twin search is asked to rule out that one click
 * alone with a large budget: when it cannot, the element is at the floor of what PostHog's compilers
 * read (`positions`: the chains differ only in nth-child/nth-of-type; `structure`: they carry the same
 * tags, classes and attributes, arranged differently). When every other click can be ruled out alone,
 * the generator missed (`miss`): a better selector may exist.
 */
function floorOf(index: PageIndex, element: Element, sent: string, filters: StepFilters | undefined): ElementFloor {
  const all = judgeSelector(index, sent, [element], 'click', { limit: 200, filters }).others;
  const own = ownChain(index, element).chain;
  const inseparable: { cause: FloorCause; other: string }[] = [];
  for (const other of all.slice(0, 40)) {
    const chain = ownChain(index, other).chain;
    if (chain === own) {
      inseparable.push({ cause: 'same-chain', other: describe(other) });
      continue;
    }
    const alone = postHogSafeSelector(index, element, 'click', { among: [other], work: 200_000 });
    if (alone && alone.others === 0) continue;
    // A tag, class or attribute of the element's chain that the other chain lacks, writable in a
    // selector: one compound naming it (`.c`, `[k="v"]`, `tag`) would tell them apart, so the search,
    // not PostHog, fell short.
    if (distinguishingFeature(own, chain)) continue;
    inseparable.push({ cause: withoutPositions(chain) === withoutPositions(own) ? 'positions' : 'structure', other: describe(other) });
  }
  const order: FloorCause[] = ['same-chain', 'positions', 'structure'];
  const cause = order.find((item) => inseparable.some((entry) => entry.cause === item)) ?? 'miss';
  return { cause, others: all.length, inseparable: inseparable.length, example: inseparable[0]?.other ?? describe(all[0]!), chain: own.slice(0, 300), otherChain: ownChain(index, all.find((other) => describe(other) === (inseparable[0]?.other ?? describe(all[0]!))) ?? all[0]!).chain.slice(0, 300) };
}

export type FloorCause = 'same-chain' | 'positions' | 'structure' | 'miss';

export interface ElementFloor {
  cause: FloorCause;
  /** Other recorded clicks the sent selector counts (up to 200). */
  others: number;
  /** Of the first 40 of them, how many no selector (same chain) or no search (large budget) separates alone. */
  inseparable: number;
  example: string;
  chain: string;
  otherChain: string;
}

/** A feature of chain `own` absent from `other` (a class, a key="value" other than positions, a tag), or null. */
export function distinguishingFeature(own: string, other: string): string | null {
  const otherTags = new Set(other.split(/;(?=[a-zA-Z][\w-]*[.:;]|[a-zA-Z][\w-]*$)/).map((item) => /^[a-zA-Z][\w-]*/.exec(item)?.[0]));
  for (const element of own.split(/;(?=[a-zA-Z][\w-]*(?:[.:]|$))/)) {
    const colon = element.search(/:(?=[\w-]+=")|:$|$/);
    const [tag, ...classes] = element.slice(0, colon).split('.');
    if (tag && !otherTags.has(tag)) return tag;
    for (const name of classes) if (name && isPlainIdent(name) && !other.includes(`.${name}`)) return `.${name}`;
    for (const match of element.slice(colon).matchAll(/([\w-]+)="((?:\\.|[^"\\])*)"/g)) {
      if (match[1] === 'nth-child' || match[1] === 'nth-of-type') continue;
      // Only a value both compilers read back whole can be written in a selector (`=`, quotes… cannot).
      if (!other.includes(match[0]) && safeValue(match[2]!)) return match[0];
    }
  }
  return null;
}

function withoutPositions(chain: string): string {
  return chain.replace(/nth-(child|of-type)="\d+"/g, '');
}

function describe(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  return `${element.localName}${element.id ? `#${element.id}` : ''}${text ? ` “${text}”` : ''}`;
}

/**
 * Clicks every sampled element with posthog-js (loaded by Node beforehand, its events kept by
 * `before_send`) and compares what it captured with the model: the same chain, and an event exactly
 * when the model says autocapture records one.
 */
export function fidelity(): FidelityResult[] {
  const { sampled } = state!;
  const events = (globalThis as unknown as { __phEvents: { event: string; properties: Record<string, unknown> }[] }).__phEvents;
  const results: FidelityResult[] = [];
  const stop = (event: Event) => event.preventDefault();
  window.addEventListener('click', stop, true);
  window.addEventListener('submit', stop, true);
  try {
    for (const element of sampled) {
      if (!element.isConnected) continue;
      const model = elementsChain(element);
      const recorded = autocaptureVerdict(element, 'click').recorded;
      events.length = 0;
      element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, clientX: results.length, clientY: 0 }));
      const captured = events.find((event) => event.event === '$autocapture');
      const chain = captured ? String(captured.properties.$elements_chain) : null;
      results.push({ tag: element.localName, recorded, captured: captured !== undefined, same: chain === null ? !recorded : chain === model, model: model.slice(0, 400), posthog: chain?.slice(0, 400) ?? null });
    }
  } finally {
    window.removeEventListener('click', stop, true);
    window.removeEventListener('submit', stop, true);
  }
  return results;
}

export interface ElementResult {
  tag: string;
  indexMs: number;
  ms: number;
  main: string;
  error?: string;
  unrecorded?: string;
  intended?: number;
  mainResult?: { missed: string[]; others: number; problems: string[] };
  sent?: string;
  /** The step's href / text filters sent beside the selector. */
  sentFilters?: StepFilters;
  sentResult?: { missed: string[]; others: number; aloneOthers: number; otherExamples: string[]; floor?: ElementFloor; problems: string[] };
}

export interface FidelityResult {
  tag: string;
  recorded: boolean;
  captured: boolean;
  same: boolean;
  model: string;
  posthog: string | null;
}

