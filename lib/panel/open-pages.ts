import { browser } from 'wxt/browser';

// Pages the panel opens for the user: the welcome page, and the browser's own shortcut settings.

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

/**
 * The browser's page for extension shortcuts: Firefox opens it through `commands` (Firefox 137+);
 * Chrome's is an internal page an extension may open in a tab.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
