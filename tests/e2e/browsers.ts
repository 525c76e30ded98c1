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
// storage when the temporary install ends (browser restart tests), download without asking, and
// draw classic scrollbars that take room, as a desktop user may have them (issue 15: layouts are
// tested with real scrollbars, not overlay ones that take none).
const firefoxPrefs = (downloads: string) => ({
  'extensions.webextOptionalPermissionPrompts': false,
  'widget.gtk.overlay-scrollbars.enabled': false,
  'layout.testing.overlay-scrollbars.always-visible': false,
  'extensions.webextensions.keepStorageOnUninstall': true,
  'browser.download.folderList': 2,
  'browser.download.dir': downloads,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
});

export interface LaunchOptions {
  /** Reuse a profile (restart tests). */
  profile?: string;
  /**
   * Firefox only: the colour scheme pages see. WebDriver BiDi cannot emulate `prefers-color-scheme`
   * as Chromium's CDP can (page.emulateMediaFeatures), so a dark Firefox is a browser launched dark.
   */
  colorScheme?: 'light' | 'dark';
}

/** Firefox's own switches for `prefers-color-scheme` in pages: 0 dark, 1 light. */
function colorSchemePrefs(scheme: LaunchOptions['colorScheme']): Record<string, number> {
  if (!scheme) return {};
  return { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1, 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 };
}

/** A real browser with the built extension installed and its panel open in a tab. */
export interface Session {
  name: BrowserName;
  browser: Browser;
  panel: Page;
  profile: string;
  downloads: string;
  /** The welcome page Goalpost opened on install (Chromium: on the first launch of a profile only); waits for it. */
  welcome(): Promise<Page>;
  /** Opens a web page in a new tab and clicks Goalpost's toolbar button on it, as a user would. */
  openPage(url: string): Promise<Page>;
  /**
   * Lets Goalpost in on a page as a user does. Chromium: the real toolbar button (grants
   * `activeTab`). Firefox: BiDi cannot click toolbar buttons, so the user's other way in, the
   * site's permission (Firefox's Extensions menu, "Always allow on this site"), asked from a real
   * click in the panel page.
   */
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

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Session> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), `goalpost-${name}-`)));
  const downloads = join(profile, 'downloads');
  const browser = name === 'chromium'
    ? await puppeteer.launch({
        executablePath: executablePath(name), headless: true, pipe: true, enableExtensions: true,
        userDataDir: profile, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 800 },
        // Puppeteer hides scrollbars in headless Chromium; layouts are tested with real ones (issue 15).
        ignoreDefaultArgs: ['--hide-scrollbars'],
      })
    : await puppeteer.launch({
        browser: 'firefox', executablePath: executablePath(name), headless: true, userDataDir: profile,
        extraPrefsFirefox: { ...firefoxPrefs(downloads), ...colorSchemePrefs(options.colorScheme) }, defaultViewport: { width: 1280, height: 800 },
      });
  const console = watchConsole(browser);
  const extensionId = await browser.installExtension(join(OUTPUT, name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3'));
  let welcome: Promise<Page> | undefined;
  const findWelcome = () => {
    welcome ??= waitForExtensionTab(browser, 'welcome.html', [], '[data-testid=welcome]', 30_000).then((page) => {
      console.watchPage(page);
      return page;
    });
    return welcome;
  };
  // Firefox: the welcome tab is the only extension page a test can reach, so the panel is opened from it.
  let panel = name === 'chromium' ? await openChromiumPanel(browser, extensionId) : await openPanelTwin(browser, await findWelcome());
  console.watchPage(panel);
  if (name === 'chromium') {
    // Browser-wide, so it outlives the page it was sent from.
    const session = await browser.target().createCDPSession();
    await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  }

  const clickToolbarButton = async (page: Page) => {
    if (name !== 'chromium') {
      await panel.bringToFront();
      await allowSite(panel, page.url());
      await page.bringToFront();
      return;
    }
    const extension = (await browser.extensions()).get(extensionId);
    if (!extension) throw new Error('The extension is not installed');
    await page.bringToFront();
    await page.triggerExtensionAction(extension);
  };
  return {
    name, browser, profile, downloads,
    welcome: findWelcome,
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

/** Waits for a tab showing one of the extension's pages (`file`), other than those given, once `ready` shows in it. */
async function waitForExtensionTab(browser: Browser, file: string, exclude: Page[], ready: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`^(moz|chrome)-extension://[^/]+/${file.replace('.', '\\.')}`);
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (exclude.includes(page)) continue;
      // Firefox lists extension tabs as about:blank; the page itself knows its real URL.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (pattern.test(href)) {
        await page.waitForSelector(ready);
        return page;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Goalpost ${file} tab did not open`);
}

/** Chromium lets a test open an extension page by its URL. */
async function openChromiumPanel(browser: Browser, extensionId: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.waitForSelector('[data-testid=pick]');
  return page;
}

/**
 * Opens the panel in a new tab from one of the extension's own pages (Firefox refuses
 * moz-extension:// navigation from tests; a tab the extension opens is reachable).
 */
async function openPanelTwin(browser: Browser, from: Page): Promise<Page> {
  const known = await browser.pages();
  await from.evaluate(() => {
    type TabsApi = { tabs: { create(options: { url?: string }): Promise<unknown> }; runtime: { getURL(path: string): string } };
    const scope = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const api = scope.browser ?? scope.chrome;
    void api.tabs.create({ url: api.runtime.getURL('/sidepanel.html') });
  });
  return waitForExtensionTab(browser, 'sidepanel.html', known, '[data-testid=pick]');
}

/**
 * Grants Goalpost the page's site from a real click in the panel page: `permissions.request` needs
 * a user gesture, and the test profile grants without the prompt (Firefox only, see above).
 */
async function allowSite(panel: Page, url: string): Promise<void> {
  const { protocol, hostname } = new URL(url);
  const origin = `${protocol}//${hostname}/*`;
  await panel.evaluate((pattern) => {
    type PermissionsApi = { permissions: { request(request: { origins: string[] }): Promise<boolean> } };
    const api = (globalThis as unknown as { browser: PermissionsApi }).browser;
    const button = document.createElement('button');
    button.id = 'e2e-allow-site';
    button.textContent = 'Allow';
    button.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;width:40px;height:20px';
    button.addEventListener('click', () => {
      void api.permissions.request({ origins: [pattern] }).then((granted) => {
        button.dataset.granted = String(granted);
      });
    }, { once: true });
    document.body.append(button);
  }, origin);
  await panel.click('#e2e-allow-site');
  const granted = await panel.waitForSelector('#e2e-allow-site[data-granted]').then((handle) => handle!.evaluate((node) => (node as HTMLElement).dataset.granted));
  await panel.evaluate(() => document.getElementById('e2e-allow-site')?.remove());
  if (granted !== 'true') throw new Error(`Firefox did not grant ${origin}`);
}
