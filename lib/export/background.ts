import { onMessage } from '@/lib/messaging';
import { importIntoWorkspace } from './import';
import { pushActivityToPostHog, retryOutboxEntry, sendActivityToWebhook } from './send';

/** The export/import messages the background answers (requests to targets go from here). */
export function registerExportHandlers(): void {
  onMessage('sendWebhook', ({ data }) => sendActivityToWebhook(data.activityId, data.url));
  onMessage('pushPostHog', ({ data }) => pushActivityToPostHog(data.activityId, data.destination));
  onMessage('retryOutbox', ({ data }) => retryOutboxEntry(data.entryId));
  onMessage('importActivity', ({ data }) => importIntoWorkspace(data.text, data.choice));
}
