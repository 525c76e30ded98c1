import { browser, type Browser } from 'wxt/browser';

// Goalpost does not ask for the `tabs` permission (Chrome shows it at install as "Read your
// browsing history", issue 15). The browser then tells the panel a tab's URL and title only where
// Goalpost may run: after a toolbar click or the shortcut on that tab (`activeTab`), or on a site
// the user allowed. Any other tab is `hidden`: the panel says how to let it in, instead of guessing.

/**
 * The tab the panel works on. In the side panel / sidebar that is the active tab of its window;
 * when the panel is itself open in a tab (the tests, a second window), the tab the user used last
 * other than Goalpost's own pages.
 */
export async function findTargetTab(): Promise<TargetTab> {
  const self = await browser.tabs.getCurrent();
  if (!self) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return toTarget(active);
  }
  const tabs = await browser.tabs.query({});
  const others = tabs.filter((tab) => tab.id !== self.id && !isExtensionUrl(tab.url));
  // A tab whose URL shows is one Goalpost can work on: it goes first, then by last use.
  others.sort((a, b) => Number(b.url !== undefined) - Number(a.url !== undefined) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return toTarget(others[0]);
}

export function toTarget(tab: Browser.tabs.Tab | undefined): TargetTab {
  if (!tab || tab.id === undefined || tab.id === browser.tabs.TAB_ID_NONE) return { kind: 'none' };
  if (tab.url === undefined || tab.url === '') return { kind: 'hidden', id: tab.id };
  if (!isWebUrl(tab.url)) return { kind: 'other', id: tab.id, url: tab.url };
  return { kind: 'web', id: tab.id, url: tab.url, title: tab.title ?? '', loading: tab.status === 'loading' };
}

export function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}

function isExtensionUrl(url: string | undefined): boolean {
  return url !== undefined && /^(chrome|moz)-extension:\/\//.test(url);
}

/** The match pattern for a host permission on the page's site, e.g. `https://shop.example/*`. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

export type TargetTab =
  /** No tab at all (the window's last tab was closed). */
  | { kind: 'none' }
  /** A tab whose address Goalpost may not read yet: no toolbar click there, no site permission. */
  | { kind: 'hidden'; id: number }
  /** A browser page (new tab, settings, a PDF viewer…): nothing to pick there. */
  | { kind: 'other'; id: number; url: string }
  /** A web page Goalpost can see. */
  | { kind: 'web'; id: number; url: string; title: string; loading: boolean };
