import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { describeDestination, outboxItem, type OutboxEntry } from '@/lib/export/outbox';
import { requestHostAccess } from '@/lib/export/permission';
import { plural } from '@/lib/panel/format';
import { Status, type StatusLine } from './Status';
import { useItem } from './useItem';

/** Sends that failed, each with its error, to retry or discard (nothing is dropped silently). */
export function Outbox() {
  const entries = useItem(outboxItem);
  if (!entries || entries.length === 0) return null;
  return (
    <section class="export-section" aria-labelledby="export-outbox-heading" data-testid="outbox">
      <h3 id="export-outbox-heading">Outbox: {plural(entries.length, 'export')} not sent</h3>
      <ul class="outbox">{entries.map((entry) => <OutboxRow key={entry.id} entry={entry} />)}</ul>
    </section>
  );
}

function OutboxRow({ entry }: { entry: OutboxEntry }) {
  const [status, setStatus] = useState<StatusLine>();
  const where = describeDestination(entry.payload);
  const retry = async () => {
    const url = new URL(entry.payload.kind === 'webhook' ? entry.payload.url : entry.payload.destination.host);
    if (!(await requestHostAccess(url))) return setStatus({ kind: 'error', text: `Goalpost was not allowed to reach ${url.host}.` });
    setStatus({ kind: 'busy', text: `Sending to ${where}…` });
    const report = await sendMessage('retryOutbox', { entryId: entry.id });
    setStatus(report.ok ? undefined : { kind: 'error', text: 'Still failing (see the error above).' });
  };
  return (
    <li data-testid="outbox-entry">
      <strong>“{entry.payload.activityName}” → {where}</strong>
      <span class="error" data-testid="outbox-error">{entry.error}</span>
      <span class="status">{plural(entry.attempts, 'attempt')}, the last at {new Date(entry.lastAttemptAt).toLocaleTimeString()}</span>
      <div class="export-actions">
        <button type="button" data-testid="outbox-retry" onClick={() => void retry()}>Retry: send to {where}</button>
        <button type="button" data-testid="outbox-discard" onClick={() => void sendMessage('discardOutbox', { entryId: entry.id })}>Discard</button>
      </div>
      <Status status={status} testId="outbox-status" />
    </li>
  );
}
