import { browser, type Browser } from 'wxt/browser';

/**
 * The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). We open it
 * ourselves instead of Chrome's `openPanelOnActionClick`, because only a plain action click grants
 * `activeTab` on the page, which lets the user pick there without a permission prompt.
 */
export function openPanelOnActionClick(onOpened: (tab: Browser.tabs.Tab) => void): void {
  browser.action.onClicked.addListener((tab) => {
    // Both calls must happen synchronously inside the click (user gesture), before any await.
    if (browser.sidePanel) void browser.sidePanel.open({ windowId: tab.windowId });
    else void firefoxSidebar()?.open();
    onOpened(tab);
  });
}

/** Firefox's `sidebarAction`, which Chrome's typings (used by WXT) do not declare. */
function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}
