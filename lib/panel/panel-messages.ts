import { onMessage, type PickerStatus } from '@/lib/messaging';

// @webext-core/messaging allows one listener per message type in a JS context, and several parts of
// the panel want the same news (the tab lookup, the picker button): one listener each, fanned out here.

type Listener<K extends PanelMessage> = (data: Payloads[K], sender: { tab?: { id?: number } }) => void;

const listeners: { [K in PanelMessage]: Set<Listener<K>> } = { pageAccessChanged: new Set(), pickerChanged: new Set() };
const installed = new Set<PanelMessage>();

/** Subscribes to a background/picker message in the panel; returns the unsubscribe. */
export function onPanelMessage<K extends PanelMessage>(type: K, listener: Listener<K>): () => void {
  if (!installed.has(type)) {
    installed.add(type);
    onMessage(type, ({ data, sender }) => {
      for (const each of [...listeners[type]]) (each as Listener<K>)(data as Payloads[K], sender);
    });
  }
  listeners[type].add(listener);
  return () => void listeners[type].delete(listener);
}

interface Payloads {
  pageAccessChanged: { tabId: number };
  pickerChanged: PickerStatus;
}

export type PanelMessage = keyof Payloads;
