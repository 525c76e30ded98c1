import { registerExportHandlers } from '@/lib/export/background';
import { watchHealthOnPageLoads } from '@/lib/health/background';
import { createWorkspaceWriter } from '@/lib/goals/writer';
import { onMessage, sendMessage } from '@/lib/messaging';
import { registerPickerFrameTokens } from '@/lib/picker/frame-token-background';
import { togglePicker } from '@/lib/picker/inject';
import { closePopupsOfPickingTabs } from '@/lib/picker/popups-background';
import { openPanelOnActionClick } from '@/lib/panel/open';
import { registerTestMode } from '@/lib/test-mode/background';

export default defineBackground(() => {
  const writer = createWorkspaceWriter();
  openPanelOnActionClick((tab) => {
    if (tab.id !== undefined) void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
  // The tab's title names the activity a first pick starts (issue 15); the picker runs there, so Goalpost may read it.
  onMessage('elementPicked', ({ data, sender }) => writer.apply({ kind: 'recordPick', pick: data, pageTitle: sender.tab?.title }).then(() => undefined));
  onMessage('workspaceOp', ({ data }) => writer.apply(data));
  onMessage('dismissQuarantined', ({ data }) => writer.dismissQuarantined(data.ids));
  // Unselecting in the picker is undone from the panel, like a Delete there (issue 11 item 4).
  onMessage('elementUnpicked', async ({ data }) => {
    const result = await writer.apply({ kind: 'unrecordPick', ...data });
    if (result.ok && result.undo) void sendMessage('removedInPicker', { undo: result.undo }).catch(() => undefined);
  });
  onMessage('togglePicker', ({ data }) => togglePicker(data.tabId, data.on));
  registerExportHandlers(writer);
  registerTestMode();
  watchHealthOnPageLoads();
  registerPickerFrameTokens();
  closePopupsOfPickingTabs();
  // A first install opens the welcome page: what Goalpost does and how to start (issue 15).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-picker' || tab?.id === undefined) return;
    void togglePicker(tab.id, true);
    // The shortcut grants `activeTab`: the panel may now see the tab's address.
    void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
});
