// Reads a Chromium trace (devtools.timeline category only: the heavier timeline categories slow
// every DOM call down): the time each call into a script took, for one frame. FunctionCall events are what DevTools shows as "Function
// Call" in the Performance panel; `dur` is wall time, `tdur` the thread's CPU time.

export interface TraceEvent {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; frame?: string } };
}

export interface Call {
  wallMs: number;
  cpuMs: number;
  /** The browser's own hit tests inside the call (DevTools counts them as Rendering, not Scripting). */
  hitTestMs: number;
}

/** Calls into scripts whose URL contains `script`, made for the frame with id `frameId` (or any frame). */
export function scriptCalls(events: readonly TraceEvent[], script: string, frameId?: string): Call[] {
  const calls = callEvents(events, script, frameId);
  const hitTests = events.filter((event) => event.name === 'HitTest' && event.dur !== undefined);
  return calls.map((call) => ({
    wallMs: (call.dur ?? 0) / 1000,
    cpuMs: (call.tdur ?? call.dur ?? 0) / 1000,
    hitTestMs: hitTests.filter((event) => within(event, call)).reduce((total, event) => total + event.dur! / 1000, 0),
  }));
}

/**
 * Time the page's thread spent rendering (style, layout, paint, hit tests) outside the script's own
 * calls: work a script can push out of its calls (a style it changes) still shows up here.
 */
export function renderingMs(events: readonly TraceEvent[], script: string, frameId?: string): number {
  const calls = callEvents(events, script, frameId);
  const first = calls[0];
  const last = calls.at(-1);
  if (!first || !last) return 0;
  const inCall = (event: TraceEvent) => calls.some((call) => within(event, call));
  let total = 0;
  for (const event of events) {
    if (!RENDERING.has(event.name) || event.pid !== first.pid || event.tid !== first.tid) continue;
    if (event.ts < first.ts || event.ts > last.ts + last.dur! || inCall(event)) continue;
    total += (event.dur ?? 0) / 1000;
  }
  return total;
}

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'UpdateLayer']);

/** Whether `event` happened inside `call`, on its thread. */
function within(event: TraceEvent, call: TraceEvent): boolean {
  return event.pid === call.pid && event.tid === call.tid && call.ts <= event.ts && event.ts + (event.dur ?? 0) <= call.ts + call.dur!;
}

function callEvents(events: readonly TraceEvent[], script: string, frameId?: string): TraceEvent[] {
  return events
    .filter((event) => event.name === 'FunctionCall' && event.dur !== undefined && event.args?.data?.url?.includes(script)
      && (frameId === undefined || event.args.data.frame === frameId))
    .sort((a, b) => a.ts - b.ts);
}
