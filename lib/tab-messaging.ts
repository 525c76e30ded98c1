import { browser } from 'wxt/browser';
import type { ProtocolMap } from './messaging';

// Apart from lib/messaging.ts, which declares the protocol: this needs the extension API polyfill,
// which the picker's frame (it only asks the background for its token) would otherwise load and
// run on every pick before it can answer (issue 11 "ready").

/** The messages a tab's content script answers. */
type TabMessage = 'highlightInPicker' | 'stopPicker' | 'pickerStatus' | 'pickerPopupClosed' | 'stopTestMode' | 'testModeReset';

let nextId = Math.floor(Math.random() * 10_000);

/**
 * `sendMessage(type, data, tabId)` for a tab, through the promise API. @webext-core/messaging 4
 * sends to tabs with `chrome.tabs.sendMessage`'s callback and never reads `runtime.lastError`, so
 * Chrome logs "Unchecked runtime.lastError: Could not establish connection" (shown to users on
 * chrome://extensions) for every message to a tab that has no picker (issue 15). Same wire format,
 * so the content script's `onMessage` answers it; a tab without a listener rejects, quietly.
 */
export async function sendToTab<K extends TabMessage>(type: K, data: Parameters<ProtocolMap[K]>[0], tabId: number): Promise<ReturnType<ProtocolMap[K]>> {
  const message = { id: nextId++, type, data, timestamp: Date.now() };
  const reply = (await browser.tabs.sendMessage(tabId, message)) as { res?: unknown; err?: { message?: string } } | undefined;
  if (!reply) throw new Error('The tab did not answer.');
  if (reply.err) throw new Error(reply.err.message ?? 'The tab could not answer.');
  return reply.res as ReturnType<ProtocolMap[K]>;
}
