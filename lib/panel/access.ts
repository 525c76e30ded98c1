import { browser } from 'wxt/browser';

/**
 * Whether the extension may run scripts in the tab right now: through `activeTab` (granted when
 * the user clicked the toolbar button or the shortcut on that page) or a host permission. Asking
 * first lets the panel skip the permission prompt when the user already granted access.
 */
export async function canScriptTab(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
    return true;
  } catch {
    return false;
  }
}
