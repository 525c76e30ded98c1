import { browser } from 'wxt/browser';
import type { WorkspaceWriter } from '@/lib/goals/writer';
import { onMessage } from '@/lib/messaging';
import { importIntoWorkspace } from './import';
import { removeFromOutbox } from './outbox';
import { pushActivityToPostHog, retryOutboxEntry, sendActivityToWebhook } from './send';

/** The export/import messages the background answers (requests to targets go from here). */
export function registerExportHandlers(writer: Pick<WorkspaceWriter, 'update'>): void {
  onMessage('sendWebhook', ({ data, sender }) => (fromExtensionPage(sender) ? sendActivityToWebhook(data.activityId, data.url) : REFUSED_SEND));
  onMessage('pushPostHog', ({ data, sender }) => (fromExtensionPage(sender) ? pushActivityToPostHog(data.activityId, data.destination) : REFUSED_SEND));
  onMessage('retryOutbox', ({ data, sender }) => (fromExtensionPage(sender) ? retryOutboxEntry(data.entryId) : REFUSED_SEND));
  onMessage('discardOutbox', async ({ data, sender }) => {
    if (fromExtensionPage(sender)) await removeFromOutbox(data.entryId);
  });
  onMessage('importActivity', ({ data, sender }) => (fromExtensionPage(sender) ? importIntoWorkspace(data.text, data.choice, writer) : REFUSED_IMPORT));
}

/**
 * Only Goalpost's own pages (the panel) may send data out or import: a content script runs inside
 * web pages, and nothing a page does should be able to trigger an export (PRODUCT.md §4).
 */
export function fromExtensionPage(sender: { url?: string }): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

const REFUSED_SEND = { ok: false, message: 'Exports can only be started from the Goalpost panel.' } as const;
const REFUSED_IMPORT = { ok: false, error: { path: '(file)', reason: 'can only be imported from the Goalpost panel' } } as const;
