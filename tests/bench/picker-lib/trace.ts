// Reads a Chromium trace (devtools.timeline category): the time each call into a script took, on
// the renderer main thread of one frame. FunctionCall events are what DevTools shows as "Function
// Call" in the Performance panel; `dur` is wall time, `tdur` the thread's CPU time.

export interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; frames?: { url: string; processId: number }[] } };
}

/** Calls into scripts whose URL contains `script`, made in the process that renders `pageUrl` (or any process). */
export function scriptCalls(events: readonly TraceEvent[], script: string, pageUrl?: string): { wallMs: number; cpuMs: number }[] {
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const pid = pageUrl ? started?.args?.data?.frames?.find((frame) => frame.url === pageUrl)?.processId : undefined;
  return events
    .filter((event) => event.name === 'FunctionCall' && event.args?.data?.url?.includes(script) && (pid === undefined || event.pid === pid))
    .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? event.dur ?? 0) / 1000 }));
}
