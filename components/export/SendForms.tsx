import { useEffect, useState } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { sendMessage } from '@/lib/messaging';
import { parseWebUrl } from '@/lib/export/http';
import { requestHostAccess } from '@/lib/export/permission';
import { toPostHogActions } from '@/lib/export/posthog';
import { tokenWarning } from '@/lib/export/webhook';
import { exportSecretsItem, exportSettingsItem } from '@/lib/export/settings';
import type { SendReport } from '@/lib/export/send';
import { plural } from '@/lib/panel/format';
import { Status, type StatusLine } from './Status';
import { TargetLimits } from './TargetLimits';
import { useItem } from './useItem';

/** Exports that leave the browser. Each button names where the data goes (PRODUCT.md §4). */
export function SendForms({ activity }: { activity: Activity }) {
  const settings = useItem(exportSettingsItem);
  const secrets = useItem(exportSecretsItem);
  if (!settings || !secrets) return <p class="status">Loading…</p>;
  return (
    <>
      <WebhookForm activity={activity} url={settings.webhookUrl} token={secrets.webhookToken ?? ''} />
      <PostHogForm activity={activity} host={settings.posthogHost} projectId={settings.posthogProjectId} apiKey={secrets.posthogApiKey ?? ''} />
    </>
  );
}

function WebhookForm({ activity, ...saved }: { activity: Activity; url: string; token: string }) {
  const [url, setUrl] = useState(saved.url);
  const [token, setToken] = useState(saved.token);
  const [status, setStatus] = useState<StatusLine>();
  useEffect(() => setUrl(saved.url), [saved.url]);
  const parsed = parseWebUrl(url);
  const warning = tokenWarning(url, token);

  const send = async () => {
    if (!parsed.ok) return setStatus({ kind: 'error', text: parsed.error });
    if (!(await requestHostAccess(parsed.url))) {
      return setStatus({ kind: 'error', text: `Goalpost was not allowed to reach ${parsed.url.host}; nothing was sent.` });
    }
    setStatus({ kind: 'busy', text: `Sending to ${parsed.url.host}…` });
    await exportSettingsItem.setValue({ ...(await exportSettingsItem.getValue()), webhookUrl: url.trim() });
    await exportSecretsItem.setValue({ ...(await exportSecretsItem.getValue()), webhookToken: token.trim() || undefined });
    showReport(setStatus, await sendMessage('sendWebhook', { activityId: activity.id, url: parsed.url.href }));
  };

  return (
    <section class="export-section" aria-labelledby="export-webhook-heading">
      <h3 id="export-webhook-heading">Webhook</h3>
      <label>URL <input type="url" data-testid="webhook-url" placeholder="https://hooks.example.com/goalpost" value={url} onInput={(event) => setUrl(event.currentTarget.value)} /></label>
      <label>Bearer token (optional, kept on this computer) <input type="password" autocomplete="off" data-testid="webhook-token" value={token} onInput={(event) => setToken(event.currentTarget.value)} /></label>
      {warning && <ul class="warnings" data-testid="webhook-warning"><li>{warning}</li></ul>}
      <button type="button" class="primary send-button" data-testid="webhook-send" disabled={!url.trim()} onClick={() => void send()}>
        {parsed.ok ? `Send to ${parsed.url.host}` : 'Send to webhook'}
      </button>
      <Status status={status} testId="webhook-status" />
    </section>
  );
}

function PostHogForm({ activity, ...saved }: { activity: Activity; host: string; projectId: string; apiKey: string }) {
  const [host, setHost] = useState(saved.host);
  const [projectId, setProjectId] = useState(saved.projectId);
  const [apiKey, setApiKey] = useState(saved.apiKey);
  const [status, setStatus] = useState<StatusLine>();
  const parsed = parseWebUrl(host);
  const actions = toPostHogActions(activity);

  const send = async () => {
    if (!parsed.ok) return setStatus({ kind: 'error', text: `PostHog host: ${parsed.error}` });
    if (!(await requestHostAccess(parsed.url))) {
      return setStatus({ kind: 'error', text: `Goalpost was not allowed to reach ${parsed.url.host}; nothing was sent.` });
    }
    setStatus({ kind: 'busy', text: `Sending to PostHog at ${parsed.url.host}…` });
    await exportSettingsItem.setValue({ ...(await exportSettingsItem.getValue()), posthogHost: host.trim(), posthogProjectId: projectId.trim() });
    await exportSecretsItem.setValue({ ...(await exportSecretsItem.getValue()), posthogApiKey: apiKey.trim() || undefined });
    const destination = { host: parsed.url.href, projectId: projectId.trim() };
    showReport(setStatus, await sendMessage('pushPostHog', { activityId: activity.id, destination }));
  };

  return (
    <section class="export-section" aria-labelledby="export-posthog-heading">
      <h3 id="export-posthog-heading">PostHog actions</h3>
      <TargetLimits activity={activity} target="posthog" />
      <label>Host <input type="url" data-testid="posthog-host" value={host} onInput={(event) => setHost(event.currentTarget.value)} /></label>
      <label>Project id <input inputMode="numeric" data-testid="posthog-project" value={projectId} onInput={(event) => setProjectId(event.currentTarget.value)} /></label>
      <label>Personal API key (action:write, kept on this computer) <input type="password" autocomplete="off" data-testid="posthog-key" value={apiKey} onInput={(event) => setApiKey(event.currentTarget.value)} /></label>
      {actions.ok ? (
        actions.warnings.length > 0 && <ul class="warnings">{actions.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
      ) : (
        <ul class="problems" data-testid="problems-posthog">{actions.problems.map((problem) => <li key={problem}>{problem}</li>)}</ul>
      )}
      <button type="button" class="primary send-button" data-testid="posthog-send" disabled={!actions.ok || !projectId.trim() || !apiKey.trim()} onClick={() => void send()}>
        <span class="file-verb">Send {plural(actions.ok ? actions.value.length : 0, 'action')}</span>{' '}
        <span class="file-name">{parsed.ok ? `to PostHog at ${parsed.url.host}` : 'to PostHog'}</span>
      </button>
      <Status status={status} testId="posthog-status" />
    </section>
  );
}

function showReport(setStatus: (status: StatusLine) => void, report: SendReport): void {
  setStatus({ kind: report.ok ? 'ok' : 'error', text: report.ok ? report.message : `${report.message}${report.outboxId ? ' It is in the outbox below.' : ''}` });
}
