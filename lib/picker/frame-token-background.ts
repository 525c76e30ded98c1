import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';

// The background's side of the picker frame's token (see frame-token.ts, issue 11 item 8).

/** Where the background keeps each tab's token: session storage outlives a sleeping service worker, and content scripts cannot read it. */
const tokenKey = (tabId: number) => `session:pickerFrame.${tabId}` as const;

/** A frame that asks before its picker's registration arrived (they come from two processes) waits this long for it. */
const REGISTRATION_WAIT_MS = 1000;

/** Background: answers the picker's and the frame's token messages. */
export function registerPickerFrameTokens(): void {
  const book = frameTokenBook({
    get: (tabId) => storage.getItem<string>(tokenKey(tabId)),
    set: (tabId, token) => storage.setItem(tokenKey(tabId), token),
    remove: (tabId) => storage.removeItem(tokenKey(tabId)),
  });
  onMessage('registerPickerFrame', async ({ data, sender }) => {
    if (isPageTopFrame(sender)) await book.register(sender.tab.id, data.token);
  });
  onMessage('releasePickerFrame', async ({ data, sender }) => {
    if (isPageTopFrame(sender)) await book.release(sender.tab.id, data.token);
  });
  onMessage('pickerFrameToken', ({ sender }) => isPickerFrame(sender, extensionHosts()) ? book.ask(sender.tab.id) : null);
  browser.tabs.onRemoved.addListener((tabId) => void book.forget(tabId));
}

/** Where a book keeps each tab's token beyond the worker's life. */
export interface TokenStore {
  get(tabId: number): Promise<string | null>;
  set(tabId: number, token: string): Promise<void>;
  remove(tabId: number): Promise<void>;
}

/**
 * Each tab's token. The frame's question and the picker's registration come from two processes, in
 * either order: a question that finds no token waits up to `waitMs` for the registration.
 */
export function frameTokenBook(store: TokenStore, waitMs = REGISTRATION_WAIT_MS) {
  const waiting = new Map<number, Array<(token: string) => void>>();
  /**
   * This worker's own copy of each tab's token: the frame's question is answered without a trip to
   * storage, which the picker's start waits on (issue 11 "Performance"). Storage keeps them for a
   * worker that went to sleep and woke up with an empty map.
   */
  const known = new Map<number, string>();
  return {
    async register(tabId: number, token: string): Promise<void> {
      known.set(tabId, token);
      for (const resolve of waiting.get(tabId) ?? []) resolve(token);
      waiting.delete(tabId);
      await store.set(tabId, token);
    },
    async release(tabId: number, token: string): Promise<void> {
      if (known.get(tabId) === token) known.delete(tabId);
      if ((await store.get(tabId)) === token) await store.remove(tabId);
    },
    async ask(tabId: number): Promise<string | null> {
      const stored = known.get(tabId) ?? await store.get(tabId);
      // The registration may have arrived while storage answered, before storage had it.
      const token = known.get(tabId) ?? stored;
      if (token) return token;
      return new Promise<string | null>((resolve) => {
        waiting.set(tabId, [...(waiting.get(tabId) ?? []), resolve]);
        setTimeout(() => resolve(null), waitMs);
      });
    },
    async forget(tabId: number): Promise<void> {
      known.delete(tabId);
      await store.remove(tabId);
    },
  };
}

/** Whether the tab is picking now: its picker holds a frame token until it stops. */
export async function isPicking(tabId: number): Promise<boolean> {
  return (await storage.getItem<string>(tokenKey(tabId))) !== null;
}

/** A content script in a tab's top frame (a web page, not one of our own pages). */
export function isPageTopFrame(sender: Sender): sender is Sender & { tab: { id: number } } {
  return sender.tab?.id !== undefined && sender.frameId === 0 && !/^(chrome|moz)-extension:/.test(sender.url ?? '');
}

/** Goalpost's picker frame, inside a tab (a page's frame has the page's URL, never ours). */
export function isPickerFrame(sender: Sender, hosts: readonly string[]): sender is Sender & { tab: { id: number } } {
  if (sender.tab?.id === undefined || sender.frameId === 0 || !sender.url) return false;
  const url = new URL(sender.url);
  return /^(chrome|moz)-extension:$/.test(url.protocol) && hosts.includes(url.host) && url.pathname === '/picker-frame.html';
}

/** Our extension's hosts: its id and, in Firefox, the per-install UUID of its moz-extension:// URLs. */
function extensionHosts(): string[] {
  return [browser.runtime.id, new URL(browser.runtime.getURL('/')).host];
}

interface Sender {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
}
