import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import { isFrameReport, type FrameMessage, type OverlayMessage } from './frame-reports';
import { registerFrameToken, releaseFrameToken } from './frame-token';
import { guardOverlay, type Size } from './guard';
import { applyStyle, createHost, CURTAIN_STYLE, FRAME_STYLE } from './host';
import { commandForKey } from './keys';
import { HANDSHAKE, type FrameInput, type PickerOutput } from './protocol';
import { watchReady } from './ready-watch';

/** Shown in the frame when a click is refused because the frame was not exactly over the page. */
export const CLICK_REFUSED = 'That click was not picked: the page had moved Goalpost’s picker out of place. It is back now; click again.';
export const POPUP_CLOSED = 'This page opened a window while you were picking; Goalpost closed it.';

/**
 * Puts the picker's frame (an extension page, `frameUrl`) over the viewport of `doc`, inside a
 * closed shadow root, and connects to it over a private MessagePort. The frame takes every pointer
 * and key event, so page handlers never run while picking, even capture listeners on `window`
 * registered before us. The guard (guard.ts) keeps the overlay in place, on top and focused
 * whatever the page does, and stops picking with `onLost(reason)` when the page will not let go.
 * Everything goes when `signal` aborts.
 */
export function mountOverlay(doc: Document, frameUrl: string, events: OverlayEvents, signal: AbortSignal): Overlay {
  const host = createHost(doc);
  // Under the picker's frame lies an empty frame of the page's own origin (about:blank), drawn and
  // hit-tested in the page's own process. It takes the pointer while the picker's frame (another
  // process) loads or reloads, when the browser would otherwise hand the events to the page, and
  // it holds the keyboard: focus moves in and out of it synchronously, leaving no gap for a key to
  // reach the page. The page cannot reach it: frames in a shadow tree are not in `window.frames`.
  const shield = doc.createElement('iframe');
  applyStyle(shield, FRAME_STYLE);
  shield.tabIndex = -1;
  shield.setAttribute('aria-hidden', 'true');
  // And under both, a plain box: Firefox reloads frames that move (into the page's modal dialog), and
  // until they have loaded again the pointer lands here, on the overlay, not on the page's elements.
  const curtain = doc.createElement('div');
  applyStyle(curtain, CURTAIN_STYLE);
  // Stacked by z-index, not tree order: the picker's frame comes first in the tree, so that when the
  // host enters the page the browser starts its navigation (the slow part of the start, in another
  // process) before it builds the shield's.
  curtain.style.setProperty('z-index', '0', 'important');
  shield.style.setProperty('z-index', '1', 'important');
  host.shadow.append(curtain, shield);
  let armed: Window | null = null;
  /** A key for the picker, pressed outside its frame (in the shield, or in the page while it held the focus). */
  const key = (event: KeyboardEvent) => {
    const command = commandForKey(event);
    if (!command || hidden) return;
    event.preventDefault();
    events.onInput({ type: 'command', command });
  };
  /** Keys pressed while the shield holds the focus are the picker's commands, as in the picker's frame. */
  const armShield = () => {
    const view = shield.contentWindow;
    if (!view || view === armed) return;
    armed = view;
    view.addEventListener('keydown', key, { capture: true, signal });
  };
  // The origin the handshake may go to: only our own extension page can receive the port. In
  // Chromium the frame is loaded from its per-session dynamic URL (use_dynamic_url) but its
  // document has the extension's own origin, which getURL('/') gives.
  const frameOrigin = new URL(browser.runtime.getURL('/')).origin;
  let frame: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let token: Promise<string | null> = Promise.resolve(null);
  let reported: Size | null = null;
  /** Bumped for every new frame: a slower answer for an older one is ignored. */
  let generation = 0;
  /** The host was moved with its frame (Firefox reloads it): the frame's next load is ours, not a navigation by the page. */
  let reloading = false;
  let hidden = false;
  // Until the first frame says it is ready; from then on the guard alone watches it.
  const readyWatch = watchReady(doc.defaultView!, { replace: () => load(), lost: (reason) => events.onLost(reason) });

  const disconnect = () => {
    port?.close();
    port = null;
    reported = null;
  };

  const connect = async (target: HTMLIFrameElement, mine: number) => {
    const secret = await token;
    if (mine !== generation || signal.aborted || !secret) return;
    disconnect();
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<FrameMessage>) => receive(event.data);
    port = channel.port1;
    // The frame compares the token with the one the background holds for this tab (frame-token.ts):
    // the page never sees it, so it can neither forge this message nor answer it.
    target.contentWindow?.postMessage({ [HANDSHAKE]: secret }, frameOrigin, [channel.port2]);
  };

  /** A new frame with a new token; the old one, if any, goes. */
  const load = () => {
    const mine = ++generation;
    disconnect();
    frame?.remove();
    token = registerFrameToken().catch(() => {
      if (mine === generation && !signal.aborted) events.onLost('Goalpost’s picker could not start on this page: its background page did not answer.');
      return null;
    });
    const next = doc.createElement('iframe');
    applyStyle(next, FRAME_STYLE);
    // The pointer goes to the shield until this frame has loaded.
    next.style.setProperty('pointer-events', 'none', 'important');
    next.setAttribute('allowtransparency', 'true');
    next.src = frameUrl;
    let loads = 0;
    readyWatch.frameAdded();
    next.addEventListener('load', () => {
      if (mine !== generation || hidden) return;
      readyWatch.frameLoaded();
      // Takes the pointer from the shield now: the browser needs a frame or two to route input to a
      // frame that became hit-testable, which passes while the frame paints before its 'ready'.
      next.style.setProperty('pointer-events', 'auto', 'important');
      loads++;
      if (loads === 1 || reloading) {
        reloading = false;
        void connect(next, mine);
        return;
      }
      // Loaded again without us moving it: someone navigated our frame. A new one replaces it.
      if (guard.strike('replaced')) load();
    }, { signal });
    next.style.setProperty('z-index', '2', 'important');
    frame = next;
    host.shadow.prepend(next);
  };

  const notice = (text: string | null) => port?.postMessage({ type: 'notice', text } satisfies OverlayMessage);

  const receive = (message: FrameMessage) => {
    if (signal.aborted || hidden) return;
    if (isFrameReport(message)) {
      if (message.report === 'viewport') reported = { width: message.width, height: message.height };
      if (message.report === 'leaving' && !reloading) {
        // Unloaded while we did not ask for it: replaced before anything else can be shown in it.
        if (guard.strike('replaced')) load();
        return;
      }
      guard.report(message);
      return;
    }
    if (message.type === 'click' && !guard.clickAllowed()) {
      notice(CLICK_REFUSED);
      return;
    }
    if (message.type === 'click') notice(null);
    if (message.type === 'ready') readyWatch.ready();
    events.onInput(message);
  };

  const guard = guardOverlay({
    doc,
    host,
    frame: () => frame,
    frameViewport: () => reported,
    remount: () => {
      guard.place();
      load();
    },
    frameReloading: () => {
      reloading = true;
      frame?.style.setProperty('pointer-events', 'none', 'important');
    },
    focus: () => {
      armShield();
      shield.focus({ preventScroll: true });
      shield.contentWindow?.focus();
    },
    key,
    forward: (input) => receive(input),
    warn: (text) => notice(text),
    lost: (reason) => events.onLost(reason),
  }, signal);

  load();
  guard.place();
  const stopListening = onMessage('pickerPopupClosed', () => notice(POPUP_CLOSED));
  signal.addEventListener('abort', stopListening, { once: true });
  signal.addEventListener('abort', () => {
    readyWatch.stop();
    disconnect();
    host.element.remove();
    void token.then((secret) => secret && releaseFrameToken(secret));
  }, { once: true });

  return {
    host: host.element,
    send(message) {
      port?.postMessage(message satisfies OverlayMessage);
    },
    focus() {
      guard.focusFrame();
    },
    hide() {
      hidden = true;
      readyWatch.stop();
      guard.stop();
      host.element.style.setProperty('visibility', 'hidden', 'important');
      frame?.style.setProperty('pointer-events', 'none', 'important');
    },
  };
}

export interface OverlayEvents {
  onInput(input: FrameInput): void;
  /** The page will not let the overlay work (it keeps removing, hiding or covering it); `reason` is for the user. */
  onLost(reason: string): void;
}

export interface Overlay {
  host: HTMLElement;
  send(message: PickerOutput): void;
  focus(): void;
  /** Out of sight and out of the pointer's way at once, before it is removed. */
  hide(): void;
}
