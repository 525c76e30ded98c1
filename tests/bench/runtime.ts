// npm run bench:runtime — the site runtime's budget and its cost to a page (issue 13), in real
// Chromium and Firefox, each against the same page without the runtime in the same run:
//   - size: the standalone script gzipped, against 3 KB;
//   - navigation: time from a click's start to the next page's navigation start, for a link and a
//     form, with and without the runtime (target: ≤ 10 ms added);
//   - per click: the whole event dispatch, on a page whose activity has 202 elements, for a click
//     that converts (matching and hand-off) and one that matches nothing (matching alone).
// Prints a table, writes JSON to tests/bench/results/, exits non-zero only for a missed target.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { CanonicalActivity } from '../../lib/export/canonical.ts';
import { scriptTag } from '../../lib/runtime/snippet.ts';
import { bundleRuntime, RUNTIME_GZIP_BUDGET } from '../../scripts/runtime-bundle.ts';
import { measureNavigations, median, serveRuntimeSite, shopActivity, type RuntimeSite } from '../e2e/runtime-site.ts';
import { markdownTable, percentile } from './lib/stats.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const CLICKS = Number(process.env.CLICKS ?? 100);
const MAX_ADDED_MS = 10;
const DESTINATION = 'datalayer posthog /collect';
const RESULTS = join(import.meta.dirname, 'results');
const BROWSERS = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

const bundle = await bundleRuntime();
const site = await serveRuntimeSite();
const results: BrowserResult[] = [];
try {
  for (const [name, path] of Object.entries(BROWSERS) as [keyof typeof BROWSERS, string][]) {
    if (!existsSync(path)) throw new Error(`${name} was not found at ${path}; set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}.`);
    const browser = name === 'chromium'
      ? await puppeteer.launch({ executablePath: path, headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'], defaultViewport: { width: 1280, height: 800 } })
      : await puppeteer.launch({ browser: 'firefox', executablePath: path, headless: true, defaultViewport: { width: 1280, height: 800 } });
    try {
      results.push(await measureBrowser(name, browser, site));
    } finally {
      await browser.close();
    }
  }
} finally {
  await site.close();
}

const report = {
  date: new Date().toISOString(),
  loadAverage: loadavg().map(round),
  rounds: ROUNDS,
  clicks: CLICKS,
  size: { bytes: bundle.standalone.length, gzipBytes: bundle.gzip, budgetBytes: RUNTIME_GZIP_BUDGET, moduleGzipBytes: bundle.moduleGzip },
  browsers: results,
};
const missed = [
  ...(bundle.gzip > RUNTIME_GZIP_BUDGET ? [`runtime size: ${bundle.gzip} B gzipped > ${RUNTIME_GZIP_BUDGET} B`] : []),
  ...results.flatMap((result) => [
    ...(result.navigation.linkAddedMs > MAX_ADDED_MS ? [`${result.browser}: a link navigates ${result.navigation.linkAddedMs} ms later with the runtime (> ${MAX_ADDED_MS} ms)`] : []),
    ...(result.navigation.formAddedMs > MAX_ADDED_MS ? [`${result.browser}: a form submits ${result.navigation.formAddedMs} ms later with the runtime (> ${MAX_ADDED_MS} ms)`] : []),
  ]),
];
await mkdir(RESULTS, { recursive: true });
const file = join(RESULTS, `runtime-${report.date.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify({ ...report, missed }, null, 2)}\n`);

console.log(`Runtime: ${(bundle.gzip / 1024).toFixed(2)} KB gzipped (budget ${(RUNTIME_GZIP_BUDGET / 1024).toFixed(2)} KB), ${(bundle.standalone.length / 1024).toFixed(2)} KB minified`);
console.log(`Load average ${report.loadAverage.join(' ')}; ${ROUNDS} alternating rounds per browser, ${CLICKS} clicks per per-click row\n`);
console.log(markdownTable(
  ['browser', 'measure', 'without (median)', 'with (median)', 'added', 'with (p95)'],
  results.flatMap((result) => result.rows.map((row) => [result.browser, row.measure, `${row.without} ms`, `${row.with} ms`, `${row.added} ms`, `${row.withP95} ms`])),
));
console.log(`\nresults: ${file}`);
if (missed.length > 0) {
  console.error(`\nMissed targets:\n${missed.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}

async function measureBrowser(name: string, browser: Browser, site: RuntimeSite): Promise<BrowserResult> {
  const page = await browser.newPage();
  site.setTag(scriptTag(shopActivity(site.origin), DESTINATION, { code: bundle.standalone }));
  const samples = await measureNavigations(page, site, ROUNDS);
  const row = (measure: string, without: number[], withRuntime: number[]): Row => ({
    measure, without: round(median(without)), with: round(median(withRuntime)),
    added: round(median(withRuntime) - median(without)), withP95: round(percentile(withRuntime, 95)),
  });
  const link = row('link: click → next page starts', samples['link without']!.navigate, samples['link with']!.navigate);
  const form = row('form: click → next page starts', samples['form without']!.navigate, samples['form with']!.navigate);
  const linkDispatch = row('link: click dispatch', samples['link without']!.dispatch, samples['link with']!.dispatch);

  site.setTag(scriptTag(bigActivity(site.origin), DESTINATION, { code: bundle.standalone }));
  const converting = row('202 elements: click that converts', ...await clickCosts(page, site, '#add-to-cart'));
  const matching = row('202 elements: click that matches nothing', ...await clickCosts(page, site, 'h1'));
  await page.close();
  return {
    browser: name,
    navigation: { linkAddedMs: link.added, formAddedMs: form.added },
    rows: [link, form, linkDispatch, converting, matching],
  };
}

/** Dispatch durations of `CLICKS` clicks on one element, without and with the runtime. */
async function clickCosts(page: Page, site: RuntimeSite, selector: string): Promise<[number[], number[]]> {
  const costs: number[][] = [];
  for (const runtime of [false, true]) {
    await page.goto(site.url(`shop.html?runtime=${runtime ? 1 : 0}`), { waitUntil: 'load' });
    await page.evaluate(() => sessionStorage.clear());
    for (let click = 0; click < CLICKS; click++) {
      await page.click(selector);
      // The page's own analytics keep every push in sessionStorage: keep that list short, alike for both.
      if (click % 20 === 19) await page.evaluate(() => ['dataLayer', 'posthog'].forEach((key) => sessionStorage.removeItem(key)));
    }
    costs.push(await page.evaluate(() => (JSON.parse(sessionStorage.getItem('dispatch') || '[]') as { ms: number }[]).map((entry) => entry.ms)));
  }
  return [costs[0]!, costs[1]!];
}

/** The shop's activity grown to 202 elements in 55 metrics, as a large site's might be. */
function bigActivity(origin: string): CanonicalActivity {
  const base = shopActivity(origin);
  const elements = [...base.elements];
  const metrics = [...base.metrics];
  for (let index = 0; index < 49; index++) {
    const ids = [0, 1, 2, 3].map((part) => `el_${index}_${part}`);
    ids.forEach((id, part) => elements.push({
      id, selector: [`#product-${index} > a.buy`, `[data-sku="${index}"] button`, `.card:nth-child(${index + 1}) .share`, `form#list-${index}`][part]!,
      action: part === 3 ? { kind: 'submit' } : { kind: 'click' }, label: `Element ${id}`, pageUrl: base.pages[0]!,
    }));
    metrics.push({ id: `m_${index}`, name: `Metric ${index}`, counting: index % 2 ? 'once' : 'every', elementIds: ids });
  }
  return { ...base, metrics, elements };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

interface Row {
  measure: string;
  without: number;
  with: number;
  added: number;
  withP95: number;
}

interface BrowserResult {
  browser: string;
  navigation: { linkAddedMs: number; formAddedMs: number };
  rows: Row[];
}
