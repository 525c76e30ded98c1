import { registerExportHandlers } from '@/lib/export/background';
import { watchHealthOnPageLoads } from '@/lib/health/background';
import { createWorkspaceWriter } from '@/lib/goals/writer';
import { onMessage, sendMessage } from '@/lib/messaging';
import { togglePicker } from '@/lib/picker/inject';
import { openPanelOnActionClick } from '@/lib/panel/open';
import { registerTestMode } from '@/lib/test-mode/background';

export default defineBackground(() => {
  const writer = createWorkspaceWriter();
  openPanelOnActionClick((tab) => {
    if (tab.id !== undefined) void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
  onMessage('elementPicked', ({ data }) => writer.apply({ kind: 'recordPick', pick: data }).then(() => undefined));
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
  // A first install opens the panel in a tab, as a welcome page saying where Goalpost lives.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?welcome') });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-picker' && tab?.id !== undefined) void togglePicker(tab.id, true);
  });
});
