/**
 * Selector benchmark (issue 3): our engine against raw @medv/finder, in the same Chromium run, over
 * the shared corpus (scripts and meta refreshes stripped, every network request refused). For each
 * sampled element (40 a page, about 70% clickable, seeded by the page name): unique at generation,
 * escapes, exceptions, time and length; then, for each of seven deploy-like changes applied to the
 * live page and undone exactly afterwards (checked against the original HTML), whether the selector
 * still finds exactly the element (kept), it and others (ambiguous), nothing (lost) or only other
 * elements (wrong). Times: wall clock in the page (best of three for cheap runs) and the renderer's
 * main-thread CPU clock read over the DevTools protocol; the smaller is reported, as both overstate.
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
import { markdownTable, mean, ms, percent, percentile } from './lib/stats.ts';
import type { Page } from 'puppeteer-core';
import type { EngineResult, PageJudgement, PrepareOptions, SampledInfo, StallProbe } from './page/selectors-page.ts';

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
        perPage.push(await benchPage(tab, cpu, page, engines, index));
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
  const report = { date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, load, timeCapMs: args['time-cap'] ?? 'as shipped', workBudget: args['work-budget'] ?? 'as shipped', pages: pages.length, engines, mutations: MUTATION_LABELS, summary, perPage };
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
 */
function missedTargets(summary: ReturnType<typeof summarize>): string[] {
  const ours = summary.byEngine.goalpost;
  if (!ours) return [];
  const missed: string[] = [];
  const share = (part: number) => (ours.all.total === 0 ? 0 : part / ours.all.total);
  if (share(ours.all.kept) < 0.93) missed.push(`kept ${percent(ours.all.kept, ours.all.total)} < 93%`);
  if (share(ours.all.wrong) > 0.01) missed.push(`wrong ${percent(ours.all.wrong, ours.all.total)} > 1%`);
  if (ours.p95 > 5) missed.push(`p95 ${ms(ours.p95)} > 5 ms`);
  if (ours.wallMax > 50) missed.push(`max wall ${ms(ours.wallMax)} > 50 ms (${ours.over50} elements; longest stall of a busy loop in this run ${ms(summary.stalls.longest)})`);
  if (ours.unique < ours.elements) missed.push(`${ours.elements - ours.unique} selectors not unique`);
  if (ours.escapes > 0) missed.push(`${ours.escapes} selectors with an escape`);
  return missed;
}

/**
 * One page: sample, generate with each engine (alternating who goes first, so neither always meets
 * a warm cache), then judge every selector against the seven changes.
 */
async function benchPage(tab: Page, cpu: CpuClock, page: string, engines: string[], pageIndex: number): Promise<PageRecord> {
  const call = <T>(name: string, ...callArgs: unknown[]) =>
    tab.evaluate((fn, list) => (globalThis as any).__goalpostBench[fn](...list) as T, name, callArgs);
  const options: PrepareOptions = { seed: page, perPage: Number(args['per-page']), clickableShare: 0.7, timeCapMs: timeCap(), workBudget: args['work-budget'] ? Number(args['work-budget']) : null };
  const sampled = await call<SampledInfo[]>('prepare', options);
  const phases = { load: 0, generate: Date.now(), judge: 0 };
  // Each engine runs over the whole page in one call, timed on the renderer's CPU clock: that
  // bounds every run in it. Who goes first alternates from page to page.
  const walls: Record<string, number[]> = {};
  const batchCpu: Record<string, number> = {};
  for (const engine of pageIndex % 2 === 0 ? engines : [...engines].reverse()) {
    batchCpu[engine] = await cpu.measure(async () => {
      walls[engine] = await call<number[]>('generateAll', engine);
    });
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
    }
    return { ...info, results };
  });
  return { page, records, restored: judged.restored, phases, stall };
}

/**
 * Main-thread CPU time of the renderer, read through the DevTools protocol. Wall-clock time on a
 * shared machine mostly measures who else is running; CPU time measures the work itself.
 */
async function cpuClock(tab: Page): Promise<CpuClock> {
  const session = await tab.createCDPSession();
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => (await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ThreadTime')!.value * 1000;
  const measure = async (work: () => Promise<unknown>) => {
    const before = await read();
    await work();
    return (await read()) - before;
  };
  return {
    measure,
    // The cost of an empty round trip, to subtract: the median of a few.
    overhead: async (empty) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) samples.push(await measure(empty));
      return percentile(samples, 50);
    },
  };
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
  for (const engine of engines) {
    const results = records.map((record) => record.results[engine]).filter((result): result is EngineResult => !!result);
    // Both clocks overstate the work (wall: other processes; CPU: the round trip), so the smaller
    // of the two is the tighter honest bound.
    // Every clock overstates the work (wall: other processes; CPU: what is left of the round trip,
    // or the rest of the batch), so the smallest is the tightest honest bound.
    const times = results.map((result) => Math.min(result.wallMs, result.cpuMs ?? Infinity, result.batchCpuMs));
    const wallTimes = results.map((result) => result.wallMs);
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
      over50: wallTimes.filter((wall) => wall > 50).length,
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
    ['elements over 50 ms (wall clock)', ...e.map((s) => `${s.over50} (${percent(s.over50, s.elements)})`)],
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
  const errors = perPage.filter((page) => page.error).map((page) => `- ${page.page}: ${page.error!.slice(0, 200)}`);
  const phase = (name: 'load' | 'generate' | 'judge') => `${name} ${(perPage.reduce((sum, page) => sum + (page.phases?.[name] ?? 0), 0) / 1000).toFixed(0)} s`;
  return [
    `Selector benchmark: ${summary.elements} elements (${percent(summary.clickable, summary.elements)} clickable) on ${summary.pagesWithElements} pages, ${seconds.toFixed(0)} s` +
      (summary.notRestored ? `, ${summary.notRestored} pages not restored` : ''),
    '',
    overview,
    '',
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

interface CpuClock {
  /** CPU milliseconds the renderer's main thread spent while `work` ran. */
  measure(work: () => Promise<unknown>): Promise<number>;
  overhead(empty: () => Promise<unknown>): Promise<number>;
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
  nondeterministic: number;
  stoppedByWork: number;
  stoppedByClock: number;
  meanLength: number;
  maxLength: number;
  mutations: Array<{ kept: number; ambiguous: number; lost: number; wrong: number; total: number }>;
  all: { kept: number; ambiguous: number; lost: number; wrong: number; total: number };
}

await main();
