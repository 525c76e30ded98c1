import { describe, expect, it } from 'vitest';
import { frameTokenBook, type TokenStore } from './frame-token-background';

/** A store whose reads answer only when the test says so, as a busy worker's storage does. */
function slowStore() {
  const data = new Map<number, string>();
  const reads: Array<() => void> = [];
  const store: TokenStore = {
    get: (tabId) => new Promise((resolve) => reads.push(() => resolve(data.get(tabId) ?? null))),
    set: async (tabId, token) => void data.set(tabId, token),
    remove: async (tabId) => void data.delete(tabId),
  };
  return { store, data, answerReads: () => reads.splice(0).forEach((read) => read()) };
}

describe('the picker frame tokens in the background', () => {
  it('answers a frame that asked before the registration arrived, also while storage was still reading', async () => {
    const { store, answerReads } = slowStore();
    const book = frameTokenBook({ ...store, set: () => new Promise(() => undefined) }, 50);
    const asked = book.ask(7);
    // The registration lands while the question waits on storage, and storage never gets it in time.
    void book.register(7, 'new');
    answerReads();
    expect(await asked).toBe('new');
  });

  it('answers a question that came first once the registration arrives', async () => {
    const { store, answerReads } = slowStore();
    const book = frameTokenBook(store, 1000);
    const asked = book.ask(7);
    answerReads();
    await Promise.resolve();
    await book.register(7, 'new');
    expect(await asked).toBe('new');
  });

  it('answers null when no pick registers in time, and forgets a released token', async () => {
    const { store, data, answerReads } = slowStore();
    const book = frameTokenBook(store, 20);
    const asked = book.ask(3);
    answerReads();
    expect(await asked).toBeNull();
    await book.register(3, 'a');
    const released = book.release(3, 'a');
    answerReads();
    await released;
    expect(data.has(3)).toBe(false);
    const later = book.ask(3);
    answerReads();
    expect(await later).toBeNull();
  });

  it('keeps the newer token when an older pick releases late', async () => {
    const { store, answerReads } = slowStore();
    const book = frameTokenBook(store, 20);
    await book.register(5, 'old');
    await book.register(5, 'new');
    const released = book.release(5, 'old');
    answerReads();
    await released;
    expect(await book.ask(5)).toBe('new');
  });
});
