/**
 * Repair benchmark (issue 14): do goals survive real redesigns? Over pairs of captures of the same
 * URL at two dates (`../shared/versions/postlight/`, scripts stripped, network blocked, in real
 * Chromium), each sampled element of the older capture gets what Goalpost records at pick time (its
 * selector and fingerprint); on the newer capture, health re-checks it (lib/selector/health.ts) and
 * relocate repairs what it flags. Ground truth: see page/repair-page.ts (a semantic key unique on
 * both pages). In the same run: the selector alone, raw @medv/finder, relocate alone, and a
 * Similo-style baseline that always answers with its best candidate.
 *
 * Pairs: captures with the same body (scripts stripped) count once; each capture is paired with the
 * next, and the first with the last. Spans: under 30 days, 30 days to 1 year, 1 to 5 years.
 * Three URLs are held out (HELD_OUT): tuning looked only at the others; the report gives both.
 *
 *   npm run bench:repair [-- --tuning | --held-out] [--per-pair 150] [--min-score 0.5 --min-margin 0.1] [--raw]
 *
 * Writes tests/bench/results/repair-<time>.json and repair-latest.json; prints markdown tables and
 * the load average; exits non-zero only when a target is missed, naming it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForPage } from './lib/bundle.ts';
import { launchChromium, loadOffline } from './lib/chromium.ts';
import { preparedPage } from './lib/corpus.ts';
import { markdownTable, ms, percent, percentile } from './lib/stats.ts';
import type { Page } from 'puppeteer-core';
import type { Judged, JudgeOptions, RecordedElement } from './page/repair-page.ts';

const VERSIONS = process.env.GOALPOST_VERSIONS ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'versions', 'postlight');
const RESULTS = resolve(import.meta.dirname, 'results');
const ENTRY = resolve(import.meta.dirname, 'page', 'repair-page.ts');
/** URLs left out of tuning, one per span (by folder name). */
const HELD_OUT = ['rollingstone', 'time_com', 'nikki_haley'];
const DAY = 86_400_000;
const SPANS: readonly Span[] = [
  { id: 'days', label: 'under 30 days', maxDays: 30 },
  { id: 'months', label: '30 days to 1 year', maxDays: 365 },
  { id: 'years', label: '1 to 5 years', maxDays: 5 * 366 },
];
/** Issue 14, "Done when". */
const TARGETS = {
  days: { found: 0.99, wrong: 0.005 },
  years: { found: 0.9, wrong: 0.02 },
  generationMaxMs: 50,
};

const { values: args } = parseArgs({
  options: {
    tuning: { type: 'boolean', default: false },
    'held-out': { type: 'boolean', default: false },
    'per-pair': { type: 'string', default: '150' },
    'min-score': { type: 'string' },
    'min-margin': { type: 'string' },
    raw: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  let pairs = await versionPairs(VERSIONS);
  if (args.tuning) pairs = pairs.filter((pair) => !pair.heldOut);
  if (args['held-out']) pairs = pairs.filter((pair) => pair.heldOut);
  const judgeOptions: JudgeOptions = {
    ...(args['min-score'] ? { minScore: Number(args['min-score']) } : {}),
    ...(args['min-margin'] ? { minMargin: Number(args['min-margin']) } : {}),
    raw: args.raw,
  };
  const code = await bundleForPage(ENTRY, '__goalpostRepair');
  const browser = await launchChromium();
  const results: PairResult[] = [];
  try {
    const tab = await browser.newPage();
    for (const [index, pair] of pairs.entries()) {
      const pairStart = Date.now();
      try {
        results.push(await benchPair(tab, code, pair, judgeOptions));
      } catch (error) {
        results.push({ ...describe(pair), records: [], judged: [], error: String(error) });
        console.warn(`! ${pair.url} ${pair.older.name} → ${pair.newer.name}: ${String(error).slice(0, 300)}`);
      }
      if (!args.quiet) console.error(`[${index + 1}/${pairs.length}] ${pair.url} (${pair.days.toFixed(0)} days) ${Date.now() - pairStart} ms`);
    }
  } finally {
    await browser.close();
  }
  const load = { before: loadBefore, after: loadavg(), cores: cpus().length };
  const summary = summarize(results);
  const report = { date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, load, options: { ...judgeOptions, perPair: Number(args['per-pair']) }, heldOut: HELD_OUT, summary, pairs: results };
  await mkdir(RESULTS, { recursive: true });
  const json = JSON.stringify(report);
  await writeFile(join(RESULTS, `repair-${report.date.replace(/[:.]/g, '-')}.json`), json);
  await writeFile(join(RESULTS, 'repair-latest.json'), json);
  console.log(render(summary, results, report.seconds));
  console.log(`\nLoad average (1, 5, 15 min) before: ${load.before.map((value) => value.toFixed(2)).join(', ')}; after: ${load.after.map((value) => value.toFixed(2)).join(', ')} (${load.cores} cores).`);
  const missed = missedTargets(summary);
  if (missed.length > 0) {
    console.log(`\nMissed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
}

async function benchPair(tab: Page, code: string, pair: Pair, options: JudgeOptions): Promise<PairResult> {
  const call = <T>(name: string, ...callArgs: unknown[]) =>
    tab.evaluate((fn, list) => (globalThis as any).__goalpostRepair[fn](...list) as T, name, callArgs);
  const load = async (capture: Capture) => {
    await loadOffline(tab, `${pair.folder}/${capture.name}`, await preparedPage(join(pair.folder, capture.name), VERSIONS));
    await tab.evaluate(code);
  };
  await load(pair.newer);
  const newKeys = await call<string[]>('uniqueKeys');
  await load(pair.older);
  const records = await call<RecordedElement[]>('record', { seed: `${pair.folder}/${pair.older.name}`, perPair: Number(args['per-pair']), clickableShare: 0.7, newKeys });
  await load(pair.newer);
  const judged = await call<Judged[]>('judge', records, options);
  return { ...describe(pair), records, judged };
}

/** Captures per URL folder, oldest first, identical bodies merged; pairs of consecutive captures and first with last. */
async function versionPairs(root: string): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (const folder of (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const names = (await readdir(join(root, folder))).filter((name) => name.endsWith('.html')).sort((a, b) => Number.parseInt(a) - Number.parseInt(b));
    const captures: Capture[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      const body = await bodyHash(join(root, folder, name));
      if (seen.has(body)) {
        captures.at(-1)!.duplicates.push(name);
        continue;
      }
      seen.add(body);
      captures.push({ name, time: Number.parseInt(name), duplicates: [] });
    }
    const heldOut = HELD_OUT.some((part) => folder.includes(part));
    const add = (older: Capture, newer: Capture) => pairs.push({ folder, url: folder, older, newer, days: (newer.time - older.time) / DAY, heldOut });
    for (let i = 1; i < captures.length; i++) add(captures[i - 1]!, captures[i]!);
    if (captures.length > 2) add(captures[0]!, captures.at(-1)!);
  }
  return pairs;
}

/** The body as the benchmark loads it (scripts stripped), hashed: captures minutes apart often differ only in a timestamp in `<head>`. */
async function bodyHash(path: string): Promise<string> {
  const text = (await readFile(path)).toString('latin1');
  const body = /<body[\s\S]*/i.exec(text)?.[0] ?? text;
  return createHash('sha256').update(body.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')).digest('hex');
}

function describe(pair: Pair) {
  return { url: pair.url, older: pair.older.name, newer: pair.newer.name, merged: [...pair.older.duplicates, ...pair.newer.duplicates], days: pair.days, span: spanOf(pair.days).id, heldOut: pair.heldOut };
}

function spanOf(days: number): Span {
  return SPANS.find((span) => days < span.maxDays) ?? SPANS.at(-1)!;
}

type Tally = ReturnType<typeof tally>;

function tally(judged: Judged[]) {
  const count = <K extends keyof Judged>(field: K, value: Judged[K]) => judged.filter((item) => item[field] === value).length;
  return {
    elements: judged.length,
    kept: count('ours', 'kept'),
    repaired: count('ours', 'repaired'),
    wrongKept: count('ours', 'wrong-kept'),
    wrongRepair: count('ours', 'wrong-repair'),
    missed: count('ours', 'missed'),
    selector: { kept: count('selector', 'kept'), ambiguous: count('selector', 'ambiguous'), lost: count('selector', 'lost'), wrong: count('selector', 'wrong') },
    finder: { kept: count('finder', 'kept'), ambiguous: count('finder', 'ambiguous'), lost: count('finder', 'lost'), wrong: count('finder', 'wrong') },
    relocate: { right: count('relocate', 'right'), wrong: count('relocate', 'wrong'), missed: count('relocate', 'missed') },
    similo: { right: count('similo', 'right'), wrong: count('similo', 'wrong') },
  };
}

function summarize(results: PairResult[]) {
  const groups: Record<string, Tally> = {};
  const groupOf = (filter: (pair: PairResult) => boolean) => tally(results.filter(filter).flatMap((pair) => pair.judged));
  for (const span of SPANS) {
    groups[span.id] = groupOf((pair) => pair.span === span.id);
    groups[`${span.id}:tuning`] = groupOf((pair) => pair.span === span.id && !pair.heldOut);
    groups[`${span.id}:held-out`] = groupOf((pair) => pair.span === span.id && pair.heldOut);
  }
  groups.longer = groupOf((pair) => pair.span !== 'days');
  groups.all = groupOf(() => true);
  groups['all:tuning'] = groupOf((pair) => !pair.heldOut);
  groups['all:held-out'] = groupOf((pair) => pair.heldOut);
  const records = results.flatMap((pair) => pair.records);
  const generation = records.map((record) => record.generateMs);
  const fingerprint = records.map((record) => record.fingerprintMs);
  const health = results.flatMap((pair) => pair.judged.map((item) => item.healthMs));
  return {
    pairs: results.length,
    pairErrors: results.filter((pair) => pair.error).length,
    groups,
    times: {
      generation: { p50: percentile(generation, 50), p95: percentile(generation, 95), max: Math.max(...generation) },
      fingerprint: { p50: percentile(fingerprint, 50), p95: percentile(fingerprint, 95), max: Math.max(...fingerprint) },
      health: { p50: percentile(health, 50), p95: percentile(health, 95), max: Math.max(...health) },
      stoppedByWork: records.filter((record) => record.stopped === 'work').length,
      stoppedByClock: records.filter((record) => record.stopped === 'clock').length,
    },
  };
}

function render(summary: ReturnType<typeof summarize>, results: PairResult[], seconds: number): string {
  const rows = (id: string, label: string) => {
    const t = summary.groups[id]!;
    if (t.elements === 0) return null;
    const found = t.kept + t.repaired;
    const wrong = t.wrongKept + t.wrongRepair;
    return [
      `${label} (${t.elements})`,
      `${percent(found, t.elements)} (${percent(t.kept, t.elements)} + ${percent(t.repaired, t.elements)})`,
      `${percent(wrong, t.elements)} (${t.wrongKept} + ${t.wrongRepair})`,
      percent(t.missed, t.elements),
      `${percent(t.selector.kept, t.elements)} / ${percent(t.selector.wrong, t.elements)}`,
      `${percent(t.finder.kept, t.elements)} / ${percent(t.finder.wrong, t.elements)}`,
      `${percent(t.relocate.right, t.elements)} / ${percent(t.relocate.wrong, t.elements)}`,
      `${percent(t.similo.right, t.elements)} / ${percent(t.similo.wrong, t.elements)}`,
    ];
  };
  const table = markdownTable(
    ['span (elements)', 'kept or repaired (kept + repaired)', 'wrong (selector + repair)', 'honest miss', 'selector alone kept / wrong', 'raw finder kept / wrong', 'relocate alone right / wrong', 'Similo-style right / wrong'],
    [
      ...SPANS.flatMap((span) => [rows(span.id, span.label), rows(`${span.id}:tuning`, '· tuning URLs'), rows(`${span.id}:held-out`, '· held-out URLs')]),
      rows('longer', '30 days or more'),
      rows('all:tuning', 'all, tuning URLs'),
      rows('all:held-out', 'all, held-out URLs'),
      rows('all', 'all'),
    ].filter((row): row is string[] => row !== null),
  );
  const perPair = markdownTable(
    ['pair', 'days', 'elements', 'kept + repaired', 'wrong', 'missed'],
    results.map((pair) => {
      const t = tally(pair.judged);
      return [`${pair.url.slice(0, 48)}${pair.heldOut ? ' (held out)' : ''} ${pair.older} → ${pair.newer}`, pair.days.toFixed(0), String(t.elements),
        `${t.kept} + ${t.repaired}`, String(t.wrongKept + t.wrongRepair), String(t.missed)];
    }),
  );
  const times = summary.times;
  const errors = results.filter((pair) => pair.error).map((pair) => `- ${pair.url}: ${pair.error!.slice(0, 200)}`);
  return [
    `Repair benchmark: ${summary.pairs} pairs, ${summary.groups.all!.elements} elements, ${seconds.toFixed(0)} s`,
    '',
    table,
    '',
    perPair,
    '',
    `Times (wall clock in the page): selector generation p50 ${ms(times.generation.p50)}, p95 ${ms(times.generation.p95)}, max ${ms(times.generation.max)} ` +
      `(searches ended by the work budget ${times.stoppedByWork}, by the clock ${times.stoppedByClock}); fingerprint p95 ${ms(times.fingerprint.p95)}, max ${ms(times.fingerprint.max)}; ` +
      `health check with repair p50 ${ms(times.health.p50)}, p95 ${ms(times.health.p95)}, max ${ms(times.health.max)}.`,
    ...(errors.length ? ['', 'Pairs that failed:', ...errors] : []),
  ].join('\n');
}

function missedTargets(summary: ReturnType<typeof summarize>): string[] {
  const missed: string[] = [];
  for (const id of ['days', 'years'] as const) {
    const t = summary.groups[id]!;
    if (t.elements === 0) continue;
    const found = (t.kept + t.repaired) / t.elements;
    const wrong = (t.wrongKept + t.wrongRepair) / t.elements;
    const label = SPANS.find((span) => span.id === id)!.label;
    if (found < TARGETS[id].found) missed.push(`${label}: kept or repaired ${percent(t.kept + t.repaired, t.elements)} < ${TARGETS[id].found * 100}%`);
    if (wrong > TARGETS[id].wrong) missed.push(`${label}: wrong ${percent(t.wrongKept + t.wrongRepair, t.elements)} > ${TARGETS[id].wrong * 100}%`);
  }
  if (summary.times.generation.max > TARGETS.generationMaxMs) missed.push(`selector generation max ${ms(summary.times.generation.max)} > ${TARGETS.generationMaxMs} ms`);
  return missed;
}

interface Capture {
  name: string;
  time: number;
  /** Later captures with the same body, counted as this one. */
  duplicates: string[];
}

interface Pair {
  folder: string;
  url: string;
  older: Capture;
  newer: Capture;
  days: number;
  heldOut: boolean;
}

interface Span {
  id: 'days' | 'months' | 'years';
  label: string;
  maxDays: number;
}

interface PairResult extends ReturnType<typeof describe> {
  records: RecordedElement[];
  judged: Judged[];
  error?: string;
}

await main();
