/**
 * The Linux scheduler's counters for a Chromium renderer's threads, read from
 * /proc/<pid>/task/<tid>/schedstat (time on a CPU, time waiting on a run queue, timeslices),
 * status (voluntary and involuntary context switches), stat (state, major page faults) and comm
 * (the thread's name). Where /proc cannot be read (not Linux) every read comes back null, empty or
 * false: `rendererPids` may still list the renderers the browser reports, but none of them has
 * counters, and the benchmark goes on without these figures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';

/** The renderer's other threads are listed for a call when they ran or waited this long in it. */
const OTHER_THREAD_NOTE_MS = 0.5;

/** Renderer process ids: as the browser reports them, or else its descendants started with `--type=renderer`. */
export async function rendererPids(browser: Browser): Promise<number[]> {
  try {
    const session = await browser.target().createCDPSession();
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    await session.detach();
    const pids = processInfo.filter((info) => info.type === 'renderer').map((info) => info.id);
    if (pids.length > 0) return pids;
  } catch {
    // Older or other browsers: look in /proc below.
  }
  const browserPid = browser.process()?.pid;
  if (browserPid === undefined) return [];
  const parentOf = (pid: number) => Number(readText(`/proc/${pid}/stat`)?.split(') ')[1]?.split(' ')[1] ?? 0);
  const descends = (pid: number) => {
    for (let parent = parentOf(pid); parent > 1; parent = parentOf(parent)) if (parent === browserPid) return true;
    return false;
  };
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => readText(`/proc/${pid}/cmdline`)?.includes('--type=renderer') && descends(pid));
}

/**
 * The main thread's scheduler counters: its schedstat line (ns on a CPU, ns waiting on a run
 * queue, timeslices); from its status, how often it gave up the CPU itself (to sleep or block)
 * and how often the scheduler took it away; from its stat line, its major page faults (a page
 * read from disk blocks the thread).
 */
export function readThreadCounters(pid: number): ThreadCounters | null {
  const fields = readText(`/proc/${pid}/task/${pid}/schedstat`)?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 3 || fields.some((field) => !Number.isFinite(field))) return null;
  const status = readText(`/proc/${pid}/task/${pid}/status`) ?? '';
  const count = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return {
    onCpuNs: fields[0]!,
    runQueueNs: fields[1]!,
    timeslices: fields[2]!,
    voluntarySwitches: count('voluntary_ctxt_switches'),
    involuntarySwitches: count('nonvoluntary_ctxt_switches'),
    majorFaults: Number(statFields(pid)?.[STAT_MAJOR_FAULTS] ?? Number.NaN),
  };
}

/**
 * Time on a CPU and waiting on a run queue of each of the renderer's other threads (V8's helpers,
 * the compositor, IO), by thread id: the main thread may be waiting for one of them.
 */
export function readOtherThreads(pid: number): Map<number, OtherThread> {
  const threads = new Map<number, OtherThread>();
  let ids: string[] = [];
  try {
    ids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const id of ids.map(Number).filter((id) => id !== pid)) {
    const fields = readText(`/proc/${pid}/task/${id}/schedstat`)?.trim().split(/\s+/).map(Number);
    if (!fields || fields.length < 2) continue;
    if (!threadNames.has(id)) threadNames.set(id, readText(`/proc/${pid}/task/${id}/comm`)?.trim() ?? String(id));
    threads.set(id, { name: threadNames.get(id)!, onCpuMs: fields[0]! / 1e6, runQueueMs: fields[1]! / 1e6 });
  }
  return threads;
}

const threadNames = new Map<number, string>();

/** The other threads that ran or waited at least OTHER_THREAD_NOTE_MS between two reads, most waiting first. */
export function otherThreadsBetween(before: Map<number, OtherThread>, after: Map<number, OtherThread>): OtherThread[] {
  const busy: OtherThread[] = [];
  for (const [id, last] of after) {
    const first = before.get(id) ?? { name: last.name, onCpuMs: 0, runQueueMs: 0 };
    const onCpuMs = last.onCpuMs - first.onCpuMs;
    const runQueueMs = last.runQueueMs - first.runQueueMs;
    if (onCpuMs >= OTHER_THREAD_NOTE_MS || runQueueMs >= OTHER_THREAD_NOTE_MS) busy.push({ name: last.name, onCpuMs, runQueueMs });
  }
  return busy.sort((a, b) => b.runQueueMs - a.runQueueMs);
}

/** Fields of /proc/<pid>/stat from the third (the state) on: the name before them may hold spaces. */
function statFields(pid: number): string[] | null {
  const stat = readText(`/proc/${pid}/task/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Index of the major page faults (the stat line's 12th field) in `statFields`. */
const STAT_MAJOR_FAULTS = 9;

/** The thread is sleeping or blocked (any state but running or waiting to run), by its stat line. */
export function isAsleep(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'R';
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** One read of a thread's scheduler counters (see `readThreadCounters`). */
export interface ThreadCounters {
  onCpuNs: number;
  runQueueNs: number;
  timeslices: number;
  voluntarySwitches: number;
  involuntarySwitches: number;
  majorFaults: number;
}

/** One of the renderer's other threads over a call: its name (as Linux keeps it, 15 characters) and times. */
export interface OtherThread {
  name: string;
  onCpuMs: number;
  runQueueMs: number;
}
