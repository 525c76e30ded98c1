import { deliver, type Conversion, type Destination } from './destinations';
import { listenForGoals } from './listen';
import { decide, frameChain, pageUrlOf, type CountedActivity, type Outcome } from './match';
import { visitorMemory, type VisitorMemory } from './visitor';

// The site's runtime (issue 13): the counting rules of lib/runtime/match.ts applied at event time,
// each conversion handed to the site's own engines (lib/runtime/destinations.ts).

/** Where running instances are noted, so a second copy of the same tag does not count twice. */
const RUNNING = '__goalpostRuntime';

/** Starts counting `activity` in `doc`; returns the function that stops it. */
export function startGoalpost(options: RuntimeOptions): () => void {
  const doc = options.document || document;
  const win = doc.defaultView!;
  const { activity, destinations } = options;
  const running = ((win as unknown as Record<string, Record<string, boolean>>)[RUNNING] ||= {});
  if (running[activity.id]) {
    warn(`“${activity.id}” is already counted on this page`);
    return () => undefined;
  }
  running[activity.id] = true;
  const memory = options.memory || visitorMemory(activity.id, storageOf(win));
  const frames = frameChain(win);
  const stopListening = listenForGoals(doc, (event) => {
    const pageUrl = pageUrlOf(win);
    const outcomes = decide(activity, event, { pageUrl, sinceLoadMs: win.performance.now(), counted: memory.counted, frames });
    for (const outcome of outcomes) {
      if (!outcome.verdict.counts) continue;
      const conversion = convert(outcome, activity.id, pageUrl, memory);
      for (const problem of deliver(conversion, destinations, win)) warn(problem);
      if (options.onConversion) options.onConversion(conversion);
    }
  });
  return () => {
    stopListening();
    delete running[activity.id];
  };
}

function convert(outcome: Outcome, activityId: string, pageUrl: string, memory: VisitorMemory): Conversion {
  const conversion: Conversion = {
    metric_id: outcome.metric.id,
    metric_name: outcome.metric.name,
    activity_id: activityId,
    page_url: pageUrl.split('#')[0]!,
    timestamp: new Date().toISOString(),
  };
  if (outcome.metric.counting === 'once') {
    memory.remember(outcome.metric.id);
    conversion.visitor_id = memory.visitorId();
  }
  return conversion;
}

function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

const warned: Record<string, boolean> = {};

/** One console warning per distinct problem, for the site's developers; never an error thrown into the page. */
export function warn(problem: string): void {
  if (warned[problem]) return;
  warned[problem] = true;
  console.warn(`Goalpost: ${problem}`);
}

export interface RuntimeOptions {
  activity: CountedActivity;
  destinations: readonly Destination[];
  /** Defaults to the global document. */
  document?: Document;
  /** Once-per-visitor memory; defaults to first-party localStorage. */
  memory?: VisitorMemory;
  /** Called after each conversion was handed to the destinations. */
  onConversion?(conversion: Conversion): void;
}
