// Reads a Chromium trace (devtools.timeline category only: the heavier timeline categories slow
// every DOM call down): the time each call into a script took, for one frame. FunctionCall events are what DevTools shows as "Function
// Call" in the Performance panel; `dur` is wall time, `tdur` the thread's CPU time.

export interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; frame?: string } };
}

/** Calls into scripts whose URL contains `script`, made for the frame with id `frameId` (or any frame). */
export function scriptCalls(events: readonly TraceEvent[], script: string, frameId?: string): { wallMs: number; cpuMs: number }[] {
  return events
    .filter((event) => event.name === 'FunctionCall' && event.args?.data?.url?.includes(script) && (frameId === undefined || event.args.data.frame === frameId))
    .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? event.dur ?? 0) / 1000 }));
}
