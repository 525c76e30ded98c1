/**
 * Selector benchmark (issue 3): our engine against raw @medv/finder, in the same Chromium run, over
 * the shared corpus. For each sampled element: unique at generation, escapes, exceptions, time and
 * length; then, for each of seven deploy-like changes, whether the selector still finds exactly the
 * element (kept), it and others (ambiguous), nothing (lost) or only other elements (wrong).
 *
 *   npm run bench:selectors [-- --pages 20] [--filter reddit] [--engines goalpost] [--per-page 40]
 *
 * Writes tests/bench/results/selectors-<time>.json and selectors-latest.json; prints markdown tables.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleForPage } from './lib/bundle.ts';
import { launchChromium, loadOffline } from './lib/chromium.ts';
import { corpusPages, preparedPage } from './lib/corpus.ts';
import { markdownTable, mean, ms, percent, percentile } from './lib/stats.ts';
import type { ElementRecord, EngineResult, PageOptions, PageResult } from './page/selectors-page.ts';

const MUTATION_LABELS = [
  '1. same-tag sibling inserted first in parent',
  '2. banner div inserted first in body',
  '3. parent wrapped in a new div',
  '4. generated-looking classes renamed',
  '5. generated-looking ids renamed',
  '6. first class replaced',
  '7. state attributes and classes toggled',
];
const RESULTS = resolve(import.meta.dirname, 'results');
const ENTRY = resolve(import.meta.dirname, 'page', 'selectors-page.ts');

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string' },
    filter: { type: 'string' },
    engines: { type: 'string', default: 'goalpost,finder' },
    'per-page': { type: 'string', default: '40' },
    quiet: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const started = Date.now();
  let pages = await corpusPages();
  if (args.filter) pages = pages.filter((page) => page.includes(args.filter!));
  if (args.pages) pages = pages.slice(0, Number(args.pages));
  const engines = args.engines!.split(',');
  const code = await bundleForPage(ENTRY, '__goalpostBench');
  const browser = await launchChromium();
  const perPage: Array<{ page: string; records: ElementRecord[]; restored: boolean; error?: string }> = [];
  try {
    const tab = await browser.newPage();
    for (const [index, page] of pages.entries()) {
      const pageStart = Date.now();
      try {
        await loadOffline(tab, page, await preparedPage(page));
        await tab.evaluate(code);
        const options: PageOptions = { seed: page, perPage: Number(args['per-page']), clickableShare: 0.7, engines };
        const result = await tab.evaluate((opts) => (globalThis as any).__goalpostBench.runPage(opts) as PageResult, options);
        perPage.push({ page, ...result });
        if (!result.restored) console.warn(`! ${page}: the page did not return to its original HTML after the changes`);
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
  const report = { date: new Date().toISOString(), seconds: (Date.now() - started) / 1000, pages: pages.length, engines, mutations: MUTATION_LABELS, summary, perPage };
  await mkdir(RESULTS, { recursive: true });
  const json = JSON.stringify(report);
  await writeFile(join(RESULTS, `selectors-${report.date.replace(/[:.]/g, '-')}.json`), json);
  await writeFile(join(RESULTS, 'selectors-latest.json'), json);
  console.log(render(summary, engines, perPage, report.seconds));
}

function summarize(perPage: Array<{ records: ElementRecord[]; error?: string; restored: boolean }>, engines: string[]) {
  const records = perPage.flatMap((page) => page.records);
  const byEngine: Record<string, EngineSummary> = {};
  for (const engine of engines) {
    const results = records.map((record) => record.results[engine]).filter((result): result is EngineResult => !!result);
    const times = results.map((result) => result.ms);
    const firstTimes = results.map((result) => result.firstMs);
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
    byEngine[engine] = {
      elements: results.length,
      unique: results.filter((result) => result.unique).length,
      escapes: results.filter((result) => result.escape).length,
      exceptions: results.filter((result) => result.error !== null).length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
      firstP50: percentile(firstTimes, 50),
      firstP95: percentile(firstTimes, 95),
      firstMax: Math.max(...firstTimes),
      nondeterministic: results.filter((result) => !result.deterministic).length,
      meanLength: mean(lengths),
      maxLength: Math.max(...lengths),
      mutations,
      all,
    };
  }
  return {
    pagesWithElements: perPage.filter((page) => page.records.length > 0).length,
    pageErrors: perPage.filter((page) => page.error).length,
    notRestored: perPage.filter((page) => !page.restored).length,
    elements: records.length,
    clickable: records.filter((record) => record.clickable).length,
    byEngine,
  };
}

function render(summary: ReturnType<typeof summarize>, engines: string[], perPage: Array<{ page: string; error?: string }>, seconds: number): string {
  const e = engines.map((engine) => summary.byEngine[engine]!);
  const overview = markdownTable(['', ...engines], [
    ['unique at generation', ...e.map((s) => percent(s.unique, s.elements))],
    ['selectors with an escape', ...e.map((s) => `${s.escapes} (${percent(s.escapes, s.elements)})`)],
    ['exceptions', ...e.map((s) => String(s.exceptions))],
    ['time p50 / p95 / max (best of 3 runs)', ...e.map((s) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`)],
    ['time p50 / p95 / max (first run)', ...e.map((s) => `${ms(s.firstP50)} / ${ms(s.firstP95)} / ${ms(s.firstMax)}`)],
    ['different selector on a repeat run', ...e.map((s) => String(s.nondeterministic))],
    ['length mean / max', ...e.map((s) => `${s.meanLength.toFixed(1)} / ${s.maxLength}`)],
    ['kept, all changes', ...e.map((s) => percent(s.all.kept, s.all.total))],
    ['ambiguous, all changes', ...e.map((s) => percent(s.all.ambiguous, s.all.total))],
    ['lost, all changes', ...e.map((s) => percent(s.all.lost, s.all.total))],
    ['wrong, all changes', ...e.map((s) => percent(s.all.wrong, s.all.total))],
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
  const errors = perPage.filter((page) => page.error).map((page) => `- ${page.page}: ${page.error!.slice(0, 200)}`);
  return [
    `Selector benchmark: ${summary.elements} elements (${percent(summary.clickable, summary.elements)} clickable) on ${summary.pagesWithElements} pages, ${seconds.toFixed(0)} s` +
      (summary.notRestored ? `, ${summary.notRestored} pages not restored` : ''),
    '',
    overview,
    '',
    changes,
    ...(errors.length ? ['', 'Pages that failed to load:', ...errors] : []),
  ].join('\n');
}

interface EngineSummary {
  elements: number;
  unique: number;
  escapes: number;
  exceptions: number;
  p50: number;
  p95: number;
  max: number;
  firstP50: number;
  firstP95: number;
  firstMax: number;
  nondeterministic: number;
  meanLength: number;
  maxLength: number;
  mutations: Array<{ kept: number; ambiguous: number; lost: number; wrong: number; total: number }>;
  all: { kept: number; ambiguous: number; lost: number; wrong: number; total: number };
}

await main();
