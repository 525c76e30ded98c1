import { describeInWords } from '../picker/words';
import { listenForGoals } from '../runtime/listen';
import { decide, frameChain, pageUrlOf, type CountedActivity, type Outcome } from '../runtime/match';
import { createFlasher } from './flash';
import type { TestOutcome, TestReport } from './session';

// Test mode in a page (issue 13): the runtime's own listener and matcher, so what shows here is what
// the runtime counts; instead of sending, a flash on the page and a report to the panel's counts.
// The page works as it would without it: the listener only reads, and the flash ignores the pointer.

export function watchTestClicks(doc: Document, options: WatchOptions, signal: AbortSignal): TestWatch {
  const win = doc.defaultView!;
  const flasher = createFlasher(doc);
  const frames = frameChain(win);
  let converted = new Set(options.converted);

  const stop = listenForGoals(doc, (event) => {
    const activity = options.activity();
    if (!activity) return;
    const pageUrl = pageUrlOf(win);
    const outcomes = decide(activity, event, { pageUrl, sinceLoadMs: win.performance.now(), counted: (id) => converted.has(id), frames });
    if (outcomes.length === 0) return;
    // Until the background answers, this page knows best what it just converted (a quick second click).
    for (const outcome of outcomes) if (outcome.verdict.counts && outcome.metric.counting === 'once') converted.add(outcome.metric.id);
    for (const [node, group] of byNode(outcomes)) flasher.flash(node, group.map(toFlash));
    const report: TestReport = { pageUrl, outcomes: outcomes.map(toTestOutcome) };
    void options.report(report).then((list) => {
      if (!signal.aborted) converted = new Set(list);
    }, () => undefined);
  });
  signal.addEventListener('abort', () => {
    stop();
    flasher.dispose();
  }, { once: true });

  return {
    reset() {
      converted = new Set();
    },
  };
}

function toTestOutcome(outcome: Outcome): TestOutcome {
  return {
    metricId: outcome.metric.id,
    metricName: outcome.metric.name,
    counting: outcome.metric.counting,
    element: describeInWords(outcome.node),
    verdict: outcome.verdict,
  };
}

function toFlash(outcome: Outcome) {
  return { metricName: outcome.metric.name, verdict: outcome.verdict };
}

/** Outcomes grouped by the node they are about: one flash per element, naming each of its metrics. */
function byNode(outcomes: readonly Outcome[]): Map<Element, Outcome[]> {
  const groups = new Map<Element, Outcome[]>();
  for (const outcome of outcomes) groups.set(outcome.node, [...(groups.get(outcome.node) ?? []), outcome]);
  return groups;
}

export interface WatchOptions {
  /** Once-per-visitor metrics already converted in this test. */
  converted: readonly string[];
  /** The activity under test as stored right now; null when it is gone. */
  activity(): CountedActivity | null;
  /** Hands one event's outcomes to the background; answers the metrics converted once so far. */
  report(report: TestReport): Promise<readonly string[]>;
}

export interface TestWatch {
  /** The counts were reset: once-per-visitor metrics may convert again. */
  reset(): void;
}
