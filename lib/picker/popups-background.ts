import { browser } from 'wxt/browser';
import { sendToTab } from '../tab-messaging';
import { isPicking } from './frame-token-background';

// A click in the picker's frame gives the page user activation too (HTML "activation
// notification" reaches every ancestor frame), and no API spends it from the frame without
// showing something (issue 11 item 8; measured in README "Picker isolation"). What a page does
// with it that we can see is undone: in Firefox, a tab it opens while its tab is picking is closed
// at once, and the picker says so. The user cannot have opened it: their clicks go to the picker.
//
// Not in Chromium: there, closing a tab the page has just opened left the opener page stuck inside
// its `window.open` for good (measured in the attack e2e: the page ran no timer after it), worse
// than the tab. Firefox gives a pop-up window's tab no `openerTabId`, so those stay open too.

/** Background: closes the tabs a picking tab opens (Firefox). */
export function closePopupsOfPickingTabs(): void {
  if (!import.meta.env.FIREFOX) return;
  browser.tabs.onCreated.addListener((tab) => {
    const opener = tab.openerTabId;
    if (tab.id === undefined || opener === undefined) return;
    void isPicking(opener).then(async (picking) => {
      if (!picking) return;
      await browser.tabs.remove(tab.id!).catch(() => undefined);
      await sendToTab('pickerPopupClosed', undefined, opener).catch(() => undefined);
    });
  });
}
