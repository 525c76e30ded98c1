import { registerExportHandlers } from '@/lib/export/background';
import { createWorkspaceWriter } from '@/lib/goals/writer';
import { onMessage, sendMessage } from '@/lib/messaging';
import { togglePicker } from '@/lib/picker/inject';
import { openPanelOnActionClick } from '@/lib/panel/open';

export default defineBackground(() => {
  const writer = createWorkspaceWriter();
  openPanelOnActionClick((tab) => {
    if (tab.id !== undefined) void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
  // The tab's title names the activity a first pick starts (issue 15); the picker runs there, so Goalpost may read it.
  onMessage('elementPicked', ({ data, sender }) => writer.apply({ kind: 'recordPick', pick: data, pageTitle: sender.tab?.title }).then(() => undefined));
  onMessage('workspaceOp', ({ data }) => writer.apply(data));
  onMessage('dismissQuarantined', ({ data }) => writer.dismissQuarantined(data.ids));
  onMessage('elementUnpicked', ({ data }) => writer.apply({ kind: 'unrecordPick', ...data }).then(() => undefined));
  onMessage('togglePicker', ({ data }) => togglePicker(data.tabId, data.on));
  registerExportHandlers(writer);
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
