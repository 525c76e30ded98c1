import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addToOutbox, outboxItem, recordFailure, removeFromOutbox, type OutboxPayload } from './outbox';

const payload = (url: string): OutboxPayload => ({ kind: 'webhook', url, activityName: 'A', body: '{}' });

describe('outbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every failure when several happen at once', async () => {
    await Promise.all([
      addToOutbox(payload('https://a.example/'), 'first'),
      addToOutbox(payload('https://b.example/'), 'second'),
      addToOutbox(payload('https://c.example/'), 'third'),
    ]);
    expect((await outboxItem.getValue()).map((entry) => entry.error)).toEqual(['first', 'second', 'third']);
  });

  it('counts attempts and removes an entry once sent', async () => {
    const entry = await addToOutbox(payload('https://a.example/'), 'timeout', 1);
    await Promise.all([recordFailure(entry.id, payload('https://a.example/'), '500', 2), addToOutbox(payload('https://b.example/'), 'other')]);
    const [updated] = await outboxItem.getValue();
    expect(updated).toMatchObject({ error: '500', attempts: 2, lastAttemptAt: 2, createdAt: 1 });
    await removeFromOutbox(entry.id);
    expect((await outboxItem.getValue()).map((item) => item.error)).toEqual(['other']);
  });
});
