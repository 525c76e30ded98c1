import { registerExportHandlers } from '@/lib/export/background';
import { createWorkspaceWriter } from '@/lib/goals/writer';
import { onMessage, sendMessage } from '@/lib/messaging';
import { registerPickerFrameTokens } from '@/lib/picker/frame-token-background';
import { togglePicker } from '@/lib/picker/inject';
import { closePopupsOfPickingTabs } from '@/lib/picker/popups-background';
import { openPanelOnActionClick } from '@/lib/panel/open';

export default defineBackground(() => {
  const writer = createWorkspaceWriter();
  openPanelOnActionClick((tab) => {
    if (tab.id !== undefined) void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
  onMessage('elementPicked', ({ data }) => writer.apply({ kind: 'recordPick', pick: data }).then(() => undefined));
  onMessage('workspaceOp', ({ data }) => writer.apply(data));
  onMessage('dismissQuarantined', ({ data }) => writer.dismissQuarantined(data.ids));
  onMessage('elementUnpicked', ({ data }) => writer.apply({ kind: 'unrecordPick', ...data }).then(() => undefined));
  onMessage('togglePicker', ({ data }) => togglePicker(data.tabId, data.on));
  registerExportHandlers(writer);
  registerPickerFrameTokens();
  closePopupsOfPickingTabs();
  // A first install opens the panel in a tab, as a welcome page saying where Goalpost lives.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?welcome') });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-picker' && tab?.id !== undefined) void togglePicker(tab.id, true);
  });
});
