// The runtime's end-to-end tests run in browsers without the extension (the runtime needs none).
import puppeteer, { type Browser } from 'puppeteer-core';
import { executablePath, type BrowserName } from './browsers.ts';
import { formatProblems, watchConsole, type ConsoleWatch } from './console.ts';

/** A real browser without the extension (the runtime needs none), its console watched like the others'. */
export async function launchPlain(name: BrowserName): Promise<{ browser: Browser; console: ConsoleWatch; close(): Promise<void> }> {
  const browser = name === 'chromium'
    ? await puppeteer.launch({
        executablePath: executablePath(name), headless: true, pipe: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--window-size=1280,900'],
        defaultViewport: { width: 1280, height: 800 },
      })
    : await puppeteer.launch({ browser: 'firefox', executablePath: executablePath(name), headless: true, defaultViewport: { width: 1280, height: 800 } });
  const console = watchConsole(browser);
  return {
    browser,
    console,
    async close() {
      await browser.close();
      const problems = console.problems();
      if (problems.length > 0) throw new Error(`Console errors or warnings during the test:\n${formatProblems(problems)}`);
    },
  };
}

export { median, measureNavigations, serveRuntimeSite, shopActivity, type Received, type RuntimeSite } from './runtime-site.ts';
