// Picker benchmark (issue 11 "Performance", PRODUCT.md §6), in real Chromium with the built extension.
// The browser's own hit test is the floor: no picker that asks the browser what is under the pointer
// goes below it. Per page, in the same run:
//   - bare hit test: `document.elementFromPoint` once per animation frame at the sweep's points,
//     picker stopped (its HitTest trace events, microseconds);
//   - whole move: each call into the picker's content script that handles one pointer move (its
//     port message from the frame, or a move the page received and the guard forwarded), from a
//     DevTools trace of the same sweep with the picker on; and its ratio to the bare hit test;
//   - own work: each move less the browser's hit tests inside it (DevTools files them under Rendering);
//   - the isolated floor: the same starts and sweep with a control extension whose frame forwards
//     each move over a port to a content script that only asks for the stack under the pointer
//     (picker-lib/floor-extension): what any picker isolated in an extension frame pays on this
//     machine at this moment (the message, the hit test, the frame's navigation), for comparison.
// Targets on every page: own work p95 ≤ 0.5 ms; whole move p95 ≤ 1.5 × bare hit test p95 + 0.2 ms;
// no long task (> 50 ms) while the picker starts or during the sweep; ready p50 ≤ 100 ms; content script ≤ 30 KB gzipped.
// It prints the load average, writes JSON to tests/bench/results/ and a short table, and exits
// non-zero only for a missed target, naming it (which, on which page, measured vs limit).
// Pages: generated 20,000-element pages (a typical layout and a layered one, see
// picker-lib/generate.ts) and the largest pages of shared/corpus (scripts removed, network blocked).
// Usage: npm run bench:picker [-- --pages 3 --moves 500 --starts 7 --save-traces]
import { createServer } from 'node:http';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import type { Frame, HTTPRequest, Page, WebWorker } from 'puppeteer-core';
import { launch } from '../e2e/browsers.ts';
import { pickerFrame } from '../e2e/picker-support.ts';
import { generatedPage } from './picker-lib/generate.ts';
import { round, summarise, type Summary } from './picker-lib/stats.ts';
import { framedHitTests, moveCalls, otherCalls, renderingMs, type Call, type TraceEvent } from './picker-lib/trace.ts';

/** The extension APIs used inside the service worker (the worker has them; this file only names them). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
  scripting: { executeScript(injection: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
};

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUTPUT = join(ROOT, process.env.GOALPOST_OUT_DIR ?? '.output', 'chrome-mv3');
const CORPUS = process.env.GOALPOST_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const RESULTS = join(import.meta.dirname, 'results');
const CONTENT_SCRIPT = 'content-scripts/picker.js';
/** The control: an isolated picker that does nothing but the hit test (picker-lib/floor-extension). */
const FLOOR_EXTENSION = join(import.meta.dirname, 'picker-lib', 'floor-extension');
const FLOOR_SCRIPT = 'floor-content.js';
const LIMITS = {
  ownWorkP95Ms: 0.5,
  /** Whole move p95 ≤ moveFactor × bare hit test p95 + moveSlackMs. */
  moveFactor: 1.5,
  moveSlackMs: 0.2,
  longTaskMs: 50,
  readyP50Ms: 100,
  contentScriptGzipKb: 30,
};
/** Keep the sweep off the path bar at the bottom of the viewport. */
const BAR_HEIGHT = 80;
const READY_DEFINITION = 'From the content script starting (readyMs) or the background asking (asked→ready) to the picker receiving its frame\'s "ready": '
  + 'the frame page has loaded, holds the private port and renders (its first animation frame has begun; it is painted right after), so a pointer move is outlined from then on.';

const { values: options } = parseArgs({
  options: {
    pages: { type: 'string', default: '3' },
    moves: { type: 'string', default: '500' },
    starts: { type: 'string', default: '7' },
    /** Also write each sweep's DevTools trace (open it in the Performance panel). */
    'save-traces': { type: 'boolean', default: false },
  },
});

const size = await contentScriptSize();
const corpus = await largestCorpusPages(Number(options.pages));
const server = await serve();
const session = await launch('chromium');
const browserVersion = await session.browser.version();
const results: PageResult[] = [];
try {
  const worker = await serviceWorker(session.browser, '/background.js');
  const floorWorker = await serviceWorker(session.browser, `${await session.browser.installExtension(FLOOR_EXTENSION)}/floor-worker.js`);
  for (const path of ['generated-typical.html', 'generated-layered.html', ...corpus.map((file) => `corpus/${file}`)]) {
    const result = await measurePage(worker, floorWorker, `${server.origin}/${path}`);
    results.push(result);
    console.error(`measured ${path}`);
  }
} finally {
  await session.close();
  server.close();
}

const misses = missedTargets(results, size);
const report = {
  date: new Date().toISOString(),
  browser: browserVersion,
  /** The machine's load while measuring: wall times grow with it. */
  loadAverage: loadavg().map(round),
  limits: LIMITS,
  readyDefinition: READY_DEFINITION,
  contentScript: size,
  pages: results,
  misses,
  pass: misses.length === 0,
};
await mkdir(RESULTS, { recursive: true });
const file = join(RESULTS, `picker-${report.date.replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(join(RESULTS, 'picker-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
printTable(report);
console.log(`\nresults: ${file}`);
process.exitCode = report.pass ? 0 : 1;

async function measurePage(worker: WebWorker, floorWorker: WebWorker, url: string): Promise<PageResult> {
  const page = await session.browser.newPage();
  // Only our own server: a corpus page's links to the web must not make the load wait.
  const block = (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    void (request.url().startsWith(server.origin) || request.url().startsWith('data:') ? request.continue() : request.abort());
  };
  await page.setRequestInterception(true);
  page.on('request', block);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  page.off('request', block);
  await page.setRequestInterception(false);
  await session.clickToolbarButton(page);
  // The page as the browser really lays it out beside Goalpost's side panel: puppeteer's emulated
  // viewport (1280 px) is wider than the window's content area left of the panel, and moves past
  // that edge are not moves a user can make (Chromium routes them to the page, not to the picker).
  await page.setViewport(null);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, url);
  if (tabId === undefined) throw new Error(`No tab for ${url}`);

  // Long tasks of the page's thread, from here on: first while the picker starts, then during the sweep.
  await page.evaluate(() => {
    const scope = window as unknown as { longTasks: number[] };
    scope.longTasks = [];
    new PerformanceObserver((list) => scope.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
  });
  const starts = await startRepeatedly(() => startPicker(worker, page, tabId), () => stopPicker(worker, page, tabId));
  const startLongTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
  // The page's content area: its scrollbars are not the page's elements (nothing to pick or hit-test there).
  // (CSSOM: the viewport less its scrollbars is the root's client size, the body's in quirks mode.)
  const viewport = await page.evaluate(() => {
    const root = document.compatMode === 'BackCompat' ? document.body : document.documentElement;
    return { width: Math.min(innerWidth, root?.clientWidth || innerWidth), height: Math.min(innerHeight, root?.clientHeight || innerHeight) };
  });
  const points = sweep(Number(options.moves), viewport.width, viewport.height - BAR_HEIGHT);
  const { frameTree } = await (await page.createCDPSession()).send('Page.getFrameTree');
  const trace = await tracedSweep(page, points);
  if (options['save-traces']) {
    await mkdir(RESULTS, { recursive: true });
    await writeFile(join(RESULTS, `trace-${basename(url)}.json`), trace!);
  }
  const events = traceEvents(trace);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  await stopPicker(worker, page, tabId);
  const floor = await measureFloor(floorWorker, page, tabId, points, frameTree.frame.id);
  // The bare hit test, picker stopped: one `elementFromPoint` per animation frame at the same points, traced as the moves were.
  await page.tracing.start({ categories: ['devtools.timeline'] });
  const framedTimer = await page.evaluate(async (points) => {
    const times: number[] = [];
    for (const [x, y] of points) {
      await new Promise((done) => requestAnimationFrame(done));
      const start = performance.now();
      document.elementFromPoint(x, y);
      times.push(performance.now() - start);
    }
    return times;
  }, points);
  const floorTrace = framedHitTests(traceEvents(await page.tracing.stop()), frameTree.frame.id);
  // The same with the whole stack (elementsFromPoint), as the picker must ask: its own overlay is on top at every point.
  await page.tracing.start({ categories: ['devtools.timeline'] });
  await page.evaluate(async (points) => {
    for (const [x, y] of points) {
      await new Promise((done) => requestAnimationFrame(done));
      document.elementsFromPoint(x, y);
    }
  }, points);
  const stackTrace = framedHitTests(traceEvents(await page.tracing.stop()), frameTree.frame.id);
  const loop = await page.evaluate((points) => points.map(([x, y]) => {
    const start = performance.now();
    document.elementFromPoint(x, y);
    return performance.now() - start;
  }), points);
  await page.close();

  const moves = moveCalls(events, CONTENT_SCRIPT, frameTree.frame.id);
  const others = otherCalls(events, CONTENT_SCRIPT, frameTree.frame.id);
  if (moves.length === 0) throw new Error(`The trace of ${url} has no move handled by the picker: was the sweep seen?`);
  // The trace's own HitTest events when it has them all (microseconds); the page's timer otherwise (0.1 ms steps).
  const framed = floorTrace.length >= points.length ? floorTrace : framedTimer;
  const figures = moveFigures(moves);
  const bare = summarise(framed);
  return {
    page: url.includes('/corpus/') ? url.slice(url.indexOf('/corpus/') + 8) : basename(url),
    elements,
    moves: Number(options.moves),
    bareHitTest: bare,
    bareHitTestSource: framed === floorTrace ? 'trace' : 'timer',
    bareHitTestLoop: summarise(loop),
    bareStackHitTest: summarise(stackTrace),
    ...figures,
    ratio: round(figures.move.p95 / bare.p95),
    moveLimitMs: round(LIMITS.moveFactor * bare.p95 + LIMITS.moveSlackMs),
    hitTestInMove: summarise(moves.map((call) => call.hitTestMs)),
    frameCallsCpu: summarise(others.filter((call) => call.inFrame).map((call) => call.cpuMs)),
    otherCalls: summarise(others.map((call) => call.wallMs)),
    frameCalls: summarise(others.filter((call) => call.inFrame).map((call) => call.wallMs)),
    renderingPerMoveMs: round(renderingMs(events, CONTENT_SCRIPT, frameTree.frame.id) / moves.length),
    longTasks: longTaskSummary(longTasks),
    startLongTasks: longTaskSummary(startLongTasks),
    ready: summarise(starts.map((start) => start.readyMs)),
    askedToReady: summarise(starts.map((start) => start.askedToReadyMs)),
    coldStart: { readyMs: starts[0]!.readyMs, askedToReadyMs: starts[0]!.askedToReadyMs },
    readyParts: medianParts(starts.map((start) => start.parts)),
    floor,
  };
}

/**
 * The same starts and sweep with the control instead of Goalpost: an extension frame over the page
 * that forwards each move over a port, and a content script that only asks the browser for the
 * stack under the pointer (picker-lib/floor-extension). What no isolated picker can go below on
 * this machine at this moment: the message from the frame, the hit test, the frame's navigation.
 */
async function measureFloor(floorWorker: WebWorker, page: Page, tabId: number, points: [number, number][], frameId: string): Promise<FloorResult> {
  const start = async () => {
    await floorWorker.evaluate(async (tabId, file) => {
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
    }, tabId, FLOOR_SCRIPT);
    await page.waitForFunction(() => document.documentElement.dataset.floorReadyMs, { timeout: 10_000 });
    const { readyMs, readyAt } = await page.evaluate(() => ({
      readyMs: Number(document.documentElement.dataset.floorReadyMs),
      readyAt: Number(document.documentElement.dataset.floorReadyAt),
    }));
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/floor-frame.html'));
    if (!frame) throw new Error('The floor control\'s frame is not in the page');
    return { readyMs, parts: await readyParts(frame, readyAt - readyMs, 'floor:') };
  };
  const stop = async () => {
    await floorWorker.evaluate(async (tabId) => void (await chrome.tabs.sendMessage(tabId, 'floor-stop')), tabId);
    await page.waitForFunction(() => document.querySelector('floor-picker') === null, { timeout: 10_000 });
  };
  const starts = await startRepeatedly(start, stop);
  const moves = moveCalls(traceEvents(await tracedSweep(page, points)), FLOOR_SCRIPT, frameId);
  await stop();
  return { ready: summarise(starts.map((one) => one.readyMs)), readyParts: medianParts(starts.map((one) => one.parts)), ...moveFigures(moves) };
}

/** Starts a picker `options.starts` times (stopping the one before), then lets the page settle. */
async function startRepeatedly<T>(start: () => Promise<T>, stop: () => Promise<void>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < Number(options.starts); run++) {
    if (run > 0) await stop();
    results.push(await start());
  }
  await new Promise((done) => setTimeout(done, 300));
  return results;
}

/** The pointer moved to each point in turn, traced (DevTools timeline) until the page has handled the last move. */
async function tracedSweep(page: Page, points: [number, number][]): Promise<Uint8Array | undefined> {
  await page.tracing.start({ categories: ['devtools.timeline'] });
  for (const [x, y] of points) await page.mouse.move(x, y);
  await new Promise((done) => setTimeout(done, 300));
  return page.tracing.stop();
}

/** What the bench reports of a picker's moves: wall and CPU time, whole and less the browser's hit tests. */
function moveFigures(moves: Call[]): Pick<FloorResult, 'move' | 'moveCpu' | 'ownWork' | 'ownWorkCpu'> {
  return {
    move: summarise(moves.map((call) => call.wallMs)),
    moveCpu: summarise(moves.map((call) => call.cpuMs)),
    ownWork: summarise(moves.map((call) => call.wallMs - call.hitTestMs)),
    ownWorkCpu: summarise(moves.map((call) => call.cpuMs - call.hitTestCpuMs)),
  };
}

/** The median of each step over the starts. */
function medianParts(parts: ReadyParts[]): ReadyParts {
  const median = (step: keyof ReadyParts) => summarise(parts.map((part) => part[step]).filter(Number.isFinite)).p50;
  return {
    frameCreated: median('frameCreated'), frameDocument: median('frameDocument'), scriptsParsed: median('scriptsParsed'),
    script: median('script'), token: median('token'), port: median('port'), painted: median('painted'), loaded: median('loaded'),
  };
}

/** How many of the page's long tasks (PerformanceObserver entries) passed the limit, and the longest. */
function longTaskSummary(durations: number[]): { count: number; max: number } {
  return { count: durations.filter((duration) => duration > LIMITS.longTaskMs).length, max: round(Math.max(0, ...durations)) };
}

/** Every target a page (or the content script) missed, in words: which, where, measured vs limit. */
function missedTargets(pages: PageResult[], size: { gzipKb: number }): string[] {
  const misses: string[] = [];
  for (const page of pages) {
    if (page.move.count < page.moves / 2) misses.push(`moves reaching the picker on ${page.page}: ${page.move.count} of ${page.moves} (its move figures mean little)`);
    // Each miss also says what the control (an isolated picker doing only the hit test) got in the same run.
    const { floor } = page;
    if (page.ownWork.p95 > LIMITS.ownWorkP95Ms) {
      misses.push(`own work p95 on ${page.page}: ${page.ownWork.p95} ms > ${LIMITS.ownWorkP95Ms} ms (CPU ${page.ownWorkCpu.p95} ms; the isolated floor's ${floor.ownWork.p95} ms, CPU ${floor.ownWorkCpu.p95} ms)`);
    }
    if (page.move.p95 > page.moveLimitMs) {
      misses.push(`whole move p95 on ${page.page}: ${page.move.p95} ms > ${LIMITS.moveFactor} × bare hit test ${page.bareHitTest.p95} ms + ${LIMITS.moveSlackMs} ms = ${page.moveLimitMs} ms (the isolated floor's ${floor.move.p95} ms)`);
    }
    if (page.longTasks.count > 0) misses.push(`long tasks on ${page.page}: ${page.longTasks.count} over ${LIMITS.longTaskMs} ms (longest ${page.longTasks.max} ms), limit none`);
    if (page.startLongTasks.count > 0) {
      misses.push(`long tasks while the picker starts on ${page.page}: ${page.startLongTasks.count} over ${LIMITS.longTaskMs} ms in ${page.ready.count} starts (longest ${page.startLongTasks.max} ms), limit none`);
    }
    if (page.ready.p50 > LIMITS.readyP50Ms) {
      // Until its script begins the frame runs nothing of ours: that part is the browser's navigation and fetch, paid by the floor too.
      misses.push(`ready p50 on ${page.page}: ${page.ready.p50} ms > ${LIMITS.readyP50Ms} ms (the frame's script began at ${page.readyParts.script} ms; the isolated floor's at ${floor.readyParts.script} ms, its ready ${floor.ready.p50} ms)`);
    }
  }
  if (size.gzipKb > LIMITS.contentScriptGzipKb) misses.push(`content script size: ${size.gzipKb} KB gzipped > ${LIMITS.contentScriptGzipKb} KB`);
  return misses;
}

/** Asks for the picker as the background does (scripting.executeScript) and waits for its frame. */
async function startPicker(worker: WebWorker, page: Page, tabId: number): Promise<{ readyMs: number; askedToReadyMs: number; parts: ReadyParts }> {
  const askedAt = await worker.evaluate(async (tabId) => {
    const askedAt = performance.timeOrigin + performance.now();
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-scripts/picker.js'] });
    return askedAt;
  }, tabId);
  const frame = await pickerFrame(page);
  const { readyMs, readyAt } = await frame.evaluate(() => ({
    readyMs: Number(document.documentElement.dataset.readyMs),
    readyAt: Number(document.documentElement.dataset.readyAt),
  }));
  return { readyMs, askedToReadyMs: round(readyAt - askedAt), parts: await readyParts(frame, readyAt - readyMs, 'goalpost:') };
}

/**
 * Where a start's time went, on the content script's clock (`start`: when it began, on the epoch
 * clock, give or take the one port message that said "ready"): the frame's navigation timing and
 * its own marks (`prefix`script, token, port, painted).
 */
async function readyParts(frame: Frame, start: number, prefix: string): Promise<ReadyParts> {
  const { origin, navigation, marks } = await frame.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      origin: performance.timeOrigin,
      navigation: entry ? { responseEnd: entry.responseEnd, domInteractive: entry.domInteractive, loaded: entry.loadEventEnd } : null,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
    };
  });
  const at = (time: number | undefined) => (time === undefined ? Number.NaN : round(origin + time - start));
  return {
    frameCreated: at(0),
    frameDocument: at(navigation?.responseEnd),
    scriptsParsed: at(navigation?.domInteractive),
    script: at(marks[`${prefix}script`]),
    token: at(marks[`${prefix}token`]),
    port: at(marks[`${prefix}port`]),
    painted: at(marks[`${prefix}painted`]),
    loaded: at(navigation?.loaded),
  };
}

/** Stops the picker as the panel does (a stopPicker message to the tab) and waits for it to leave. */
async function stopPicker(worker: WebWorker, page: Page, tabId: number): Promise<void> {
  await worker.evaluate(async (tabId) => {
    // The @webext-core/messaging envelope, as lib/messaging.ts sends it.
    await chrome.tabs.sendMessage(tabId, { id: 1, type: 'stopPicker', data: undefined, timestamp: Date.now() });
  }, tabId);
  const deadline = Date.now() + 10_000;
  while (await page.evaluate(() => document.querySelector('[data-goalpost-picker]') !== null)) {
    if (Date.now() > deadline) throw new Error('The picker did not stop');
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** A serpentine walk over a grid of the viewport: `moves` points, each a new place. */
function sweep(moves: number, width: number, height: number): [number, number][] {
  const columns = Math.ceil(Math.sqrt(moves * (width / height)));
  const rows = Math.ceil(moves / columns);
  const points: [number, number][] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns && points.length < moves; column++) {
      const x = row % 2 === 0 ? column : columns - 1 - column;
      points.push([Math.round(8 + (x * (width - 16)) / (columns - 1)), Math.round(8 + (row * (height - 16)) / Math.max(1, rows - 1))]);
    }
  }
  return points;
}

async function serviceWorker(browser: typeof session.browser, path: string): Promise<WebWorker> {
  const target = await browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().endsWith(path));
  const worker = await target.worker();
  if (!worker) throw new Error('The extension service worker is not reachable');
  return worker;
}

function traceEvents(buffer: Uint8Array | undefined): TraceEvent[] {
  if (!buffer) throw new Error('The trace came back empty');
  const trace = JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

async function contentScriptSize(): Promise<{ bytes: number; gzipBytes: number; gzipKb: number }> {
  const code = await readFile(join(OUTPUT, CONTENT_SCRIPT)).catch(() => {
    throw new Error(`${join(OUTPUT, CONTENT_SCRIPT)} is missing: run npm run build first (npm run bench:picker does).`);
  });
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  return { bytes: code.length, gzipBytes, gzipKb: round(gzipBytes / 1024) };
}

/** The largest page of each site in the corpus, largest first. */
async function largestCorpusPages(count: number): Promise<string[]> {
  const files: { path: string; size: number; site: string }[] = [];
  for (const folder of await readdir(CORPUS, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of await readdir(join(CORPUS, folder.name))) {
      if (!name.endsWith('.html')) continue;
      files.push({ path: `${folder.name}/${name}`, size: (await stat(join(CORPUS, folder.name, name))).size, site: name.split('--')[0]!.replace(/\.html$/, '') });
    }
  }
  files.sort((a, b) => b.size - a.size);
  const seen = new Set<string>();
  return files.filter((file) => !seen.has(file.site) && seen.add(file.site)).slice(0, count).map((file) => file.path);
}

/** Serves the generated page and corpus pages (scripts removed, as shared/corpus/README.md asks). */
async function serve(): Promise<{ origin: string; close(): void }> {
  const generated = { '/generated-typical.html': generatedPage('typical'), '/generated-layered.html': generatedPage('layered') };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    try {
      let body = generated[path as keyof typeof generated];
      if (path.startsWith('/corpus/') && !path.includes('..')) {
        body = (await readFile(join(CORPUS, path.slice(8)), 'utf8')).replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
      }
      if (body === undefined) throw new Error('not found');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

function printTable(report: { loadAverage: number[]; contentScript: { gzipKb: number; bytes: number }; pages: PageResult[]; misses: string[] }) {
  console.log(`load average: ${report.loadAverage.join(' ')}`);
  console.table(report.pages.map((page) => ({
    page: page.page.slice(0, 36),
    elements: page.elements,
    'bare hit test p95': page.bareHitTest.p95,
    'bare stack p95': page.bareStackHitTest.p95,
    'move p50': page.move.p50,
    'move p95': page.move.p95,
    'move CPU p95': page.moveCpu.p95,
    'move limit': page.moveLimitMs,
    ratio: page.ratio,
    'hit test in move p95': page.hitTestInMove.p95,
    'own work p95': page.ownWork.p95,
    'own CPU p95': page.ownWorkCpu.p95,
    'per frame p95': page.frameCalls.p95,
    'long tasks': page.longTasks.count,
    'long tasks at start': page.startLongTasks.count,
    'ready p50': page.ready.p50,
  })));
  console.log('\nThe same run against its floor: an isolated picker that does nothing but the hit test (a frame forwarding each move over a port; picker-lib/floor-extension).');
  console.table(report.pages.map(({ page, move, ownWork, ownWorkCpu, ready, floor }) => ({
    page: page.slice(0, 36),
    'move p95': move.p95,
    'floor move p95': floor.move.p95,
    'own work p95': ownWork.p95,
    'floor own p95': floor.ownWork.p95,
    'own CPU p95': ownWorkCpu.p95,
    'floor own CPU p95': floor.ownWorkCpu.p95,
    'ready p50': ready.p50,
    'floor ready p50': floor.ready.p50,
  })));
  console.log(`times in ms; moves: calls that handle one pointer move (${report.pages.map((page) => page.move.count).join(', ')} of ${options.moves} moves reached the picker).`);
  console.log('per frame: the picker\'s call at each animation frame (the guard\'s checks, and the view a frame\'s moves changed, sent to the picker\'s frame once).');
  console.log(`ready: ${READY_DEFINITION}`);
  console.log('ready, step by step (p50, ms after the content script started):');
  const steps = (parts: ReadyParts) => Object.entries(parts).filter(([, ms]) => Number.isFinite(ms)).map(([step, ms]) => `${step} ${ms}`).join(', ');
  for (const page of report.pages) {
    console.log(`  ${page.page.slice(0, 36)}: ${steps(page.readyParts)}, ready ${page.ready.p50}`);
    console.log(`  ${' '.repeat(Math.max(0, Math.min(page.page.length, 36) - 7))}floor: ${steps(page.floor.readyParts)}, ready ${page.floor.ready.p50}`);
  }
  console.log(`content script: ${report.contentScript.bytes} bytes, ${report.contentScript.gzipKb} KB gzipped (limit ${LIMITS.contentScriptGzipKb} KB)`);
  if (report.misses.length === 0) console.log('PASS every target');
  for (const miss of report.misses) console.log(`FAIL ${miss}`);
}

interface PageResult {
  page: string;
  elements: number;
  moves: number;
  /** document.elementFromPoint alone, once per animation frame at the sweep's points, picker stopped. */
  bareHitTest: Summary;
  /** Where bareHitTest comes from: the trace's HitTest events, or the page's timer (0.1 ms steps) when the trace lacks them. */
  bareHitTestSource: 'trace' | 'timer';
  /** `document.elementsFromPoint` (the whole stack, as the picker asks under its overlay), once per animation frame, picker stopped (trace). */
  bareStackHitTest: Summary;
  /** The same in a tight loop (warm caches, page timer): the best case, for reference. */
  bareHitTestLoop: Summary;
  /** Wall time of each call into the content script that handles one pointer move, picker on. */
  move: Summary;
  /** The same in the thread's CPU time: wall less the time other processes held the cores (the picker's frame redrawing among them). */
  moveCpu: Summary;
  /** move p95 / bare hit test p95. */
  ratio: number;
  /** The whole move's target: LIMITS.moveFactor × bare p95 + LIMITS.moveSlackMs. */
  moveLimitMs: number;
  /** The browser's own hit tests (HitTest trace events) inside each move. */
  hitTestInMove: Summary;
  /** Each move less those hit tests: the picker's own work. */
  ownWork: Summary;
  /** The same in the thread's CPU time: what the machine's load (other processes taking the cores) does not inflate. */
  ownWorkCpu: Summary;
  frameCallsCpu: Summary;
  /** The picker's other calls during the sweep (the guard's check every animation frame, timers, events). */
  otherCalls: Summary;
  /** Of those, its calls at each animation frame: the guard's checks and the coalesced send of the view (lib/picker/view-sender.ts). */
  frameCalls: Summary;
  /** The page's style, layout, paint and hit tests outside the picker's calls, per move. */
  renderingPerMoveMs: number;
  /** Tasks over LIMITS.longTaskMs on the page's thread during the sweep. */
  longTasks: { count: number; max: number };
  /** The same while the picker started (`options.starts` times), the page's own tasks included. */
  startLongTasks: { count: number; max: number };
  /** From the content script starting to its frame being painted, as the picker measures it. */
  ready: Summary;
  /** From the background asking (scripting.executeScript) to the frame showing its first view. */
  askedToReady: Summary;
  coldStart: { readyMs: number; askedToReadyMs: number };
  /** Where the ready time goes (p50 of each step, ms after the content script started). */
  readyParts: ReadyParts;
  /** The control in the same run: an isolated picker that does nothing but the hit test. */
  floor: FloorResult;
}

/** The control's figures, measured as Goalpost's are (picker-lib/floor-extension). */
interface FloorResult {
  /** From its content script starting to its frame's "ready" (the frame has the port and renders). */
  ready: Summary;
  /** Where its ready time goes (p50 of each step, from its frame's marks floor:script, token, port, painted). */
  readyParts: ReadyParts;
  move: Summary;
  moveCpu: Summary;
  /** Each move less the browser's hit tests in it: receiving the port message, and nothing else. */
  ownWork: Summary;
  ownWorkCpu: Summary;
}

/** Steps of the picker's start, on the content script's clock: the frame's own navigation timing and marks (components/picker/frame.tsx). */
interface ReadyParts {
  /** The frame's navigation started. */
  frameCreated: number;
  /** Its HTML arrived. */
  frameDocument: number;
  /** Its HTML was parsed (its scripts and style may still be loading). */
  scriptsParsed: number;
  /** The frame's script began (it and the frame's style loaded). */
  script: number;
  /** The background answered the frame's token question. */
  token: number;
  /** The content script's handshake came and matched. */
  port: number;
  /** The frame's first animation frame began. */
  painted: number;
  /** Its load event ended (every subresource in). */
  loaded: number;
}
