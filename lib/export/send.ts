import { browser } from 'wxt/browser';
import { workspaceItem } from '@/lib/goals/storage';
import type { Activity } from '@/lib/goals/model';
import { plural } from '@/lib/panel/format';
import { originPattern } from '@/lib/panel/target-tab';
import { serializeCanonical } from './canonical';
import type { HttpOptions } from './http';
import { addToOutbox, outboxItem, recordFailure, removeFromOutbox, type OutboxPayload } from './outbox';
import { pushToPostHog, toPostHogActions, type PostHogAction, type PostHogDestination, type PostHogResult } from './posthog';
import { exportSecretsItem } from './settings';
import { postWebhook } from './webhook';

// The background's side of exports that leave the browser: build the payload from the stored
// activity, send it, and keep whatever failed in the outbox with its error.

export async function sendActivityToWebhook(activityId: string, url: string, options: HttpOptions = {}): Promise<SendReport> {
  const activity = await findActivity(activityId);
  if (!activity) return missingActivity();
  const payload: OutboxPayload = { kind: 'webhook', url, activityName: activity.name, body: serializeCanonical(activity) };
  return deliver(payload, undefined, options);
}

export async function pushActivityToPostHog(activityId: string, destination: PostHogDestination, options: HttpOptions = {}): Promise<SendReport> {
  const activity = await findActivity(activityId);
  if (!activity) return missingActivity();
  const actions = toPostHogActions(activity);
  if (!actions.ok) return { ok: false, message: actions.problems.join(' ') };
  const payload: OutboxPayload = { kind: 'posthog', destination, activityName: activity.name, actions: actions.value };
  return deliver(payload, undefined, options);
}

export async function retryOutboxEntry(entryId: string, options: HttpOptions = {}): Promise<SendReport> {
  const entry = (await outboxItem.getValue()).find((item) => item.id === entryId);
  if (!entry) return { ok: false, message: 'This export is no longer in the outbox (it was sent or discarded).' };
  return deliver(entry.payload, entryId, options);
}

/** Sends a payload; success removes it from the outbox, failure adds or updates its entry. */
async function deliver(payload: OutboxPayload, entryId: string | undefined, options: HttpOptions): Promise<SendReport> {
  const attempt = payload.kind === 'webhook' ? await deliverWebhook(payload, options) : await deliverPostHog(payload, options);
  if (attempt.ok) {
    if (entryId) await removeFromOutbox(entryId);
    return { ok: true, message: attempt.message };
  }
  const error = await withPermissionHint(attempt.error, payload);
  if (entryId) {
    await recordFailure(entryId, attempt.remaining, error);
    return { ok: false, message: error, outboxId: entryId };
  }
  const entry = await addToOutbox(attempt.remaining, error);
  return { ok: false, message: error, outboxId: entry.id };
}

async function deliverWebhook(payload: Extract<OutboxPayload, { kind: 'webhook' }>, options: HttpOptions): Promise<Attempt> {
  const { webhookToken } = await exportSecretsItem.getValue();
  const result = await postWebhook(payload.url, webhookToken, payload.body, options);
  if (result.ok) return { ok: true, message: `Sent “${payload.activityName}” to ${new URL(payload.url).host} (HTTP ${result.status}).` };
  return { ok: false, error: result.error, remaining: payload };
}

async function deliverPostHog(payload: Extract<OutboxPayload, { kind: 'posthog' }>, options: HttpOptions): Promise<Attempt> {
  const { posthogApiKey } = await exportSecretsItem.getValue();
  const results = await pushToPostHog(payload.destination, posthogApiKey ?? '', payload.actions, options);
  const failed = results.filter((result): result is Extract<PostHogResult, { outcome: 'failed' }> => result.outcome === 'failed');
  const summary = postHogSummary(results);
  if (failed.length === 0) return { ok: true, message: `PostHog project ${payload.destination.projectId}: ${summary}.` };
  const remaining: PostHogAction[] = payload.actions.filter((item) => failed.some((result) => result.name === item.name));
  const errors = [...new Set(failed.map((result) => result.error))].join(' ');
  const done = results.length > failed.length ? ` (${summary})` : '';
  return { ok: false, error: `${errors}${done}`, remaining: { ...payload, actions: remaining } };
}

function postHogSummary(results: PostHogResult[]): string {
  const count = (outcome: PostHogResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  return `${plural(count('created'), 'action')} created, ${count('updated')} updated, ${count('failed')} failed`;
}

/** A fetch that fails without an answer is often a missing host permission; say so when it is. */
async function withPermissionHint(error: string, payload: OutboxPayload): Promise<string> {
  if (!/^Could not reach/.test(error)) return error;
  const url = payload.kind === 'webhook' ? payload.url : payload.destination.host;
  return (await hasHostPermission(url)) ? error : `${error} Goalpost has no access to ${new URL(url).host}: press the send button again and allow access.`;
}

async function hasHostPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return true; // Unknown: do not blame a permission we cannot check.
  }
}

async function findActivity(id: string): Promise<Activity | undefined> {
  return (await workspaceItem.getValue()).activities.find((activity) => activity.id === id);
}

function missingActivity(): SendReport {
  return { ok: false, message: 'This activity no longer exists; nothing was sent.' };
}

type Attempt = { ok: true; message: string } | { ok: false; error: string; remaining: OutboxPayload };

/** The result of an export that leaves the browser; a failure names the outbox entry that keeps it. */
export type SendReport = { ok: true; message: string } | { ok: false; message: string; outboxId?: string };
