import { browser } from 'wxt/browser';
import { canScriptTab } from '../panel/access';
import { originPattern } from '../panel/target-tab';

/**
 * Whether switching test mode on must first ask for access to the site (issue 13): it follows the
 * tab from page to page, and `activeTab` does not always reach that far. Chrome keeps its grant
 * while the tab stays on the site; Firefox ends it at the next page load (its grant belongs to the
 * document, Mozilla bug 2086712). A site already allowed needs nothing.
 */
export async function needsSitePermission(tabId: number, url: string): Promise<boolean> {
  if (await browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false)) return false;
  if (import.meta.env.FIREFOX) return true;
  return !(await canScriptTab(tabId));
}
