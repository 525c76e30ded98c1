import { storage } from '#imports';
import { newId } from '@/lib/goals/model';
import type { PostHogAction, PostHogDestination } from './posthog';

// Sends that failed, kept with their error until they succeed or the user discards them
// (PRODUCT.md §4: "failures are shown and retried, never lost"). Entries hold the exact payload
// that failed, never a token: a retry reads the current token from `exportSecretsItem`.

export const outboxItem = storage.defineItem<OutboxEntry[]>('local:exportOutbox', { version: 1, fallback: [] });

export async function addToOutbox(payload: OutboxPayload, error: string, now = Date.now()): Promise<OutboxEntry> {
  const entry: OutboxEntry = { id: newId('out'), createdAt: now, lastAttemptAt: now, attempts: 1, error, payload };
  await update((entries) => [...entries, entry]);
  return entry;
}

/** Records another failed attempt (with its new payload, e.g. only the actions still failing). */
export function recordFailure(id: string, payload: OutboxPayload, error: string, now = Date.now()): Promise<void> {
  return update((entries) => entries.map((entry) => (entry.id === id ? { ...entry, payload, error, lastAttemptAt: now, attempts: entry.attempts + 1 } : entry)));
}

export function removeFromOutbox(id: string): Promise<void> {
  return update((entries) => entries.filter((entry) => entry.id !== id));
}

// Two sends can fail at once (webhook and PostHog); read-modify-write one at a time so that
// neither failure overwrites the other. All writes happen in the background, one JS context.
let queue: Promise<unknown> = Promise.resolve();

function update(change: (entries: OutboxEntry[]) => OutboxEntry[]): Promise<void> {
  const next = queue.then(async () => outboxItem.setValue(change(await outboxItem.getValue())));
  queue = next.catch(() => undefined);
  return next;
}

export function describeDestination(payload: OutboxPayload): string {
  return payload.kind === 'webhook' ? payload.url : `PostHog project ${payload.destination.projectId} at ${payload.destination.host}`;
}

export type OutboxPayload =
  | { kind: 'webhook'; url: string; activityName: string; body: string }
  | { kind: 'posthog'; destination: PostHogDestination; activityName: string; actions: PostHogAction[] };

export interface OutboxEntry {
  id: string;
  createdAt: number;
  lastAttemptAt: number;
  attempts: number;
  error: string;
  payload: OutboxPayload;
}
