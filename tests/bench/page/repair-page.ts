import { finder } from '@medv/finder';
import type { ElementFingerprint } from '../../../lib/goals/model';
import { fingerprintOf, textOf, urlPath } from '../../../lib/selector/fingerprint';
import { bestSelector, type StopReason } from '../../../lib/selector/generate';
import { checkHealth, type Health } from '../../../lib/selector/health';
import { rankCandidates, relocate, similarity } from '../../../lib/selector/relocate';
import { similoCandidates, similoLocate, similoProperties, type SimiloProperties } from './similo';
import { sampleElements } from './sample';
import type { CallMeasurement } from '../lib/renderer-thread.ts';

export { stallProbe } from './stall-probe';

/**
 * Runs inside the repair benchmark's pages (tests/bench/repair.ts). A pair is an older and a newer
 * capture of the same URL; Node loads them in turn and carries the records between them:
 * `uniqueKeys` on the newer page, `record` on the older one (sample, finder's selectors,
 * fingerprints), then `generateOne` there for each recorded element (one call per generation, so
 * that Node can read the renderer main thread's CPU time and scheduler counters around it), and
 * `judge` on the newer one again.
 *
 * Ground truth: an element's semantic key is its tag, its visible text, and its link path, name and
 * alt; an element is judged only when its key is non-empty and unique on both pages, and the one
 * element with that key on the newer page is the right answer. This favours elements that keep
 * their text and destination (links, buttons, headings): exactly what text-based relocation is good
 * at, so the benchmark says nothing about elements that change their words.
 */

const MAX_KEY_TEXT = 200;

/** Keys that exactly one rendered element of this page has. */
export function uniqueKeys(): string[] {
  const counts = new Map<string, number>();
  for (const element of rendered()) {
    const key = semanticKey(element);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count === 1).map(([key]) => key);
}

/** The elements `record` sampled on this page, for `generateOne`. */
let sampledElements: Element[] = [];

/**
 * Samples elements whose key is unique here and in `newKeys`; records everything each locator
 * keeps but our selector, which `generateOne` makes for each in a call of its own.
 */
export function record(options: RecordOptions): SampledRecord[] {
  const wanted = new Set(options.newKeys);
  const counts = new Map<string, number>();
  for (const element of rendered()) {
    const key = semanticKey(element);
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const eligible = (element: Element) => {
    const key = semanticKey(element);
    return key !== null && counts.get(key) === 1 && wanted.has(key);
  };
  const sampled = sampleElements(document, options.seed, options.perPair, options.clickableShare, eligible);
  sampledElements = sampled.map(({ element }) => element);
  return sampled.map(({ element, clickable }) => {
    const finderSelector = timed(() => safe(() => finder(element)));
    const fingerprint = timed(() => fingerprintOf(element));
    return {
      key: semanticKey(element)!,
      tag: element.localName,
      clickable,
      finder: finderSelector.value,
      fingerprint: fingerprint.value,
      fingerprintMs: fingerprint.ms,
      similo: similoProperties(element),
    };
  });
}

/** Our selector for the `index`th element `record` sampled, with the generation's wall-clock time as the page saw it. */
export function generateOne(index: number): Generated {
  const generated = timed(() => bestSelector(sampledElements[index]!, document));
  return { selector: generated.value.selector, stopped: generated.value.stopped, generateMs: generated.ms };
}

/** What each locator finds on this (newer) page, against the element with the same key. */
export function judge(records: RecordedElement[], options: JudgeOptions): Judged[] {
  const byKey = new Map<string, Element>();
  for (const element of rendered()) {
    const key = semanticKey(element);
    if (key !== null) byKey.set(key, element);
  }
  const candidates = similoCandidates(document);
  return records.map((recorded) => {
    const truth = byKey.get(recorded.key)!;
    const matches = query(recorded.selector);
    const started = performance.now();
    const health = checkHealth(recorded.fingerprint, matches, document, options);
    const healthMs = performance.now() - started;
    const relocated = relocate(recorded.fingerprint, document, options);
    const similo = similoLocate(recorded.similo, document, candidates);
    return {
      key: recorded.key,
      ours: oursOutcome(health, matches, truth),
      status: health.status,
      selector: selectorOutcome(matches, truth),
      finder: recorded.finder === null ? 'lost' : selectorOutcome(query(recorded.finder), truth),
      relocate: relocated === null ? 'missed' : relocated.element === truth ? 'right' : 'wrong',
      similo: similo === truth ? 'right' : 'wrong',
      healthMs,
      raw: options.raw ? rawEvidence(recorded.fingerprint, matches, truth) : undefined,
    };
  });
}

/**
 * kept: the selector still finds the element and health says so; repaired: health flagged it and
 * relocate found exactly it; wrong: a selector or repair that points elsewhere; missed: flagged with
 * no repair (honestly lost).
 */
function oursOutcome(health: Health, matches: Element[], truth: Element): OursOutcome {
  if (health.status === 'ok') return matches.length === 1 && matches[0] === truth ? 'kept' : 'wrong-kept';
  if (!health.repair) return 'missed';
  return health.repair.element === truth ? 'repaired' : 'wrong-repair';
}

function selectorOutcome(matches: Element[], truth: Element): SelectorOutcome {
  if (matches.length === 0) return 'lost';
  if (!matches.includes(truth)) return 'wrong';
  return matches.length === 1 ? 'kept' : 'ambiguous';
}

/** The ranking and similarities behind the verdict, for tuning the thresholds offline (on tuning pairs only). */
function rawEvidence(fingerprint: ElementFingerprint, matches: Element[], truth: Element): RawEvidence {
  const ranked = rankCandidates(fingerprint, document).slice(0, 6);
  return {
    matchCount: matches.length,
    matchIsTruth: matches.length === 1 && matches[0] === truth,
    matchSimilarity: matches.length === 1 ? similarity(fingerprint, matches[0]!) : null,
    ranked: ranked.map((candidate) => ({
      score: candidate.score,
      truth: candidate.element === truth,
      nestedInBest: candidate !== ranked[0] && (ranked[0]!.element.contains(candidate.element) || candidate.element.contains(ranked[0]!.element)) && candidate.text === ranked[0]!.text,
      isMatch: matches.length === 1 && candidate.element === matches[0],
    })),
  };
}

/** tag | text | link path | name | alt; `null` for an element with nothing that names it, or only a long text. */
export function semanticKey(element: Element): string | null {
  const text = textOf(element, 10_000);
  if (text.length > MAX_KEY_TEXT) return null;
  const href = element.getAttribute('href');
  const path = href ? urlPath(href.trim(), document.baseURI).replace(/^\/\/[^/]+/, '') : '';
  const name = element.getAttribute('name') ?? '';
  const alt = element.getAttribute('alt') ?? '';
  if (!text && !path && !name && !alt) return null;
  return [element.localName, text, path, name, alt].join('|');
}

function rendered(): Element[] {
  return Array.from(document.body?.querySelectorAll('*') ?? []).filter((element) => element.getClientRects().length > 0);
}

function query(selector: string): Element[] {
  try {
    return Array.from(document.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function safe<T>(run: () => T): T | null {
  try {
    return run();
  } catch {
    return null;
  }
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

export type OursOutcome = 'kept' | 'wrong-kept' | 'repaired' | 'wrong-repair' | 'missed';
export type SelectorOutcome = 'kept' | 'ambiguous' | 'lost' | 'wrong';

export interface RecordOptions {
  seed: string;
  perPair: number;
  clickableShare: number;
  newKeys: string[];
}

export interface JudgeOptions {
  minScore?: number;
  minMargin?: number;
  /** Return the evidence behind each verdict too (for threshold sweeps). */
  raw?: boolean;
}

/** What `record` keeps of an element; Node adds our selector from `generateOne`. */
export interface SampledRecord {
  key: string;
  tag: string;
  clickable: boolean;
  finder: string | null;
  fingerprint: ElementFingerprint;
  fingerprintMs: number;
  similo: SimiloProperties;
}

/** What `generateOne` returns. */
export interface Generated {
  selector: string;
  stopped: StopReason | null;
  /** Wall-clock time of the generation, as the page saw it. */
  generateMs: number;
}

export interface RecordedElement extends SampledRecord, Generated {
  /** What Node measured around the call to `generateOne` (see tests/bench/lib/renderer-thread.ts). */
  call: CallMeasurement;
}

export interface Judged {
  key: string;
  ours: OursOutcome;
  status: Health['status'];
  selector: SelectorOutcome;
  finder: SelectorOutcome;
  relocate: 'right' | 'wrong' | 'missed';
  similo: 'right' | 'wrong';
  healthMs: number;
  raw?: RawEvidence;
}

export interface RawEvidence {
  matchCount: number;
  matchIsTruth: boolean;
  matchSimilarity: number | null;
  ranked: Array<{ score: number; truth: boolean; nestedInBest: boolean; isMatch: boolean }>;
}
