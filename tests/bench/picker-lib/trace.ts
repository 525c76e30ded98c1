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
  args?: { data?: { url?: string; frame?: string; type?: string } };
}

export interface Call {
  wallMs: number;
  cpuMs: number;
  /** The browser's own hit tests inside the call (DevTools counts them as Rendering, not Scripting). */
  hitTestMs: number;
  /** The thread's CPU time in those hit tests (what the machine's load does not inflate). */
  hitTestCpuMs: number;
  /** The call runs inside an animation frame callback. */
  inFrame?: boolean;
}

/** Calls into scripts whose URL contains `script`, made for the frame with id `frameId` (or any frame). */
export function scriptCalls(events: readonly TraceEvent[], script: string, frameId?: string): Call[] {
  const calls = callEvents(events, script, frameId);
  const hitTests = events.filter((event) => event.name === 'HitTest' && event.dur !== undefined);
  return calls.map((call) => ({
    wallMs: (call.dur ?? 0) / 1000,
    cpuMs: (call.tdur ?? call.dur ?? 0) / 1000,
    ...hitTestsIn(hitTests, call),
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

/** Wall and CPU time of the hit tests that ran inside `call`. */
function hitTestsIn(hitTests: readonly TraceEvent[], call: TraceEvent): Pick<Call, 'hitTestMs' | 'hitTestCpuMs'> {
  const inside = hitTests.filter((event) => within(event, call));
  return {
    hitTestMs: inside.reduce((total, event) => total + event.dur! / 1000, 0),
    hitTestCpuMs: inside.reduce((total, event) => total + (event.tdur ?? event.dur!) / 1000, 0),
  };
}

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

/** Page events that deliver a pointer move to a script (the picker's guard forwards those that reach the page). */
const MOVE_EVENTS = new Set(['pointermove']);
/** Events a call may run inside that are not a move: animation frames, timers, other DOM events. */
const NOT_A_MOVE = new Set(['FireAnimationFrame', 'TimerFire', 'FireIdleCallback']);

/**
 * The calls into `script` (in frame `frameId`) that handle one pointer move: the picker's port
 * messages (the frame forwards each move it gets; they run as top-level calls) and moves the page
 * itself received and the picker took. Its calls for animation frames, timers and other events
 * are left to `otherCalls`.
 */
export function moveCalls(events: readonly TraceEvent[], script: string, frameId?: string): Call[] {
  return split(events, script, frameId).moves;
}

/** The calls into `script` that are not a move (the guard's check every frame, timers, focus and toggle events). */
export function otherCalls(events: readonly TraceEvent[], script: string, frameId?: string): Call[] {
  return split(events, script, frameId).others;
}

function split(events: readonly TraceEvent[], script: string, frameId?: string): { moves: Call[]; others: Call[] } {
  const calls = callEvents(events, script, frameId);
  const first = calls[0];
  const last = calls.at(-1);
  if (!first || !last) return { moves: [], others: [] };
  const onThread = events.filter((event) => event.pid === first.pid && event.tid === first.tid && event.dur !== undefined
    && event.ts + event.dur >= first.ts && event.ts <= last.ts + last.dur!);
  const hitTests = onThread.filter((event) => event.name === 'HitTest');
  const containers = onThread.filter((event) => NOT_A_MOVE.has(event.name) || event.name === 'EventDispatch');
  const moves: Call[] = [];
  const others: Call[] = [];
  for (const call of calls) {
    const around = containers.filter((event) => event.ts <= call.ts && call.ts + call.dur! <= event.ts + event.dur!);
    const isMove = around.every((event) => event.name === 'EventDispatch' && MOVE_EVENTS.has(eventType(event)));
    (isMove ? moves : others).push({
      wallMs: call.dur! / 1000,
      cpuMs: (call.tdur ?? call.dur!) / 1000,
      ...hitTestsIn(hitTests, call),
      inFrame: around.some((event) => event.name === 'FireAnimationFrame'),
    });
  }
  return { moves, others };
}

/**
 * The browser's hit tests run inside animation-frame callbacks of frame `frameId` (the bench's bare
 * `elementFromPoint` once per frame), from the trace's own clock (microseconds, unlike a page timer).
 */
export function framedHitTests(events: readonly TraceEvent[], frameId: string): number[] {
  const frames = events.filter((event) => event.name === 'FireAnimationFrame' && event.dur !== undefined && event.args?.data?.frame === frameId);
  return events
    .filter((event) => event.name === 'HitTest' && event.dur !== undefined && frames.some((frame) => within(event, frame)))
    .map((event) => event.dur! / 1000);
}

function eventType(event: TraceEvent): string {
  return event.args?.data?.type ?? '';
}
