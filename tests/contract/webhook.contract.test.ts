// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { workspaceItem } from '@/lib/goals/storage';
import { serializeCanonical } from '@/lib/export/canonical';
import { outboxItem } from '@/lib/export/outbox';
import { exportSecretsItem } from '@/lib/export/settings';
import { retryOutboxEntry, sendActivityToWebhook } from '@/lib/export/send';
import { twoMetricActivity } from '@/lib/export/test-data';
import { fakeWebhook } from './servers';

// The webhook target against a local receiver: canonical JSON, optional bearer token.
const TOKEN = 'whk_secret_token_456';

describe('webhook contract', () => {
  let hook: Awaited<ReturnType<typeof fakeWebhook>>;
  const send = (timeoutMs = 5_000) => sendActivityToWebhook('act_spring', `${hook.origin}/goalpost`, { timeoutMs });

  beforeEach(async () => {
    fakeBrowser.reset();
    hook = await fakeWebhook({ token: TOKEN });
    await workspaceItem.setValue({ activities: [twoMetricActivity()], currentActivityId: 'act_spring' });
    await exportSecretsItem.setValue({ webhookToken: TOKEN });
  });
  afterEach(() => hook.close());

  it('POSTs the canonical file byte for byte with the bearer token (200)', async () => {
    const report = await send();
    expect(report).toEqual({ ok: true, message: `Sent “Spring sale” to ${new URL(hook.origin).host} (HTTP 200).` });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.text).toBe(serializeCanonical(twoMetricActivity()));
    expect(hook.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(hook.received[0]!.headers['content-type']).toBe('application/json');
    expect(hook.received[0]!.headers.cookie).toBeUndefined();
  });

  it('sends no Authorization header without a token', async () => {
    await hook.close();
    hook = await fakeWebhook();
    await exportSecretsItem.setValue({});
    expect(await send()).toMatchObject({ ok: true });
    expect(hook.received[0]!.headers.authorization).toBeUndefined();
  });

  it.each([
    ['a refused token (401)', async () => exportSecretsItem.setValue({ webhookToken: 'wrong' }), 'answered HTTP 401: bad token. The token was refused'],
    ['a duplicate (400)', async () => { hook.state.mode = 'duplicate'; }, 'answered HTTP 400: an activity with this name already exists. The server refused the content'],
    ['a server error (500)', async () => { hook.state.mode = 'error'; }, 'answered HTTP 500: receiver crashed. The server failed'],
  ])('explains %s, keeps the export in the outbox, and sends it on retry', async (_, breakIt, message) => {
    await breakIt();
    const report = await send();
    expect(report.ok).toBe(false);
    expect(report.message).toContain(message);
    const [entry] = await outboxItem.getValue();
    expect(entry).toMatchObject({ error: report.message, attempts: 1, payload: { kind: 'webhook', url: `${hook.origin}/goalpost`, activityName: 'Spring sale' } });
    expect(entry!.payload.kind === 'webhook' && entry!.payload.body).toBe(serializeCanonical(twoMetricActivity()));

    hook.state.mode = 'ok';
    await exportSecretsItem.setValue({ webhookToken: TOKEN });
    expect(await retryOutboxEntry(entry!.id)).toMatchObject({ ok: true });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(hook.received).toHaveLength(1);
  });

  it('gives up on a receiver that hangs', async () => {
    hook.state.mode = 'hang';
    const report = await send(300);
    expect(report.message).toBe(`${new URL(hook.origin).host} did not answer within 0.3 s. The export is kept in the outbox: retry it there.`);
    expect(await outboxItem.getValue()).toHaveLength(1);
  });

  it('explains an unreachable host and a bad URL', async () => {
    const origin = hook.origin;
    await hook.close();
    const unreachable = await sendActivityToWebhook('act_spring', `${origin}/goalpost`);
    expect(unreachable.message).toMatch(/^Could not reach 127\.0\.0\.1:\d+ \(.+\)\. Check the URL/);
    expect((await sendActivityToWebhook('act_spring', 'hooks.example.com/x')).message).toContain('is not a URL');
    expect((await sendActivityToWebhook('act_spring', 'ftp://hooks.example.com/x')).message).toContain('must start with https:// or http://');
    expect((await outboxItem.getValue()).map((entry) => entry.payload.kind)).toEqual(['webhook', 'webhook', 'webhook']);
  });

  it('keeps the payload that failed even if the activity changes or is deleted', async () => {
    hook.state.mode = 'error';
    await send();
    await workspaceItem.setValue({ activities: [], currentActivityId: null });
    hook.state.mode = 'ok';
    const [entry] = await outboxItem.getValue();
    expect(await retryOutboxEntry(entry!.id)).toMatchObject({ ok: true });
    expect(hook.received[0]!.text).toBe(serializeCanonical(twoMetricActivity()));
  });

  it('never stores, reports or exports the token', async () => {
    await exportSecretsItem.setValue({ webhookToken: TOKEN });
    hook.state.mode = 'error';
    const report = await send();
    const everythingButSecrets = JSON.stringify(await fakeBrowser.storage.local.get(['exportOutbox', 'workspace', 'exportSettings']));
    expect(everythingButSecrets).not.toContain(TOKEN);
    expect(report.message).not.toContain(TOKEN);
    expect(serializeCanonical(twoMetricActivity())).not.toContain(TOKEN);
  });
});
