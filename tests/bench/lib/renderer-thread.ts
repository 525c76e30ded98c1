/**
 * The tab's renderer main thread measured around one call to the page, for the benchmarks that
 * hold a generation to a wall-clock bound (issue 14: bench:selectors and bench:repair). Around the
 * call Node reads the thread's CPU time (DevTools protocol) and its Linux scheduler counters (see
 * linux-threads.ts): so a wall time over the bound comes with that same call's CPU time and its
 * wait on the run queue, which no code in the page can prevent.
 */
import type { Browser, Page } from 'puppeteer-core';
import { isAsleep, otherThreadsBetween, readOtherThreads, readThreadCounters, rendererPids, type OtherThread, type ThreadCounters } from './linux-threads.ts';
import { exactMs, percentile } from './stats.ts';

/** How long the tab runs a busy loop to tell its renderer from the browser's other renderers… */
export const IDENTIFY_PROBE_MS = 200;
/** …and how far a main thread's time on a CPU may be from the tab's CPU clock over that loop: this many ms or this share of it. */
const MATCH_TOLERANCE_MS = 10;
const MATCH_TOLERANCE_SHARE = 0.2;

/**
 * One call to the page with the renderer main thread measured around it: its CPU time on the
 * DevTools protocol clock (read outside the scheduler window, so that window holds only the call)
 * and the scheduler's counters. The wall-clock window is read outside the scheduler reads, so it
 * holds them and never comes out shorter than the stretch they cover; the renderer's other threads
 * are read outside everything else. Whether the thread was
 * asleep is read after the counters at the start and before them at the end: asleep at the end
 * means it went idle after the generation, and that sleep is among the ones counted.
 */
export async function measureCall<T>(cpu: CpuClock, thread: RendererThread, work: () => Promise<T>): Promise<{ value: T; measurement: Omit<CallMeasurement, 'wallMs'> }> {
  const othersBefore = thread.readOthers();
  const metricsBefore = await cpu.readMetrics();
  const windowStart = performance.now();
  const before = thread.read();
  const asleepBefore = thread.asleep();
  const value = await work();
  const asleepAfter = thread.asleep();
  const after = thread.read();
  const windowMs = performance.now() - windowStart;
  const metricsAfter = await cpu.readMetrics();
  const othersAfter = thread.readOthers();
  const counted = before !== null && after !== null;
  return {
    value,
    measurement: {
      cpuMs: metricsAfter.cpuMs - metricsBefore.cpuMs,
      jsHeapChangeKb: (metricsAfter.jsHeapUsedBytes - metricsBefore.jsHeapUsedBytes) / 1024,
      onCpuMs: counted ? (after.onCpuNs - before.onCpuNs) / 1e6 : null,
      runQueueMs: counted ? (after.runQueueNs - before.runQueueNs) / 1e6 : null,
      timeslices: counted ? after.timeslices - before.timeslices : null,
      preemptions: counted ? after.involuntarySwitches - before.involuntarySwitches : null,
      sleeps: counted ? after.voluntarySwitches - before.voluntarySwitches : null,
      majorFaults: counted ? after.majorFaults - before.majorFaults : null,
      asleepBefore: counted ? asleepBefore : null,
      asleepAfter: counted ? asleepAfter : null,
      windowMs,
      otherThreads: counted ? otherThreadsBetween(othersBefore, othersAfter) : null,
    },
  };
}

/**
 * The tab's renderer main thread, for its scheduler counters. Of the browser's renderers (a spare
 * one may be starting up at the same time), the tab's is the one whose main thread's time on a CPU
 * grew by what the tab's own CPU clock says while the tab runs a busy loop: the same quantity on
 * two clocks (that clock's reads can also hold a task the thread was busy with, hence the
 * tolerance). It must also have been on a CPU or waiting for one all through the loop. Not found
 * where the counters cannot be read (not Linux) or no thread matches.
 */
export async function rendererThread(browser: Browser, cpu: CpuClock, busyLoop: () => Promise<{ ms: number }>): Promise<RendererThread> {
  const pids = (await rendererPids(browser)).filter((pid) => readThreadCounters(pid) !== null);
  const notFound = (why: string | null): RendererThread => ({ found: false, pid: null, why, mismatchMs: null, read: () => null, asleep: () => false, readOthers: () => new Map() });
  if (pids.length === 0) return notFound(null);
  const cpuBefore = await cpu.read();
  const before = pids.map(readThreadCounters);
  const loop = await busyLoop();
  const after = pids.map(readThreadCounters);
  const tabCpuMs = (await cpu.read()) - cpuBefore;
  let chosen = pids[0]!;
  let mismatchMs = Infinity;
  let runnableMs = 0;
  for (const [i, pid] of pids.entries()) {
    if (!before[i] || !after[i]) continue;
    const onCpuMs = (after[i]!.onCpuNs - before[i]!.onCpuNs) / 1e6;
    if (Math.abs(tabCpuMs - onCpuMs) < mismatchMs) {
      mismatchMs = Math.abs(tabCpuMs - onCpuMs);
      runnableMs = onCpuMs + (after[i]!.runQueueNs - before[i]!.runQueueNs) / 1e6;
      chosen = pid;
    }
  }
  if (mismatchMs > Math.max(MATCH_TOLERANCE_MS, MATCH_TOLERANCE_SHARE * tabCpuMs)) return notFound(`the closest is off the tab's CPU clock by ${exactMs(mismatchMs)}`);
  if (runnableMs < loop.ms - MATCH_TOLERANCE_MS) return notFound(`the closest, matching the tab's CPU clock within ${exactMs(mismatchMs)}, was on a CPU or waiting for one only ${exactMs(runnableMs)} of a ${exactMs(loop.ms)} busy loop`);
  return { found: true, pid: chosen, why: null, mismatchMs, read: () => readThreadCounters(chosen), asleep: () => isAsleep(chosen), readOthers: () => readOtherThreads(chosen) };
}

/**
 * Main-thread CPU time of the renderer, read through the DevTools protocol. Wall-clock time on a
 * shared machine mostly measures who else is running; CPU time measures the work itself.
 */
export async function cpuClock(tab: Page): Promise<CpuClock> {
  const session = await tab.createCDPSession();
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const readMetrics = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((candidate) => candidate.name === name)!.value;
    return { cpuMs: metric('ThreadTime') * 1000, jsHeapUsedBytes: metric('JSHeapUsedSize') };
  };
  const read = async () => (await readMetrics()).cpuMs;
  const measure = async (work: () => Promise<unknown>) => {
    const before = await read();
    await work();
    return (await read()) - before;
  };
  return {
    read,
    readMetrics,
    measure,
    // The cost of an empty round trip, to subtract: the median of a few.
    overhead: async (empty) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) samples.push(await measure(empty));
      return percentile(samples, 50);
    },
  };
}

/**
 * Wall time minus the time the scheduler kept the thread waiting for a CPU, in one call: the part
 * of the wall time the engine is answerable for, its own CPU time plus any time the thread slept
 * or blocked inside the generation. The counters cover the whole call window, which is longer
 * than the generation (round trip, reads), so this is worked out from what must hold inside the
 * generation:
 * - the thread did not sleep in the window, or only once into the idle it was found in at the end:
 *   the generation was on the CPU or waiting for it throughout, so the figure is its own CPU time
 *   (at most the call's CPU time, at most its wall time);
 * - else, if the thread was asleep at the start (so the counters held no wait from before the
 *   window), only the wait that cannot have fallen outside the generation is subtracted: at least
 *   wait − (window − wall);
 * - else nothing is subtracted.
 * `null` without the scheduler's counters.
 */
export function wallMinusWait(call: CallMeasurement): number | null {
  if (call.runQueueMs === null || call.sleeps === null) return null;
  if (call.sleeps - (call.asleepAfter ? 1 : 0) <= 0) return ownCpu(call);
  if (!call.asleepBefore) return call.wallMs;
  const waitInside = Math.max(0, call.runQueueMs - (call.windowMs - call.wallMs));
  return Math.max(0, call.wallMs - waitInside);
}

/**
 * wall − CPU − run-queue wait of one call: when above 0, at least this long off the CPU without
 * being runnable (asleep or blocked) inside the generation; `null` without scheduler counters.
 */
export function blockedInside(call: CallMeasurement): number | null {
  return call.runQueueMs === null ? null : call.wallMs - call.cpuMs - call.runQueueMs;
}

/** The generation's own CPU time is at most the call's CPU time, and at most its wall time. */
export function ownCpu(call: CallMeasurement): number {
  return Math.min(call.wallMs, call.cpuMs);
}

/** "same calls: own CPU ≤ 1.90 ms, waiting on the run queue 68.10–258.30 ms" for the generations over a wall target. */
export function sameCallEvidence(over: Array<{ ownCpuMs: number; runQueueMs: number | null }>): string {
  if (over.length === 0) return 'none';
  const cpu = `own CPU ≤ ${exactMs(Math.max(...over.map((row) => row.ownCpuMs)))}`;
  const waits = over.map((row) => row.runQueueMs).filter((wait): wait is number => wait !== null);
  if (waits.length < over.length) return `same calls: ${cpu}, run-queue wait n/a (no /proc schedstat)`;
  const low = Math.min(...waits);
  const high = Math.max(...waits);
  return `same calls: ${cpu}, waiting on the run queue ${low === high ? exactMs(low) : `${low.toFixed(2)}–${exactMs(high)}`}`;
}

export interface CpuClock {
  /** The renderer main thread's CPU clock in milliseconds. */
  read(): Promise<number>;
  /** The same, with the JavaScript heap in use (one read). */
  readMetrics(): Promise<{ cpuMs: number; jsHeapUsedBytes: number }>;
  /** CPU milliseconds the renderer's main thread spent while `work` ran. */
  measure(work: () => Promise<unknown>): Promise<number>;
  overhead(empty: () => Promise<unknown>): Promise<number>;
}

/** The tab's renderer main thread (its id is the process id). */
export interface RendererThread {
  found: boolean;
  pid: number | null;
  /** Why the thread was not found, where the counters could be read. */
  why: string | null;
  /** How far the chosen thread's time on a CPU was from the tab's CPU clock over the busy loop. */
  mismatchMs: number | null;
  read(): ThreadCounters | null;
  asleep(): boolean;
  readOthers(): Map<number, OtherThread>;
}

/**
 * The renderer's main thread around one call to the page that runs one generation, measured by
 * Node in the same call, not on a rerun. The scheduler figures come from Linux's
 * /proc/<pid>/task/<pid>/ (schedstat, status, stat) and are `null` where those cannot be read.
 */
export interface CallMeasurement {
  /** Wall-clock time of the generation in this call, as the page saw it. */
  wallMs: number;
  /** Main-thread CPU time over the call and its round trip (DevTools protocol ThreadTime). */
  cpuMs: number;
  /** Change of the JavaScript heap in use over the same reads, in KB: a fall means a garbage collection ran in the call. */
  jsHeapChangeKb: number;
  /** Time on a CPU by the scheduler's count, over the window below. */
  onCpuMs: number | null;
  /** Time the thread was runnable but waiting on a run queue for a CPU, over the window below. */
  runQueueMs: number | null;
  /** Timeslices the thread got over the window below. */
  timeslices: number | null;
  /** Times the scheduler took the CPU away from the thread while it could run (involuntary context switches). */
  preemptions: number | null;
  /** Times the thread gave up the CPU itself, to sleep or block (voluntary context switches; going idle after the call is one). */
  sleeps: number | null;
  /** Major page faults of the thread (pages read from disk, which block it). */
  majorFaults: number | null;
  /** The thread was asleep (not running or waiting to run) when the window began… */
  asleepBefore: boolean | null;
  /** …and when it ended: then it had gone idle after the generation. */
  asleepAfter: boolean | null;
  /** Node's wall clock from just before the first scheduler read to just after the second; it holds the whole call. */
  windowMs: number;
  /** The renderer's other threads that ran or waited at least half a millisecond around the call, most waiting first. */
  otherThreads: OtherThread[] | null;
}
