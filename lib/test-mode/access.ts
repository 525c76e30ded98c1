import { browser } from 'wxt/browser';
import { canScriptTab } from '../panel/access';
import { originPattern } from '../panel/target-tab';

/**
 * Makes sure test mode may follow the tab from page to page on this site (issue 13), asking the user
 * when needed; call it from the click that switches test mode on. Chrome keeps `activeTab`'s grant
 * while the tab stays on the site, so a page reached through the toolbar button needs no prompt.
 * Firefox ends that grant at the next page load (its grant belongs to the document, Mozilla bug
 * 2086712), so it asks for the site, first thing in the click: Firefox allows the request only
 * there, and answers at once when the site is allowed already.
 */
export async function ensureSiteAccess(tabId: number, url: string): Promise<boolean> {
  const origins = [originPattern(url)];
  if (import.meta.env.FIREFOX) return browser.permissions.request({ origins });
  if ((await browser.permissions.contains({ origins })) || (await canScriptTab(tabId))) return true;
  // Still inside the click's activation, which Chrome's permission request needs.
  return browser.permissions.request({ origins });
}
