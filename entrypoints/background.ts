import { recordPick, unrecordPick } from '@/lib/goals/storage';
import { onMessage, sendMessage } from '@/lib/messaging';
import { togglePicker } from '@/lib/picker/inject';
import { openPanelOnActionClick } from '@/lib/panel/open';

export default defineBackground(() => {
  openPanelOnActionClick((tab) => {
    if (tab.id !== undefined) void sendMessage('pageAccessChanged', { tabId: tab.id }).catch(() => undefined);
  });
  onMessage('elementPicked', ({ data }) => recordPick(data).then(() => undefined));
  onMessage('elementUnpicked', ({ data }) => unrecordPick(data).then(() => undefined));
  onMessage('togglePicker', ({ data }) => togglePicker(data.tabId, data.on));
  // A first install opens the panel in a tab, as a welcome page saying where Goalpost lives.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?welcome') });
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-picker' && tab?.id !== undefined) void togglePicker(tab.id, true);
  });
});
