import { finder } from '@medv/finder';
import type { ElementFingerprint } from '../../../lib/goals/model';
import { fingerprintOf } from '../../../lib/selector/fingerprint';
import { bestSelector, type StopReason } from '../../../lib/selector/generate';
import { checkHealth } from '../../../lib/selector/health';
import { MUTATIONS } from './mutations';
import { sampleElements, type Sampled } from './sample';
import type { CallMeasurement } from '../lib/renderer-thread.ts';

export { stallProbe, type StallProbe } from './stall-probe';

/**
 * Runs inside the benchmark page (bundled by tests/bench/lib/bundle.ts), driven step by step from
 * Node so that Node can read the renderer's clocks between steps: `prepare` samples the elements,
 * `generateOne` runs one engine once on one element (one call per generation, so that Node can
 * read the main thread's CPU time and its scheduler counters around each), `rerun` runs one
 * generation again to be timed alone, `judge` applies each deploy-like change and sees what every
 * selector now matches. Both engines see the same elements and the same changed pages.
 */
let state: { original: string; sampled: Sampled[]; fingerprints: ElementFingerprint[]; results: Array<Record<string, EngineResult>> } | null = null;

/** Wall-clock cap of our engine in this run (`undefined`: the one it ships with). */
let timeCapMs: number | undefined;
/** Work budget of our engine in this run (`undefined`: the one it ships with). */
let workBudget: number | undefined;

export function prepare(options: PrepareOptions): SampledInfo[] {
  timeCapMs = options.timeCapMs ?? undefined;
  workBudget = options.workBudget ?? undefined;
  const sampled = sampleElements(document, options.seed, options.perPage, options.clickableShare);
  // What the picker records besides the selector (issue 14), for the health check after each change.
  const fingerprints = sampled.map(({ element }) => fingerprintOf(element));
  state = { original: document.documentElement.outerHTML, sampled, fingerprints, results: sampled.map(() => ({})) };
  return sampled.map(({ element, clickable }) => ({
    tag: element.localName,
    clickable,
    twin: isTwinOfPrevious(element) || isPinnedBareFirst(element),
    bareFirst: element.previousElementSibling === null && element.attributes.length === 0,
  }));
}

/**
 * The sibling before the element has its tag and every one of its attributes with the same value
 * (and maybe more). The portable dialect can only ask for parts an element has, never for parts
 * it lacks, so a unique selector must name the element by its position; after change 1 (an element
 * inserted first) that sibling stands exactly there and has every part the selector asks for (the
 * dialect cannot look at descendants or count from the end): every unique selector now points at
 * it. (`bareFirst`: a first child without attributes is matched by the new bare element too.)
 */
function isTwinOfPrevious(element: Element): boolean {
  const previous = element.previousElementSibling;
  return previous !== null && hasAllOf(previous, element);
}

/**
 * A first child without attributes followed by a sibling of its tag must be named by position 1,
 * which after change 1 belongs to the new bare element: the same dead end as a twin before it.
 */
function isPinnedBareFirst(element: Element): boolean {
  if (element.previousElementSibling !== null || element.attributes.length > 0) return false;
  for (let next = element.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.localName === element.localName) return true;
  }
  return false;
}

/** `candidate` has the tag of `element` and all its attributes with the same values. */
function hasAllOf(candidate: Element, element: Element): boolean {
  if (candidate.localName !== element.localName) return false;
  return Array.from(element.attributes).every((attribute) => candidate.getAttribute(attribute.name) === attribute.value);
}

/** Does nothing: Node times it to subtract the cost of a round trip from each measurement. */
export function noop(): number {
  return 0;
}

/**
 * One run of one engine on one element, in one call (Node reads the renderer's CPU clock and the
 * main thread's scheduler counters around it, so they belong to this one generation). A cheap run
 * (under REPEAT_BELOW_MS, where scheduling noise weighs most) asks Node for two more calls and
 * the best wall time is kept; a repeat that returns another selector marks the engine as
 * non-deterministic on that element.
 */
export function generateOne(engineId: string, index: number): GenerationRun {
  const { sampled, results } = current();
  const element = sampled[index]!.element;
  const run = timed(engineById(engineId), element);
  const earlier = results[index]![engineId];
  if (earlier) {
    earlier.runs++;
    earlier.wallMs = Math.min(earlier.wallMs, run.ms);
    earlier.deterministic &&= run.selector === earlier.selector;
    return { wallMs: run.ms, again: earlier.runs < 3 };
  }
  const found = run.selector === null ? [] : matches(document, run.selector);
  results[index]![engineId] = {
    selector: run.selector,
    stopped: run.stopped,
    error: run.error,
    wallMs: run.ms,
    runs: 1,
    cpuMs: null,
    batchCpuMs: Number.NaN,
    calls: [],
    deterministic: true,
    unique: found.length === 1 && found[0] === element,
    escape: run.selector?.includes('\\') ?? false,
    outcomes: [],
  };
  return { wallMs: run.ms, again: run.ms < REPEAT_BELOW_MS };
}

/** One more run of one engine on one element, for Node to time alone on the CPU clock. */
export function rerun(index: number, engineId: string): void {
  timed(engineById(engineId), current().sampled[index]!.element);
}

function engineById(id: string): Engine {
  const engine = ENGINES.find((candidate) => candidate.id === id);
  if (!engine) throw new Error(`Unknown engine ${id}`);
  return engine;
}

const REPEAT_BELOW_MS = 10;

/** Applies the seven changes in turn and classifies every selector on each changed page. */
export function judge(): PageJudgement {
  const { original, sampled, fingerprints, results } = current();
  const doc = document;
  const judgeOne = (index: number, element: Element, m: number, applied: boolean) => {
    for (const [engine, result] of Object.entries(results[index]!)) {
      result.outcomes[m] = applied ? outcome(doc, result, element) : null;
      // Our engine's selector together with the fingerprint, as the panel's health check uses them.
      if (engine === 'goalpost') (result.healed ??= [])[m] = applied ? healedOutcome(doc, result, fingerprints[index]!, element) : null;
    }
  };
  for (const [m, mutation] of MUTATIONS.entries()) {
    if (mutation.perElement) {
      sampled.forEach(({ element }, index) => {
        const undo = mutation.apply(doc, element);
        judgeOne(index, element, m, undo !== null);
        undo?.();
      });
      continue;
    }
    const undo = mutation.apply(doc, null);
    sampled.forEach(({ element }, index) => judgeOne(index, element, m, undo !== null));
    undo?.();
  }
  return { results, restored: doc.documentElement.outerHTML === original };
}

function current() {
  if (!state) throw new Error('prepare() must run first');
  return state;
}

function timed(engine: Engine, element: Element): { selector: string | null; stopped: StopReason | null; error: string | null; ms: number } {
  const start = performance.now();
  try {
    const { selector, stopped } = engine.generate(element);
    return { selector, stopped, error: null, ms: performance.now() - start };
  } catch (caught) {
    return { selector: null, stopped: null, error: caught instanceof Error ? caught.message : String(caught), ms: performance.now() - start };
  }
}

/** kept: exactly the element; ambiguous: it and others; lost: nothing; wrong: only other elements. */
function outcome(doc: Document, result: EngineResult, element: Element): Outcome {
  if (result.selector === null) return 'lost';
  const found = matches(doc, result.selector);
  if (found.length === 0) return 'lost';
  if (!found.includes(element)) return 'wrong';
  return found.length === 1 ? 'kept' : 'ambiguous';
}

/** kept: health is ok and the selector finds exactly the element; repaired: flagged and found again exactly; missed: flagged, not found. */
function healedOutcome(doc: Document, result: EngineResult, fingerprint: ElementFingerprint, element: Element): HealedOutcome {
  const found = result.selector === null ? [] : matches(doc, result.selector);
  const health = checkHealth(fingerprint, found, doc);
  if (health.status === 'ok') return found.length === 1 && found[0] === element ? 'kept' : 'wrong-kept';
  if (!health.repair) return 'missed';
  return health.repair.element === element ? 'repaired' : 'wrong-repair';
}

function matches(doc: Document, selector: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const ENGINES: readonly Engine[] = [
  // What generateSelector runs, with the report of which limit (work or clock) ended the search.
  { id: 'goalpost', generate: (element) => bestSelector(element, element.getRootNode() as Document, { timeCapMs, workBudget }) },
  // Raw finder exactly as it comes: its defaults (root = document.body, 1 s timeout).
  { id: 'finder', generate: (element) => ({ selector: finder(element), stopped: null }) },
];

export type Outcome = 'kept' | 'ambiguous' | 'lost' | 'wrong';
export type HealedOutcome = 'kept' | 'repaired' | 'wrong-kept' | 'wrong-repair' | 'missed';

interface Engine {
  id: string;
  generate: (element: Element) => { selector: string; stopped: StopReason | null };
}

export interface SampledInfo {
  tag: string;
  clickable: boolean;
  twin: boolean;
  bareFirst: boolean;
}

export interface PrepareOptions {
  /** Our engine's wall-clock cap; `null` for the one it ships with. */
  timeCapMs: number | null;
  /** Our engine's work budget; `null` for the one it ships with. */
  workBudget: number | null;
  seed: string;
  perPage: number;
  clickableShare: number;
}

export interface EngineResult {
  selector: string | null;
  /** Which limit ended the search early (our engine only): the work budget, or the wall clock on a loaded machine. */
  stopped: StopReason | null;
  error: string | null;
  /** Wall-clock time as the page saw it (best of three for cheap runs). */
  wallMs: number;
  /** Generations run: 1, or 3 when the first took under REPEAT_BELOW_MS. */
  runs: number;
  /** Renderer main-thread CPU time of one more run alone, read by Node (minus an empty round trip); `null` if not rerun. */
  cpuMs: number | null;
  /** Renderer main-thread CPU time of the engine's whole batch on this page (the sum of its calls): it bounds every run in it. */
  batchCpuMs: number;
  /** What Node measured around each call to `generateOne` for this element, one per run (filled in by Node). */
  calls: CallMeasurement[];
  deterministic: boolean;
  unique: boolean;
  escape: boolean;
  /** One per mutation in MUTATIONS order; `null` where the change does not apply. */
  outcomes: Array<Outcome | null>;
  /** Our engine only: the same, with the health check and repair by fingerprint on top (issue 14). */
  healed?: Array<HealedOutcome | null>;
}

/** What `generateOne` returns to Node. */
export interface GenerationRun {
  /** Wall-clock time of this run, as the page saw it. */
  wallMs: number;
  /** The best of three wants another run. */
  again: boolean;
}

export interface PageJudgement {
  results: Array<Record<string, EngineResult>>;
  /** The page was back to its original HTML after all changes were undone. */
  restored: boolean;
}
