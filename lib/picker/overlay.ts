import { HANDSHAKE, type FrameInput, type PickerOutput } from './protocol';

export const HOST_TAG = 'goalpost-picker';

// Inline `!important` beats every page rule, including `* { all: unset !important }`; set through
// CSSOM, which a page's `style-src` CSP does not block.
const HOST_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', position: 'fixed', inset: '0', width: '100%', height: '100%',
  'max-width': 'none', 'max-height': 'none', margin: '0', padding: '0', border: '0', overflow: 'visible',
  background: 'transparent', 'pointer-events': 'none', 'z-index': '2147483647', transform: 'none',
  filter: 'none', opacity: '1', visibility: 'visible', 'clip-path': 'none', 'color-scheme': 'normal',
};
const FRAME_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', width: '100%', height: '100%', border: '0', margin: '0', padding: '0',
  background: 'transparent', 'pointer-events': 'auto', 'color-scheme': 'normal', visibility: 'visible',
};
/** A page that keeps removing the overlay gets this many new ones, then the picker gives up. */
const MAX_REMOUNTS = 20;

/**
 * Puts the picker's frame (an extension page, `frameUrl`) over the viewport of `doc`, inside a
 * closed shadow root, and connects to it over a private MessagePort. The frame takes every pointer
 * and key event, so page handlers never run while picking, even capture listeners on `window`
 * registered before us. If the page removes the overlay, it comes back with a fresh frame and port.
 * Everything goes when `signal` aborts.
 */
export function mountOverlay(doc: Document, frameUrl: string, events: OverlayEvents, signal: AbortSignal): Overlay {
  const { host, shadow, attach: attachHost } = createHost(doc);
  let frame: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let remounts = 0;

  const disconnect = () => {
    port?.close();
    port = null;
  };
  const load = () => {
    disconnect();
    frame?.remove();
    const token = crypto.randomUUID();
    const next = doc.createElement('iframe');
    applyStyle(next, FRAME_STYLE);
    next.setAttribute('allowtransparency', 'true');
    next.src = `${frameUrl}#${token}`;
    next.addEventListener('load', () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<FrameInput>) => events.onInput(event.data);
      port = channel.port1;
      // Only the extension's origin may receive the port; the token proves to the frame that the
      // port comes from us (the page cannot read the frame's URL inside our closed shadow root).
      next.contentWindow?.postMessage({ [HANDSHAKE]: token }, new URL(frameUrl).origin, [channel.port2]);
    }, { once: true, signal });
    frame = next;
    shadow.append(next);
  };
  const attach = () => {
    attachHost();
    load();
  };

  const guard = new MutationObserver(() => {
    if (host.parentNode === doc.documentElement) return;
    remounts++;
    if (remounts > MAX_REMOUNTS) {
      events.onLost();
      return;
    }
    attach();
  });
  attach();
  guard.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    guard.disconnect();
    disconnect();
    host.remove();
  }, { once: true });

  return {
    host,
    send(message) {
      port?.postMessage(message);
    },
    focus() {
      frame?.focus();
      frame?.contentWindow?.focus();
    },
    hide() {
      host.style.setProperty('visibility', 'hidden', 'important');
      frame?.style.setProperty('pointer-events', 'none', 'important');
    },
  };
}

/**
 * Our element in the page: a host for a closed shadow root, sized to the viewport, ignoring the
 * pointer, styled so no page rule reaches it. `attach` puts it (back) on top of the page.
 */
export function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot; attach(): void } {
  const host = doc.createElement(HOST_TAG);
  applyStyle(host, HOST_STYLE);
  counterZoom(host, doc);
  const shadow = host.attachShadow({ mode: 'closed' });
  const attach = () => {
    doc.documentElement.append(host);
    // The top layer escapes transformed or filtered ancestors and every z-index on the page.
    if (typeof host.showPopover !== 'function') return;
    host.popover = 'manual';
    try {
      host.showPopover();
      // ...unless a page rule for `::backdrop` would paint over the whole page under it.
      if (backdropPaints(host)) host.hidePopover();
    } catch {
      // Not in the top layer then: the fixed position and top z-index still apply.
    }
    if (!host.matches(':popover-open')) host.removeAttribute('popover');
  };
  return { host, shadow, attach };
}

/** Backdrop properties that would draw something; each with the value that draws nothing. */
const QUIET_BACKDROP: Record<string, (value: string) => boolean> = {
  'background-color': (value) => value === 'transparent' || /^rgba\(.*,\s*0\)$/.test(value),
  'background-image': (value) => value === 'none',
  'backdrop-filter': (value) => value === 'none' || value === '',
  filter: (value) => value === 'none',
  'box-shadow': (value) => value === 'none',
};

function backdropPaints(host: HTMLElement): boolean {
  const style = host.ownerDocument.defaultView?.getComputedStyle(host, '::backdrop');
  if (!style) return false;
  return Object.entries(QUIET_BACKDROP).some(([name, quiet]) => !quiet(style.getPropertyValue(name)));
}

function applyStyle(element: HTMLElement, style: Record<string, string>): void {
  for (const [name, value] of Object.entries(style)) element.style.setProperty(name, value, 'important');
}

/** A zoomed `html` would zoom the overlay too; undo it so the frame's pixels are the viewport's. */
function counterZoom(host: HTMLElement, doc: Document): void {
  const view = doc.defaultView;
  const zoom = view ? Number.parseFloat(view.getComputedStyle(doc.documentElement).getPropertyValue('zoom')) : 1;
  if (Number.isFinite(zoom) && zoom > 0 && zoom !== 1) host.style.setProperty('zoom', String(1 / zoom), 'important');
}

export interface OverlayEvents {
  onInput(input: FrameInput): void;
  /** The page removed the overlay too many times; picking cannot go on. */
  onLost(): void;
}

export interface Overlay {
  host: HTMLElement;
  send(message: PickerOutput): void;
  focus(): void;
  /** Out of sight and out of the pointer's way at once, before it is removed. */
  hide(): void;
}
