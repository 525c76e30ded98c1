import type { Browser, ConsoleMessage, Page, Target, WebWorker } from 'puppeteer-core';

// Handbook: "Collect console messages of every extension page and the test page; an error or
// warning we cause fails the test." Every page and worker of a session is watched from the start;
// the session's close() fails when something was collected that the test did not expect.

const EXTENSION_URL = /^(chrome|moz)-extension:\/\//;
/** The browser's own reports of a page's resources that could not load from the closed network. */
const OFFLINE_NOISE = /Failed to load resource|net::ERR_|NS_ERROR_|Loading failed for the <script>|downloadable font|Cross-Origin Request Blocked|may not load data from blob:|Not allowed to load local resource/i;
/** Real third-party pages (../shared/corpus) and the browser's own error pages log for themselves. */
const NOT_OURS = /\/corpus\/|^about:(neterror|certerror|blank)/;

export interface ConsoleProblem {
  /** Where it was logged (the page's or worker's URL). */
  where: string;
  type: string;
  text: string;
  /** The script that logged it, when the browser says. */
  source?: string;
}

export interface ConsoleWatch {
  /** Problems so far that no `expect()` pattern covers. */
  problems(): ConsoleProblem[];
  /** The test provokes messages matching this on purpose (a hostile page that logs, say). */
  expect(pattern: RegExp): void;
  watchPage(page: Page): void;
}

export function watchConsole(browser: Browser): ConsoleWatch {
  const collected: ConsoleProblem[] = [];
  const expected: RegExp[] = [];
  const watched = new WeakSet<object>();

  const record = (where: string, type: string, text: string, source?: string) => {
    const ours = EXTENSION_URL.test(where) || (source !== undefined && EXTENSION_URL.test(source));
    // A web page's own failed downloads (the tests run offline) are the page's business, not ours.
    if (!ours && (OFFLINE_NOISE.test(text) || NOT_OURS.test(where))) return;
    collected.push({ where, type, text, ...(source ? { source } : {}) });
  };
  const onMessage = (where: () => string) => (message: ConsoleMessage) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warn') return;
    record(where(), type, message.text(), message.location()?.url);
  };
  const watchPage = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('console', onMessage(() => page.url()));
    page.on('pageerror', (error) => record(page.url(), 'pageerror', error instanceof Error ? error.message : String(error)));
  };
  const watchWorker = (worker: WebWorker) => {
    if (watched.has(worker)) return;
    watched.add(worker);
    worker.on('console', onMessage(() => worker.url()));
  };
  const watchTarget = async (target: Target) => {
    try {
      const page = await target.page();
      if (page) watchPage(page);
      else if (target.type() === 'service_worker' || target.type() === 'shared_worker') {
        const worker = await target.worker();
        if (worker) watchWorker(worker);
      }
    } catch {
      // A target that closes while it is being attached to has nothing more to say.
    }
  };
  browser.on('targetcreated', (target: Target) => void watchTarget(target));
  for (const target of browser.targets()) void watchTarget(target);

  return {
    problems: () => collected.filter((problem) => !expected.some((pattern) => pattern.test(problem.text))),
    expect: (pattern) => expected.push(pattern),
    watchPage,
  };
}

export function formatProblems(problems: ConsoleProblem[]): string {
  return problems.map((problem) => `  [${problem.type}] ${problem.where}${problem.source && problem.source !== problem.where ? ` (${problem.source})` : ''}: ${problem.text}`).join('\n');
}
