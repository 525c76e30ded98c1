// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { workspaceItem } from '@/lib/goals/storage';
import { outboxItem } from '@/lib/export/outbox';
import { exportSecretsItem } from '@/lib/export/settings';
import { pushActivityToPostHog, retryOutboxEntry } from '@/lib/export/send';
import { twoMetricActivity } from '@/lib/export/test-data';
import { fakePostHog } from './servers';

// The PostHog adapter against a local server that enforces the documented actions API.
const KEY = 'phx_personal_key_123';

describe('PostHog actions API contract', () => {
  let posthog: Awaited<ReturnType<typeof fakePostHog>>;
  const destination = () => ({ host: posthog.origin, projectId: '42' });
  const push = (timeoutMs = 5_000) => pushActivityToPostHog('act_spring', destination(), { timeoutMs });

  beforeEach(async () => {
    fakeBrowser.reset();
    posthog = await fakePostHog({ projectId: '42', apiKey: KEY, pageSize: 1 });
    await workspaceItem.setValue({ activities: [twoMetricActivity()], currentActivityId: 'act_spring' });
    await exportSecretsItem.setValue({ posthogApiKey: KEY });
  });
  afterEach(() => posthog.close());

  it('creates one action per metric (201) in the documented shape', async () => {
    const report = await push();
    expect(report).toEqual({ ok: true, message: 'PostHog project 42: 2 actions created, 0 updated, 0 failed.' });
    expect(posthog.shapeErrors).toEqual([]);
    expect(posthog.actions.map((action) => action.name)).toEqual(['Spring sale · Buy', 'Spring sale · Subscribe']);
    expect(posthog.actions[0]!.steps).toHaveLength(2);
    expect(posthog.ignoredFields).toEqual([]); // nothing PostHog would silently drop
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('updates the same actions (200) on a second push, found by name across list pages', async () => {
    await push();
    const report = await push();
    expect(report).toEqual({ ok: true, message: 'PostHog project 42: 0 actions created, 2 updated, 0 failed.' });
    expect(posthog.actions).toHaveLength(2);
    expect(posthog.log.filter((entry) => entry.method === 'PATCH').map((entry) => entry.path)).toEqual([
      '/api/projects/42/actions/1/', '/api/projects/42/actions/2/',
    ]);
    expect(posthog.shapeErrors).toEqual([]);
  });

  it('creates an action whose name a deleted action had: PostHog checks names among live actions only', async () => {
    posthog.actions.push({ id: 99, name: 'Spring sale · Buy', steps: [], deleted: true });
    const report = await push();
    expect(report).toEqual({ ok: true, message: 'PostHog project 42: 2 actions created, 0 updated, 0 failed.' });
  });

  it('explains a clash with an action created meanwhile (400), keeps it in the outbox, and updates it on retry', async () => {
    // The list is read first; an action created after that (by a colleague, another window) clashes.
    const original = posthog.state.mode;
    let injected = false;
    posthog.hooks.onList = () => {
      if (injected) return;
      injected = true;
      queueMicrotask(() => posthog.actions.push({ id: 99, name: 'Spring sale · Buy', steps: [] }));
    };
    const report = await push();
    expect(original).toBe('ok');
    expect(report.ok).toBe(false);
    expect(report.message).toContain('PostHog already has an action named “Spring sale · Buy” that was not in the project’s list when Goalpost read it');
    expect(report.message).toContain('(1 action created, 0 updated, 1 failed)');
    const [entry] = await outboxItem.getValue();
    expect(entry!.payload.kind === 'posthog' && entry!.payload.actions.map((action) => action.name)).toEqual(['Spring sale · Buy']);
    expect(entry!.error).toBe(report.message);
    const retried = await retryOutboxEntry(entry!.id);
    expect(retried).toEqual({ ok: true, message: 'PostHog project 42: 0 actions created, 1 updated, 0 failed.' });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(posthog.shapeErrors).toEqual([]);
  });

  it('explains a refused key (401) and sends once the key is fixed', async () => {
    await exportSecretsItem.setValue({ posthogApiKey: 'phx_wrong' });
    const report = await push();
    expect(report).toMatchObject({ ok: false, message: expect.stringContaining('PostHog refused the API key (401)') });
    expect(posthog.actions).toEqual([]);
    await exportSecretsItem.setValue({ posthogApiKey: KEY });
    const [entry] = await outboxItem.getValue();
    expect(await retryOutboxEntry(entry!.id)).toMatchObject({ ok: true });
    expect(posthog.actions).toHaveLength(2);
  });

  it('explains a key without the write scope (403)', async () => {
    posthog.state.mode = 'forbidden';
    expect((await push()).message).toContain('may not write actions in project 42 (403)');
  });

  it('explains a server error (500), keeps everything, and retries', async () => {
    posthog.state.mode = 'error';
    const report = await push();
    expect(report.message).toContain('PostHog had a server error (500: A server error occurred.)');
    posthog.state.mode = 'ok';
    const [entry] = await outboxItem.getValue();
    expect(entry!.attempts).toBe(1);
    expect(await retryOutboxEntry(entry!.id)).toMatchObject({ ok: true });
  });

  it('gives up on a server that hangs, with a timeout message, and records the retry', async () => {
    posthog.state.mode = 'hang';
    const started = Date.now();
    const report = await push(300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(report.message).toBe(`PostHog at ${posthog.origin} did not answer within 0.3 s. Nothing was lost: retry from the outbox.`);
    const [entry] = await outboxItem.getValue();
    await retryOutboxEntry(entry!.id, { timeoutMs: 300 });
    expect((await outboxItem.getValue())[0]!.attempts).toBe(2);
  });

  it('refuses selectors outside the matcher subset before any request', async () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = 'button:first-child';
    await workspaceItem.setValue({ activities: [activity], currentActivityId: activity.id });
    const report = await push();
    expect(report).toEqual({ ok: false, message: 'Metric “Buy”: PostHog cannot use “button:first-child”: the pseudo-class “:first-child” is not supported (only :nth-child(n) and :nth-of-type(n)).' });
    expect(posthog.log).toEqual([]);
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('explains a wrong project id and a bad host without sending', async () => {
    expect((await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: 'abc' })).message).toContain('project id must be a number');
    expect((await pushActivityToPostHog('act_spring', { host: 'posthog', projectId: '42' })).message).toContain('is not a URL');
    expect((await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: '7' })).message).toContain('has no project 7');
  });

  it('never stores or reports the API key', async () => {
    posthog.state.mode = 'error';
    const report = await push();
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(['exportOutbox', 'workspace']));
    expect(stored).not.toContain(KEY);
    expect(report.message).not.toContain(KEY);
  });
});
