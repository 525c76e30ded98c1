/**
 * Selector benchmark (issues 3 and 14): our engine against raw @medv/finder, in the same Chromium
 * run, over the shared corpus (scripts and meta refreshes stripped, every network request refused).
 * For each sampled element (40 a page, about 70% clickable, seeded by the page name): unique at
 * generation, escapes, exceptions, time and length; then, for each of seven deploy-like changes
 * applied to the live page and undone exactly afterwards (checked against the original HTML),
 * whether the selector still finds exactly the element (kept), it and others (ambiguous), nothing
 * (lost) or only other elements (wrong).
 *
 * Times (issue 14: at most 50 ms of wall clock per element). Node calls the page once per
 * generation (one engine, one element, one run; three runs where the first takes under 10 ms, the
 * best kept) and around each call reads the renderer main thread's CPU time (DevTools protocol)
 * and its Linux scheduler counters (/proc/<pid>/task/<pid>/schedstat; the main thread's id is the
 * process id): time on a CPU, time runnable but waiting on a run queue, timeslices. So every
 * element has, from the same run and the same call, its wall clock in the page, the call's CPU
 * time and the call's run-queue wait. No code in the page can keep the machine from giving the
 * CPU to other processes in the middle of a synchronous call: the wall clock then grows by the
 * run-queue wait, and wall − CPU − wait (the thread asleep or blocked) stays near zero. The report
 * lists every element of our engine over 50 ms with these figures, and also holds our engine to
 * "wall minus run-queue wait ≤ 50 ms", the part of the wall time the engine is answerable for
 * (worked out so that a wait outside the generation is never subtracted: see `wallMinusWait` in
 * lib/renderer-thread.ts).
 * For the "smallest of the clocks" figure, a run that is not tiny is run once more alone on the CPU
 * clock (minus an empty round trip), and the engine's page batch is the sum of its calls' CPU time.
 * Where /proc cannot be read (not Linux) the scheduler figures are n/a and the rest still runs.
 *
 *   npm run bench:selectors [-- --pages 20] [--filter reddit] [--engines goalpost] [--per-page 40] [--time-cap Infinity] [--work-budget 300000]
 *
 * Writes tests/bench/results/selectors-<time>.json and selectors-latest.json; prints markdown tables.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForPage } from './lib/bundle.ts';
import { launchChromium, loadOffline } from './lib/chromium.ts';
import { corpusPages, preparedPage } from './lib/corpus.ts';
import type { OtherThread } from './lib/linux-threads.ts';
import { blockedInside, cpuClock, IDENTIFY_PROBE_MS, measureCall, ownCpu, rendererThread, sameCallEvidence, wallMinusWait, type CallMeasurement, type CpuClock } from './lib/renderer-thread.ts';
import { exactMs, markdownTable, mean, ms, percent, percentile } from './lib/stats.ts';
import type { Browser, Page } from 'puppeteer-core';
import type { EngineResult, GenerationRun, PageJudgement, PrepareOptions, SampledInfo, StallProbe } from './page/selectors-page.ts';

const MUTATION_LABELS = [
  '1. same-tag sibling inserted first in parent',
  '2. banner div inserted first in body',
  '3. parent wrapped in a new div',
  '4. generated-looking classes renamed',
  '5. generated-looking ids renamed',
  '6. first class replaced',
  '7. state attributes and classes toggled',
];
/** The stall probe after each page's generation runs as long as our engine's batch, within these bounds. */
const STALL_PROBE_MIN_MS = 50;
const STALL_PROBE_MAX_MS = 1000;
/** The wall-clock bound of issue 14, per element. */
const WALL_TARGET_MS = 50;
/** Runs asleep or blocked for longer than this inside the generation are counted in the report. */
const BLOCKED_NOTE_MS = 10;
/** Wall times from here up are re-timed alone on the renderer's CPU clock… */
const RECHECK_MIN_MS = 2;
/** …up to here. */
const RECHECK_MAX_MS = 400;
const RESULTS = resolve(import.meta.dirname, 'results');
const ENTRY = resolve(import.meta.dirname, 'page', 'selectors-page.ts');

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string' },
    filter: { type: 'string' },
    engines: { type: 'string', default: 'goalpost,finder' },
    'per-page': { type: 'string', default: '40' },
    quiet: { type: 'boolean', default: false },
    /** Our engine's wall-clock cap in ms (default: as shipped). `--time-cap Infinity` shows what an idle machine gets. */
    'time-cap': { type: 'string' },
    /** Our engine's work budget in elements visited (default: as shipped), to weigh a budget's quality against its time. */
    'work-budget': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  let pages = await corpusPages();
  if (args.filter) pages = pages.filter((page) => page.includes(args.filter!));
  if (args.pages) pages = pages.slice(0, Number(args.pages));
  const engines = args.engines!.split(',');
  const code = await bundleForPage(ENTRY, '__goalpostBench');
  const browser = await launchChromium();
  const perPage: PageRecord[] = [];
  try {
    const tab = await browser.newPage();
    const cpu = await cpuClock(tab);
    for (const [index, page] of pages.entries()) {
      const pageStart = Date.now();
      try {
        await loadOffline(tab, page, await preparedPage(page));
        await tab.evaluate(code);
        const loadMs = Date.now() - pageStart;
        perPage.push(await benchPage(browser, tab, cpu, page, engines, index));
        perPage.at(-1)!.phases!.load = loadMs;
        if (!perPage.at(-1)!.restored) console.warn(`! ${page}: the page did not return to its original HTML after the changes`);
      } catch (error) {
        perPage.push({ page, records: [], restored: true, error: String(error) });
        console.warn(`! ${page}: ${String(error).slice(0, 300)}`);
      }
      if (!args.quiet) console.error(`[${index + 1}/${pages.length}] ${page} ${Date.now() - pageStart} ms`);
    }
  } finally {
    await browser.close();
  }
  const summary = summarize(perPage, engines);
  const load = { before: loadBefore, after: loadavg() };
  const report = { date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, load, schedulerReadable: summary.schedulerReadable, timeCapMs: args['time-cap'] ?? 'as shipped', workBudget: args['work-budget'] ?? 'as shipped', pages: pages.length, engines, mutations: MUTATION_LABELS, summary, perPage };
  await mkdir(RESULTS, { recursive: true });
  const json = JSON.stringify(report);
  await writeFile(join(RESULTS, `selectors-${report.date.replace(/[:.]/g, '-')}.json`), json);
  await writeFile(join(RESULTS, 'selectors-latest.json'), json);
  console.log(render(summary, engines, perPage, report.seconds));
  if (args['time-cap']) console.log(`\nOur engine's wall-clock cap in this run: ${args['time-cap']} ms (not the one it ships with).`);
  if (args['work-budget']) console.log(`\nOur engine's work budget in this run: ${args['work-budget']} (not the one it ships with).`);
  console.log(`\nLoad average (1, 5, 15 min) before: ${load.before.map((value) => value.toFixed(2)).join(', ')}; after: ${load.after.map((value) => value.toFixed(2)).join(', ')} (${cpus().length} cores).`);
  const missed = missedTargets(summary);
  if (missed.length > 0) {
    console.log(`\nMissed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
}

/**
 * The targets of issues 3 and 14 for our engine: kept ≥ 93% and wrong ≤ 1% over all changes, p95 ≤ 5 ms
 * (smallest of the clocks) and max ≤ 50 ms of wall clock on every element, 100% unique, no escape.
 * A wall-clock miss carries the same calls' evidence; beside it, the bound the engine can hold
 * whatever else runs on the machine: wall minus run-queue wait ≤ 50 ms on every element.
 */
function missedTargets(summary: ReturnType<typeof summarize>): string[] {
  const ours = summary.byEngine.goalpost;
  if (!ours) return [];
  const missed: string[] = [];
  const share = (part: number) => (ours.all.total === 0 ? 0 : part / ours.all.total);
  if (share(ours.all.kept) < 0.93) missed.push(`kept ${percent(ours.all.kept, ours.all.total)} < 93%`);
  if (share(ours.all.wrong) > 0.01) missed.push(`wrong ${percent(ours.all.wrong, ours.all.total)} > 1%`);
  if (ours.p95 > 5) missed.push(`p95 ${ms(ours.p95)} > 5 ms`);
  if (ours.wallMax > WALL_TARGET_MS) {
    missed.push(`max wall ${exactMs(ours.wallMax)} > ${WALL_TARGET_MS} ms (${elements(ours.over50)}; ${sameCallEvidence(ours.overWallTarget)}; longest stall of a busy loop in this run ${exactMs(summary.stalls.longest)})`);
  }
  if (ours.wallMinusWaitMax !== null && ours.wallMinusWaitMax > WALL_TARGET_MS) {
    missed.push(`wall minus run-queue wait ${exactMs(ours.wallMinusWaitMax)} > ${WALL_TARGET_MS} ms on ${elements(ours.overWallMinusWaitTarget)} (time the engine itself is answerable for)`);
  }
  if (ours.unique < ours.elements) missed.push(`${ours.elements - ours.unique} selectors not unique`);
  if (ours.escapes > 0) missed.push(`${ours.escapes} selectors with an escape`);
  return missed;
}

function elements(count: number): string {
  return count === 1 ? '1 element' : `${count} elements`;
}

/**
 * One page: sample, generate with each engine (alternating who goes first, so neither always meets
 * a warm cache), then judge every selector against the seven changes.
 */
async function benchPage(browser: Browser, tab: Page, cpu: CpuClock, page: string, engines: string[], pageIndex: number): Promise<PageRecord> {
  const call = <T>(name: string, ...callArgs: unknown[]) =>
    tab.evaluate((fn, list) => (globalThis as any).__goalpostBench[fn](...list) as T, name, callArgs);
  const options: PrepareOptions = { seed: page, perPage: Number(args['per-page']), clickableShare: 0.7, timeCapMs: timeCap(), workBudget: args['work-budget'] ? Number(args['work-budget']) : null };
  const sampled = await call<SampledInfo[]>('prepare', options);
  // Found again on every page: a navigation may move the tab to another renderer process.
  const thread = await rendererThread(browser, cpu, () => call<StallProbe>('stallProbe', IDENTIFY_PROBE_MS));
  if (thread.why) console.warn(`! ${page}: the tab's renderer main thread was not found (${thread.why}): no scheduler figures on this page`);
  const phases = { load: 0, generate: Date.now(), judge: 0 };
  // One call per generation, measured around by Node: the main thread's CPU time and its run-queue
  // wait belong to that generation, not to a rerun. A cheap element is run three times (the page
  // asks for it) and its wall time is the best run's. Who goes first alternates from page to page.
  const walls: Record<string, number[]> = {};
  const measured: Record<string, CallMeasurement[][]> = {};
  const batchCpu: Record<string, number> = {};
  for (const engine of pageIndex % 2 === 0 ? engines : [...engines].reverse()) {
    walls[engine] = [];
    measured[engine] = [];
    batchCpu[engine] = 0;
    for (const [index] of sampled.entries()) {
      const calls: CallMeasurement[] = [];
      let again = true;
      while (again) {
        const { value, measurement } = await measureCall(cpu, thread, () => call<GenerationRun>('generateOne', engine, index));
        calls.push({ ...measurement, wallMs: value.wallMs });
        again = value.again;
      }
      walls[engine].push(Math.min(...calls.map((measurement) => measurement.wallMs)));
      measured[engine].push(calls);
      // Each call's CPU time includes its round trip, so the sum bounds the batch's work from above.
      batchCpu[engine] += calls.reduce((sum, measurement) => sum + measurement.cpuMs, 0);
    }
  }
  // Wall time on a shared machine also counts the time other processes held the cores. A run
  // that is not tiny is run once more alone on the CPU clock (minus an empty round trip's cost),
  // up to RECHECK_MAX_MS: rerunning the slowest runs too would only make the benchmark long.
  // The floor under the wall-clock bound on this machine right now: how long the renderer's main
  // thread went unscheduled while a busy loop ran as long as our engine's batch did.
  const ourBatchMs = (walls.goalpost ?? []).reduce((sum, wall) => sum + wall, 0);
  const stall = await call<StallProbe>('stallProbe', Math.min(Math.max(ourBatchMs, STALL_PROBE_MIN_MS), STALL_PROBE_MAX_MS));
  const overhead = await cpu.overhead(() => call('noop'));
  const cpuTimes = sampled.map(() => ({}) as Record<string, number | null>);
  for (const [index] of sampled.entries()) {
    for (const engine of engines) {
      const wall = walls[engine]![index]!;
      const rerun = wall >= RECHECK_MIN_MS && wall <= RECHECK_MAX_MS;
      cpuTimes[index]![engine] = rerun ? Math.max(0, (await cpu.measure(() => call('rerun', index, engine))) - overhead) : null;
    }
  }
  phases.judge = Date.now();
  phases.generate = phases.judge - phases.generate;
  const judged = await call<PageJudgement>('judge');
  phases.judge = Date.now() - phases.judge;
  const records = sampled.map((info, index) => {
    const results = judged.results[index]!;
    for (const engine of engines) {
      results[engine]!.cpuMs = cpuTimes[index]![engine]!;
      results[engine]!.batchCpuMs = batchCpu[engine]!;
      results[engine]!.calls = measured[engine]![index]!;
    }
    return { ...info, results };
  });
  return { page, records, restored: judged.restored, phases, stall, rendererPid: thread.pid, rendererMismatchMs: thread.mismatchMs, rendererNotFound: thread.why, emptyCallCpuMs: overhead };
}

/** The --time-cap option; Infinity as a large finite number (it crosses into the page as JSON). */
function timeCap(): number | null {
  if (!args['time-cap']) return null;
  const value = Number(args['time-cap']);
  return Number.isFinite(value) ? value : 1e12;
}

function summarize(perPage: PageRecord[], engines: string[]) {
  const records = perPage.flatMap((page) => page.records);
  const byEngine: Record<string, EngineSummary> = {};
  const pageOf = new Map(perPage.flatMap((page) => page.records.map((record) => [record, page.page] as const)));
  for (const engine of engines) {
    const results = records.map((record) => record.results[engine]).filter((result): result is EngineResult => !!result);
    // Both clocks overstate the work (wall: other processes; CPU: the round trip), so the smaller
    // of the two is the tighter honest bound.
    // Every clock overstates the work (wall: other processes; CPU: what is left of the round trip,
    // or the rest of the batch), so the smallest is the tightest honest bound.
    const times = results.map((result) => Math.min(result.wallMs, result.cpuMs ?? Infinity, result.batchCpuMs));
    const wallTimes = results.map((result) => result.wallMs);
    const overWallTarget: OverTarget[] = [];
    for (const record of records) {
      const result = record.results[engine];
      if (!result || result.wallMs <= WALL_TARGET_MS) continue;
      const call = bestCall(result);
      // The best call's wall time is the element's (the best of its runs).
      overWallTarget.push({
        ...call,
        page: pageOf.get(record)!,
        tag: record.tag,
        stopped: result.stopped,
        ownCpuMs: ownCpu(call),
        blockedMs: blockedInside(call),
        wallMinusWaitMs: wallMinusWait(call),
      });
    }
    const ownCpuTimes = results.flatMap((result) => result.calls.map(ownCpu));
    const runs = results.flatMap((result) => result.calls);
    const blocked = runs.filter((call) => (blockedInside(call) ?? 0) > BLOCKED_NOTE_MS);
    const minusWait = results.map((result) => wallMinusWait(bestCall(result))).filter((value): value is number => value !== null);
    const lengths = results.filter((result) => result.selector !== null).map((result) => result.selector!.length);
    const mutations = MUTATION_LABELS.map((_, m) => {
      const counts = { kept: 0, ambiguous: 0, lost: 0, wrong: 0, total: 0 };
      for (const result of results) {
        const outcome = result.outcomes[m];
        if (!outcome) continue;
        counts[outcome]++;
        counts.total++;
      }
      return counts;
    });
    const all = mutations.reduce(
      (sum, counts) => ({ kept: sum.kept + counts.kept, ambiguous: sum.ambiguous + counts.ambiguous, lost: sum.lost + counts.lost, wrong: sum.wrong + counts.wrong, total: sum.total + counts.total }),
      { kept: 0, ambiguous: 0, lost: 0, wrong: 0, total: 0 },
    );
    const healed = MUTATION_LABELS.map((_, m) => {
      const counts = { kept: 0, repaired: 0, wrong: 0, wrongRepair: 0, missed: 0, total: 0 };
      for (const result of results) {
        const outcome = result.healed?.[m];
        if (!outcome) continue;
        if (outcome === 'wrong-kept' || outcome === 'wrong-repair') counts.wrong++;
        else counts[outcome]++;
        if (outcome === 'wrong-repair') counts.wrongRepair++;
        counts.total++;
      }
      return counts;
    });
    const healedAll = healed.reduce(
      (sum, counts) => ({ kept: sum.kept + counts.kept, repaired: sum.repaired + counts.repaired, wrong: sum.wrong + counts.wrong, wrongRepair: sum.wrongRepair + counts.wrongRepair, missed: sum.missed + counts.missed, total: sum.total + counts.total }),
      { kept: 0, repaired: 0, wrong: 0, wrongRepair: 0, missed: 0, total: 0 },
    );
    byEngine[engine] = {
      healed,
      healedAll,
      elements: results.length,
      unique: results.filter((result) => result.unique).length,
      escapes: results.filter((result) => result.escape).length,
      exceptions: results.filter((result) => result.error !== null).length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
      wallP50: percentile(wallTimes, 50),
      wallP95: percentile(wallTimes, 95),
      wallMax: Math.max(...wallTimes),
      over50: wallTimes.filter((wall) => wall > WALL_TARGET_MS).length,
      overWallTarget,
      ownCpuMax: Math.max(...ownCpuTimes),
      wallMinusWaitMax: minusWait.length > 0 ? Math.max(...minusWait) : null,
      overWallMinusWaitTarget: minusWait.filter((value) => value > WALL_TARGET_MS).length,
      withoutCounters: results.length - minusWait.length,
      runs: {
        total: runs.length,
        overTarget: runs.filter((call) => call.wallMs > WALL_TARGET_MS).length,
        blocked: blocked.length,
        blockedMax: Math.max(0, ...blocked.map((call) => blockedInside(call)!)),
        blockedHeapFell: blocked.filter((call) => call.jsHeapChangeKb < 0).length,
        blockedOthersWaitMs: blocked.map((call) => othersWaitMs(call.otherThreads)),
      },
      nondeterministic: results.filter((result) => !result.deterministic).length,
      stoppedByWork: results.filter((result) => result.stopped === 'work').length,
      stoppedByClock: results.filter((result) => result.stopped === 'clock').length,
      meanLength: mean(lengths),
      maxLength: Math.max(...lengths),
      mutations,
      all,
    };
  }
  const probes = perPage.map((page) => page.stall).filter((probe): probe is StallProbe => !!probe);
  const stalls = {
    seconds: probes.reduce((sum, probe) => sum + probe.ms, 0) / 1000,
    longest: Math.max(0, ...probes.map((probe) => probe.longest)),
    p95: percentile(probes.map((probe) => probe.longest), 95),
    over25: probes.reduce((sum, probe) => sum + probe.over25, 0),
  };
  return {
    stalls,
    schedulerReadable: perPage.some((page) => page.rendererPid != null),
    emptyCallCpuMs: percentile(perPage.filter((page) => page.emptyCallCpuMs !== undefined).map((page) => page.emptyCallCpuMs!), 50),
    pagesWithElements: perPage.filter((page) => page.records.length > 0).length,
    pageErrors: perPage.filter((page) => page.error).length,
    notRestored: perPage.filter((page) => !page.restored).length,
    elements: records.length,
    clickable: records.filter((record) => record.clickable).length,
    twins: records.filter((record) => record.twin).length,
    bareFirsts: records.filter((record) => record.bareFirst).length,
    byEngine,
  };
}

/** The call of the run whose wall time the element reports (the best of its runs). */
function bestCall(result: EngineResult): CallMeasurement {
  return result.calls.reduce((best, call) => (call.wallMs < best.wallMs ? call : best));
}

/** How long the renderer's other threads waited on the run queue in a call, all together. */
function othersWaitMs(threads: OtherThread[] | null): number {
  return (threads ?? []).reduce((sum, thread) => sum + thread.runQueueMs, 0);
}

/**
 * Every fourth page (by a hash of its name) is held out: tuning looks at the others only, and the
 * report gives both figures (issue 14: do not tune to the corpus).
 */
export function isHeldOut(page: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) h = Math.imul(h ^ page.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 4 === 0;
}

/** Kept and wrong over all changes, on the tuning pages and on the held-out ones. */
function splitFigures(perPage: PageRecord[], engine: string): { tuning: string; heldOut: string } {
  const figure = (pages: PageRecord[]) => {
    let kept = 0;
    let wrong = 0;
    let total = 0;
    for (const page of pages) {
      for (const record of page.records) {
        for (const outcome of record.results[engine]?.outcomes ?? []) {
          if (!outcome) continue;
          total++;
          if (outcome === 'kept') kept++;
          if (outcome === 'wrong') wrong++;
        }
      }
    }
    return `${percent(kept, total)} / ${percent(wrong, total)} (${pages.length} pages)`;
  };
  return { tuning: figure(perPage.filter((page) => !isHeldOut(page.page))), heldOut: figure(perPage.filter((page) => isHeldOut(page.page))) };
}

function render(summary: ReturnType<typeof summarize>, engines: string[], perPage: PageRecord[], seconds: number): string {
  const e = engines.map((engine) => summary.byEngine[engine]!);
  const splits = engines.map((engine) => splitFigures(perPage, engine));
  const overview = markdownTable(['', ...engines], [
    ['unique at generation', ...e.map((s) => percent(s.unique, s.elements))],
    ['selectors with an escape', ...e.map((s) => `${s.escapes} (${percent(s.escapes, s.elements)})`)],
    ['exceptions', ...e.map((s) => String(s.exceptions))],
    ['time p50 / p95 / max (smallest of the clocks)', ...e.map((s) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`)],
    ['time p50 / p95 / max (wall clock only)', ...e.map((s) => `${ms(s.wallP50)} / ${ms(s.wallP95)} / ${ms(s.wallMax)}`)],
    [`elements over ${WALL_TARGET_MS} ms (wall clock)`, ...e.map((s) => `${s.over50} (${percent(s.over50, s.elements)})`)],
    ['max own CPU time of one generation (same call)', ...e.map((s) => exactMs(s.ownCpuMax))],
    ['max of wall minus run-queue wait (same call)', ...e.map((s) => exactMs(s.wallMinusWaitMax))],
    ['different selector on a repeat run (runs < 10 ms repeated)', ...e.map((s) => String(s.nondeterministic))],
    ['searches ended by the work budget / by the clock', ...e.map((s, i) => (engines[i] === 'goalpost' ? `${s.stoppedByWork} / ${s.stoppedByClock}` : 'n/a'))],
    ['length mean / max', ...e.map((s) => `${s.meanLength.toFixed(1)} / ${s.maxLength}`)],
    ['kept, all changes', ...e.map((s) => percent(s.all.kept, s.all.total))],
    ['ambiguous, all changes', ...e.map((s) => percent(s.all.ambiguous, s.all.total))],
    ['lost, all changes', ...e.map((s) => percent(s.all.lost, s.all.total))],
    ['wrong, all changes', ...e.map((s) => percent(s.all.wrong, s.all.total))],
    ['with health and repair (issue 14): kept + repaired / wrong, all changes', ...e.map((s) => (s.healedAll.total === 0 ? 'n/a' : `${percent(s.healedAll.kept, s.healedAll.total)} + ${percent(s.healedAll.repaired, s.healedAll.total)} / ${percent(s.healedAll.wrong, s.healedAll.total)}`))],
    ['kept / wrong, tuning pages', ...splits.map((split) => split.tuning)],
    ['kept / wrong, held-out pages (every 4th)', ...splits.map((split) => split.heldOut)],
  ]);
  const changes = markdownTable(
    ['change (applicable elements)', ...engines.map((engine) => `${engine} kept / amb / lost / wrong`)],
    MUTATION_LABELS.map((label, m) => [
      `${label} (${e[0]!.mutations[m]!.total})`,
      ...e.map((s) => {
        const c = s.mutations[m]!;
        return `${percent(c.kept, c.total)} / ${percent(c.ambiguous, c.total)} / ${percent(c.lost, c.total)} / ${percent(c.wrong, c.total)}`;
      }),
    ]),
  );
  const ours = summary.byEngine.goalpost;
  const healedTable = ours && ours.healedAll.total > 0 ? markdownTable(
    ['change', 'goalpost with health: kept / repaired / wrong (of which wrong repairs) / missed'],
    MUTATION_LABELS.map((label, m) => {
      const c = ours.healed[m]!;
      return [label, `${percent(c.kept, c.total)} / ${percent(c.repaired, c.total)} / ${percent(c.wrong, c.total)} (${percent(c.wrongRepair, c.total)}) / ${percent(c.missed, c.total)}`];
    }),
  ) : '';
  const overTable = ours && ours.overWallTarget.length > 0 ? markdownTable(
    ['page', 'element', 'ended by', 'wall', 'CPU (call)', 'on CPU (scheduler)', 'run-queue wait', 'timeslices / preempted / slept / major faults', 'asleep at start / end', 'call window', 'JS heap change', 'other renderer threads: on CPU / waiting', 'wall − CPU − wait', 'wall − wait (engine\'s share)'],
    ours.overWallTarget.map((row) => [
      row.page, row.tag, row.stopped ?? 'finished', exactMs(row.wallMs), exactMs(row.cpuMs), exactMs(row.onCpuMs), exactMs(row.runQueueMs),
      [row.timeslices, row.preemptions, row.sleeps, row.majorFaults].map((count) => (count === null ? 'n/a' : String(count))).join(' / '),
      [row.asleepBefore, row.asleepAfter].map((asleep) => (asleep === null ? 'n/a' : asleep ? 'yes' : 'no')).join(' / '),
      exactMs(row.windowMs), `${row.jsHeapChangeKb.toFixed(0)} KB`, otherThreadsCell(row.otherThreads), exactMs(row.blockedMs), exactMs(row.wallMinusWaitMs),
    ]),
  ) : '';
  const errors = perPage.filter((page) => page.error).map((page) => `- ${page.page}: ${page.error!.slice(0, 200)}`);
  const phase = (name: 'load' | 'generate' | 'judge') => `${name} ${(perPage.reduce((sum, page) => sum + (page.phases?.[name] ?? 0), 0) / 1000).toFixed(0)} s`;
  return [
    `Selector benchmark: ${summary.elements} elements (${percent(summary.clickable, summary.elements)} clickable) on ${summary.pagesWithElements} pages, ${seconds.toFixed(0)} s` +
      (summary.notRestored ? `, ${summary.notRestored} pages not restored` : ''),
    '',
    overview,
    '',
    ...(ours ? [timeEvidence(ours, summary.schedulerReadable, summary.emptyCallCpuMs, overTable), ''] : []),
    changes,
    '',
    ...(healedTable ? ['Our selector with the fingerprint recorded at pick time: the health check (lib/selector/health.ts) flags a lost, ambiguous or moved selector and relocate repairs it.', '', healedTable, ''] : []),
    `Floor of change 1: ${summary.twins} elements (${percent(summary.twins, summary.elements)}) have nothing the sibling before them lacks (same tag, ` +
      'every attribute with the same value), or are a bare first child followed by a sibling of their tag; after the insert, what then stands in ' +
      'their place has every part a selector can ask for, so every unique portable selector for them points at it: wrong whatever the engine ' +
      `(${percent(summary.twins, summary.elements * MUTATION_LABELS.length)} of all changes). ${summary.bareFirsts} elements (${percent(summary.bareFirsts, summary.elements)}) ` +
      'are first children without attributes, which the new bare element matches just as well: never kept on change 1.',
    '',
    `Stalls (issue 14, the floor under the wall-clock bound): a busy loop that only reads the clock, run in the same renderer after each page's generation for as long as our engine's batch took (${summary.stalls.seconds.toFixed(1)} s in all), ` +
      `went unscheduled for up to ${ms(summary.stalls.longest)} at once (p95 over pages ${ms(summary.stalls.p95)}; ${summary.stalls.over25} gaps over 25 ms). ` +
      'A generation caught by such a gap takes at least that long, whatever its own bound.',
    '',
    `Time spent: ${(['load', 'generate', 'judge'] as const).map(phase).join(', ')}.`,
    ...(errors.length ? ['', 'Pages that failed to load:', ...errors] : []),
  ].join('\n');
}

/** "3.10 ms / 12.40 ms (ThreadPoolForeg 9.00 ms)": all the other threads, and the one that waited longest. */
function otherThreadsCell(threads: OtherThread[] | null): string {
  if (threads === null) return 'n/a';
  const onCpu = threads.reduce((sum, thread) => sum + thread.onCpuMs, 0);
  const longest = threads[0];
  return `${exactMs(onCpu)} / ${exactMs(othersWaitMs(threads))}` + (longest && longest.runQueueMs > 0 ? ` (${longest.name} ${exactMs(longest.runQueueMs)})` : '');
}

/**
 * Issue 14's wall-clock bound, with the same-run evidence for every element of our engine over it:
 * a thread kept off the CPU by other processes waits on the run queue, its own CPU time stays small.
 */
function timeEvidence(ours: EngineSummary, schedulerReadable: boolean, emptyCallCpuMs: number, overTable: string): string {
  const over = ours.overWallTarget;
  const lines: string[] = [];
  if (!schedulerReadable) lines.push('The renderer\'s scheduler counters (/proc/<pid>/task/<pid>/schedstat) could not be read here: run-queue figures are n/a.', '');
  if (over.length === 0) {
    lines.push(`Elements over ${WALL_TARGET_MS} ms wall (goalpost): 0.`);
  } else {
    const waits = over.map((row) => row.runQueueMs).filter((wait): wait is number => wait !== null);
    const waited = waits.length < over.length ? 'its run-queue wait is n/a' : `it waited on the run queue ${waits.map((wait) => exactMs(wait)).join(', ')}`;
    lines.push(
      `Elements over ${WALL_TARGET_MS} ms wall (goalpost), with what the renderer's main thread did in that same call. CPU: the DevTools protocol clock, ` +
        `round trip included (an empty call: ${exactMs(emptyCallCpuMs)}, median). On CPU, run-queue wait, timeslices, times preempted (the scheduler took the CPU away), ` +
        'times slept (the thread gave the CPU up; going idle after the call is one), major page faults (pages read from disk) and whether it was asleep: ' +
        'the Linux scheduler over the call window, which also holds the round trip. JS heap change: over the CPU clock\'s reads; a fall means a garbage collection ran. ' +
        'Other renderer threads: their time on a CPU and waiting for one around the call, all together and the one that waited longest (the main thread may wait for them). ' +
        'wall − CPU − wait: when above 0, at least that long asleep or blocked inside the generation; at or below 0, the call\'s CPU and wait hold its whole wall time. ' +
        'wall − wait: the part of the wall time the engine is answerable for (its own CPU time when the thread did not sleep inside the call).',
      '',
      overTable,
      '',
      `Elements over ${WALL_TARGET_MS} ms wall: ${over.length}; in all of them the thread's own CPU time was ≤ ${exactMs(Math.max(...over.map((row) => row.ownCpuMs)))} and ${waited}.`,
    );
  }
  lines.push(
    '',
    `Wall minus the time the scheduler kept the thread waiting, max over all ${ours.elements - ours.withoutCounters} elements of goalpost` +
      (ours.withoutCounters > 0 ? ` with scheduler counters (${ours.withoutCounters} without)` : '') + `: ${exactMs(ours.wallMinusWaitMax)} ` +
      `(${ours.overWallMinusWaitTarget} over ${WALL_TARGET_MS} ms; the engine's own share of the wall clock).`,
    '',
    `Every run of goalpost, repeats of cheap elements included (${ours.runs.total}): ${ours.runs.overTarget} over ${WALL_TARGET_MS} ms of wall; ` +
      `${ours.runs.blocked} spent over ${BLOCKED_NOTE_MS} ms asleep or blocked inside the generation (wall − CPU − wait), not waiting for a CPU` +
      (ours.runs.blocked > 0
        ? ` (up to ${exactMs(ours.runs.blockedMax)}; in them the renderer's other threads waited on the run queue ${ours.runs.blockedOthersWaitMs.map((wait) => exactMs(wait)).join(', ')} ` +
          `in all; the JS heap fell in ${ours.runs.blockedHeapFell} of them)`
        : '') + '.',
  );
  return lines.join('\n');
}

interface ElementRecord {
  tag: string;
  clickable: boolean;
  twin: boolean;
  bareFirst: boolean;
  results: Record<string, EngineResult>;
}

interface PageRecord {
  page: string;
  records: ElementRecord[];
  restored: boolean;
  error?: string;
  /** Milliseconds spent loading the page, generating, judging the changes. */
  phases?: { load: number; generate: number; judge: number };
  /** The busy loop run after the page's generation (see `stallProbe`). */
  stall?: StallProbe;
  /** The tab's renderer process, whose main thread's scheduler counters were read; `null` where unreadable or not found. */
  rendererPid?: number | null;
  /** How far that thread's time on a CPU was from the tab's CPU clock over the busy loop that found it. */
  rendererMismatchMs?: number | null;
  /** Why it was not found, where the counters could be read. */
  rendererNotFound?: string | null;
  /** CPU time of an empty call to the page (median of five): the round trip inside every call's CPU time. */
  emptyCallCpuMs?: number;
}

/** An element whose generation took more than the wall-clock target, with its (best) call's figures. */
interface OverTarget extends CallMeasurement {
  page: string;
  tag: string;
  stopped: EngineResult['stopped'];
  /** The generation's own CPU time, at most (see `ownCpu`). */
  ownCpuMs: number;
  /** See `blockedInside`. */
  blockedMs: number | null;
  wallMinusWaitMs: number | null;
}

interface EngineSummary {
  healed: Array<{ kept: number; repaired: number; wrong: number; wrongRepair: number; missed: number; total: number }>;
  healedAll: { kept: number; repaired: number; wrong: number; wrongRepair: number; missed: number; total: number };
  elements: number;
  unique: number;
  escapes: number;
  exceptions: number;
  p50: number;
  p95: number;
  max: number;
  wallP50: number;
  wallP95: number;
  wallMax: number;
  /** Elements whose generation took more than 50 ms of wall clock. */
  over50: number;
  /** Those elements, with the figures of their own call. */
  overWallTarget: OverTarget[];
  /** The most own CPU time of one generation, by its call's CPU clock (every run counts, not only the best). */
  ownCpuMax: number;
  /** The most wall time minus run-queue wait of one element (see `wallMinusWait`); `null` without scheduler counters. */
  wallMinusWaitMax: number | null;
  overWallMinusWaitTarget: number;
  /** Elements on pages where the renderer's main thread was not found: no scheduler figures. */
  withoutCounters: number;
  /**
   * Every run, repeats of cheap elements included: how many, how many over the wall target, and
   * how many spent over BLOCKED_NOTE_MS asleep or blocked (wall − CPU − wait) inside the generation.
   */
  runs: { total: number; overTarget: number; blocked: number; blockedMax: number; blockedHeapFell: number; blockedOthersWaitMs: number[] };
  nondeterministic: number;
  stoppedByWork: number;
  stoppedByClock: number;
  meanLength: number;
  maxLength: number;
  mutations: Array<{ kept: number; ambiguous: number; lost: number; wrong: number; total: number }>;
  all: { kept: number; ambiguous: number; lost: number; wrong: number; total: number };
}

await main();
