import { browser, type Browser } from 'wxt/browser';

/**
 * The web page the panel works on. In the side panel / sidebar that is the active tab of its
 * window; when the panel is itself open in a tab, it is the web tab the user used last.
 */
export async function findTargetTab(): Promise<Browser.tabs.Tab | undefined> {
  const self = await browser.tabs.getCurrent();
  if (!self) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active;
  }
  const tabs = await browser.tabs.query({});
  const webTabs = tabs.filter((tab) => tab.id !== self.id && isWebUrl(tab.url));
  webTabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return webTabs[0];
}

export function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//.test(url);
}

/** The match pattern for a host permission on the page's site, e.g. `https://shop.example/*`. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
