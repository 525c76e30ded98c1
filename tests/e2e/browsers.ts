import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { formatProblems, watchConsole, type ConsoleWatch } from './console.ts';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const OUTPUT = resolve(import.meta.dirname, '..', '..', process.env.GOALPOST_OUT_DIR ?? '.output');
const EXECUTABLES: Record<BrowserName, { env: string; path: string; install: string }> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', install: 'apt-get install -y chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', install: 'apt-get install -y firefox-esr' },
};
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--window-size=1280,900',
];
// Firefox: grant optional permissions without the prompt a test cannot click, keep the add-on's
// storage when the temporary install ends (browser restart tests), and download without asking.
const firefoxPrefs = (downloads: string) => ({
  'extensions.webextOptionalPermissionPrompts': false,
  'extensions.webextensions.keepStorageOnUninstall': true,
  'browser.download.folderList': 2,
  'browser.download.dir': downloads,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
});

/** A real browser with the built extension installed and its panel open in a tab. */
export interface Session {
  name: BrowserName;
  browser: Browser;
  panel: Page;
  profile: string;
  downloads: string;
  /** Opens a web page in a new tab and clicks Goalpost's toolbar button on it, as a user would. */
  openPage(url: string): Promise<Page>;
  /** Clicks the toolbar button on a page (Chromium: grants `activeTab`; Firefox: no test hook, a no-op). */
  clickToolbarButton(page: Page): Promise<void>;
  /** Closes the panel tab and opens it again. */
  reopenPanel(): Promise<Page>;
  /** Console errors and warnings of every page and worker (see console.ts). */
  console: ConsoleWatch;
  /** Closes the browser; fails when an error or warning was logged that the test did not expect. */
  close(): Promise<void>;
}

export function executablePath(name: BrowserName): string {
  const { env, path, install } = EXECUTABLES[name];
  const candidate = process.env[env] ?? path;
  if (!existsSync(candidate)) {
    throw new Error(`${name} was not found at ${candidate}. Install it (as root: apt-get update && ${install}) or set ${env}.`);
  }
  return candidate;
}

export async function launch(name: BrowserName, options: { profile?: string } = {}): Promise<Session> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), `goalpost-${name}-`)));
  const downloads = join(profile, 'downloads');
  const browser = name === 'chromium'
    ? await puppeteer.launch({
        executablePath: executablePath(name), headless: true, pipe: true, enableExtensions: true,
        userDataDir: profile, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 800 },
      })
    : await puppeteer.launch({
        browser: 'firefox', executablePath: executablePath(name), headless: true, userDataDir: profile,
        extraPrefsFirefox: firefoxPrefs(downloads), defaultViewport: { width: 1280, height: 800 },
      });
  const console = watchConsole(browser);
  const extensionId = await browser.installExtension(join(OUTPUT, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3'));
  let panel = await findPanel(browser, name, extensionId);
  console.watchPage(panel);
  if (name === 'chromium') {
    // Browser-wide, so it outlives the page it was sent from.
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  }

  const clickToolbarButton = async (page: Page) => {
    if (name !== 'chromium') return;
    const extension = (await browser.extensions()).get(extensionId);
    if (!extension) throw new Error('The extension is not installed');
    await page.bringToFront();
    await page.triggerExtensionAction(extension);
  };
  return {
    name, browser, profile, downloads,
    get panel() { return panel; },
    async openPage(url) {
      const page = await browser.newPage();
      console.watchPage(page);
      await page.goto(url, { waitUntil: 'load' });
      await clickToolbarButton(page);
      return page;
    },
    clickToolbarButton,
    async reopenPanel() {
      const twin = await openPanelTwin(browser, panel);
      await panel.close();
      panel = twin;
      console.watchPage(panel);
      return panel;
    },
    console,
    async close() {
      await browser.close();
      const problems = console.problems();
      if (problems.length > 0) throw new Error(`Console errors or warnings during the test:\n${formatProblems(problems)}`);
    },
  };
}

/** The panel opened in a tab by the extension's welcome-on-install (Firefox), or by the test (Chromium). */
async function findPanel(browser: Browser, name: BrowserName, extensionId: string): Promise<Page> {
  if (name === 'chromium') {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.waitForSelector('[data-testid=pick]');
    return page;
  }
  return waitForPanelTab(browser, []);
}

/** Waits for a tab showing the panel page, other than those given. */
async function waitForPanelTab(browser: Browser, exclude: Page[]): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (exclude.includes(page)) continue;
      // Firefox lists extension tabs as about:blank; the page itself knows its real URL.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (/^(moz|chrome)-extension:\/\/.*\/sidepanel\.html/.test(href)) {
        await page.waitForSelector('[data-testid=pick]');
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The Goalpost panel tab did not open');
}

/** Opens the panel in a new tab from the extension itself (Firefox refuses moz-extension:// navigation from tests). */
async function openPanelTwin(browser: Browser, panel: Page): Promise<Page> {
  await panel.evaluate(() => {
    type TabsApi = { tabs: { create(options: { url?: string }): Promise<unknown> } };
    const scope = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    void (scope.browser ?? scope.chrome).tabs.create({ url: location.href.split('?')[0] });
  });
  return waitForPanelTab(browser, [panel]);
}
