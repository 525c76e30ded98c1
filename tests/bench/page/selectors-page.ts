import { finder } from '@medv/finder';
import { generateSelector } from '../../../lib/selector/index';
import { MUTATIONS } from './mutations';
import { sampleElements, type Sampled } from './sample';

/**
 * Runs inside the benchmark page (bundled by tests/bench/lib/bundle.ts), driven step by step from
 * Node so that Node can read the renderer's CPU time around single generations: `prepare` samples
 * the elements, `generateAll` runs the engines, `rerun` repeats one generation for the CPU clock,
 * `judge` applies each deploy-like change and sees what every selector now matches. Both engines see the same
 * elements and the same changed pages.
 */
let state: { original: string; sampled: Sampled[]; results: Array<Record<string, EngineResult>> } | null = null;

export function prepare(options: PrepareOptions): Array<{ tag: string; clickable: boolean }> {
  const sampled = sampleElements(document, options.seed, options.perPage, options.clickableShare);
  state = { original: document.documentElement.outerHTML, sampled, results: sampled.map(() => ({})) };
  return sampled.map(({ element, clickable }) => ({ tag: element.localName, clickable }));
}

/** Does nothing: Node times it to subtract the cost of a round trip from each measurement. */
export function noop(): number {
  return 0;
}

/**
 * Every engine on every element (alternating who goes first, so neither always meets a warm
 * cache). The wall time kept is the best of three runs (one when the first took
 * REPEAT_BELOW_MS or more): other processes share the machine's cores. A repeat that returns
 * another selector marks the engine as non-deterministic on that element.
 */
export function generateAll(engineIds: string[]): Array<Record<string, { wallMs: number }>> {
  const { sampled, results } = current();
  const engines = engineIds.map(engineById);
  sampled.forEach(({ element }, index) => {
    const order = index % 2 === 0 ? engines : [...engines].reverse();
    for (const engine of order) results[index]![engine.id] = generate(engine, element);
  });
  return results.map((byEngine) => Object.fromEntries(Object.entries(byEngine).map(([id, result]) => [id, { wallMs: result.wallMs }])));
}

/** One more run of one engine on one element, for Node to time with the renderer's CPU clock. */
export function rerun(index: number, engineId: string): void {
  const { sampled } = current();
  timed(engineById(engineId), sampled[index]!.element);
}

function generate(engine: Engine, element: Element): EngineResult {
  const first = timed(engine, element);
  let best = first.ms;
  let deterministic = true;
  if (first.ms < REPEAT_BELOW_MS) {
    for (let i = 0; i < 2; i++) {
      const again = timed(engine, element);
      best = Math.min(best, again.ms);
      deterministic &&= again.selector === first.selector;
    }
  }
  const found = first.selector === null ? [] : matches(document, first.selector);
  return {
    selector: first.selector,
    error: first.error,
    wallMs: best,
    cpuMs: null,
    deterministic,
    unique: found.length === 1 && found[0] === element,
    escape: first.selector?.includes('\\') ?? false,
    outcomes: [],
  };
}

function engineById(id: string): Engine {
  const engine = ENGINES.find((candidate) => candidate.id === id);
  if (!engine) throw new Error(`Unknown engine ${id}`);
  return engine;
}

const REPEAT_BELOW_MS = 100;

/** Applies the seven changes in turn and classifies every selector on each changed page. */
export function judge(): PageJudgement {
  const { original, sampled, results } = current();
  const doc = document;
  for (const [m, mutation] of MUTATIONS.entries()) {
    if (mutation.perElement) {
      sampled.forEach(({ element }, index) => {
        const undo = mutation.apply(doc, element);
        for (const result of Object.values(results[index]!)) result.outcomes[m] = undo ? outcome(doc, result, element) : null;
        undo?.();
      });
      continue;
    }
    const undo = mutation.apply(doc, null);
    sampled.forEach(({ element }, index) => {
      for (const result of Object.values(results[index]!)) result.outcomes[m] = undo ? outcome(doc, result, element) : null;
    });
    undo?.();
  }
  return { results, restored: doc.documentElement.outerHTML === original };
}

function current() {
  if (!state) throw new Error('prepare() must run first');
  return state;
}

function timed(engine: Engine, element: Element): { selector: string | null; error: string | null; ms: number } {
  const start = performance.now();
  try {
    const selector = engine.generate(element);
    return { selector, error: null, ms: performance.now() - start };
  } catch (caught) {
    return { selector: null, error: caught instanceof Error ? caught.message : String(caught), ms: performance.now() - start };
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

function matches(doc: Document, selector: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const ENGINES: readonly Engine[] = [
  { id: 'goalpost', generate: (element) => generateSelector(element) },
  // Raw finder exactly as it comes: its defaults (root = document.body, 1 s timeout).
  { id: 'finder', generate: (element) => finder(element) },
];

export type Outcome = 'kept' | 'ambiguous' | 'lost' | 'wrong';

interface Engine {
  id: string;
  generate: (element: Element) => string;
}

export interface PrepareOptions {
  seed: string;
  perPage: number;
  clickableShare: number;
}

export interface EngineResult {
  selector: string | null;
  error: string | null;
  /** Wall-clock time, best of three runs, as the page saw it. */
  wallMs: number;
  /** Renderer main-thread CPU time of one more run, measured by Node when the wall time was not tiny. */
  cpuMs: number | null;
  deterministic: boolean;
  unique: boolean;
  escape: boolean;
  /** One per mutation in MUTATIONS order; `null` where the change does not apply. */
  outcomes: Array<Outcome | null>;
}

export interface PageJudgement {
  results: Array<Record<string, EngineResult>>;
  /** The page was back to its original HTML after all changes were undone. */
  restored: boolean;
}
