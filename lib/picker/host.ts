import { markOwn } from './own';

// The picker's element in the page: a plain `div` holding a closed shadow root (issue 11 item 8).
// A custom element name would let the page define it before picking starts, run its constructor
// inside our `createElement` and take the closed root through `attachInternals()`; a built-in
// element cannot be defined or upgraded. Its only attributes are ours; every style it has is inline
// and `!important`, which no page rule can beat (set through CSSOM, which a `style-src` CSP allows).

/** Read by the end-to-end tests to find the host; nothing in Goalpost relies on it (the page could copy it). */
export const HOST_MARK = 'data-goalpost-picker';

const HOST_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', position: 'fixed', inset: '0', width: '100%', height: '100%',
  'max-width': 'none', 'max-height': 'none', 'min-width': '0', 'min-height': '0', margin: '0', padding: '0', border: '0',
  overflow: 'visible', background: 'transparent', 'pointer-events': 'none', 'z-index': '2147483647', transform: 'none',
  translate: 'none', rotate: 'none', scale: 'none', filter: 'none', 'backdrop-filter': 'none', opacity: '1', visibility: 'visible',
  'clip-path': 'none', mask: 'none', 'content-visibility': 'visible', contain: 'none', direction: 'ltr', 'unicode-bidi': 'normal',
  'color-scheme': 'normal',
};
/** The style of the frames inside the closed shadow root, which the page cannot reach: both cover the host. */
export const FRAME_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', position: 'absolute', inset: '0', width: '100%', height: '100%', border: '0', margin: '0',
  padding: '0', background: 'transparent', 'pointer-events': 'auto', 'color-scheme': 'normal', visibility: 'visible',
};

/** Under the frames, a box that takes the pointer while they load again (see overlay.ts). */
export const CURTAIN_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', position: 'absolute', inset: '0', 'pointer-events': 'auto', background: 'transparent',
};

/** Backdrop properties that would draw something; each with the value that draws nothing. */
const QUIET_BACKDROP: Record<string, (value: string) => boolean> = {
  'background-color': (value) => value === 'transparent' || /^rgba\(.*,\s*0\)$/.test(value),
  'background-image': (value) => value === 'none',
  'backdrop-filter': (value) => value === 'none' || value === '',
  filter: (value) => value === 'none',
  'box-shadow': (value) => value === 'none',
};

export interface Host {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Whether the host goes into the top layer (a manual popover): false when the page's `::backdrop` rule would paint over it. */
  topLayer: boolean;
  /** Puts the host's attributes and style back exactly as Goalpost set them; true when anything had changed. */
  restore(): boolean;
  /** Whether its attributes and style are still exactly Goalpost's. */
  intact(): boolean;
}

export function createHost(doc: Document): Host {
  const element = doc.createElement('div');
  markOwn(element);
  const shadow = element.attachShadow({ mode: 'closed' });
  const hasPopover = typeof element.showPopover === 'function';
  let styleText = '';

  const restore = (): boolean => {
    const changed = !intact();
    if (!changed) return false;
    for (const name of element.getAttributeNames()) {
      if (!expected(name)) element.removeAttribute(name);
    }
    element.setAttribute(HOST_MARK, '');
    if (host.topLayer) element.setAttribute('popover', 'manual');
    else element.removeAttribute('popover');
    element.removeAttribute('style');
    applyStyle(element, HOST_STYLE);
    counterZoom(element);
    styleText = element.getAttribute('style') ?? '';
    return true;
  };
  const expected = (name: string) => name === HOST_MARK || name === 'style' || (name === 'popover' && host.topLayer);
  const intact = (): boolean => {
    if (element.getAttribute('style') !== styleText || element.getAttribute(HOST_MARK) !== '') return false;
    if (element.isConnected && Math.abs(effectiveZoom(element) - 1) > 0.001) return false;
    if (host.topLayer !== (element.getAttribute('popover') === 'manual')) return false;
    const names = element.getAttributeNames();
    return names.length === (host.topLayer ? 3 : 2) && names.every(expected);
  };
  const host: Host = { element, shadow, topLayer: hasPopover, restore, intact };
  restore();
  return host;
}

/** Whether a page rule for `::backdrop` would draw over the page under the host while it is in the top layer. */
export function backdropPaints(element: HTMLElement): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element, '::backdrop');
  if (!style) return false;
  return Object.entries(QUIET_BACKDROP).some(([name, quiet]) => !quiet(style.getPropertyValue(name)));
}

export function applyStyle(element: HTMLElement, style: Record<string, string>): void {
  for (const [name, value] of Object.entries(style)) element.style.setProperty(name, value, 'important');
}

/**
 * A zoomed ancestor (`html`, or the page's dialog the host sits in) would zoom the frame too, so its
 * pixels would no longer be the page's: undo it. Measured on the parent, whose zoom the host inherits.
 */
export function counterZoom(element: HTMLElement): void {
  const zoom = parentZoom(element);
  if (Number.isFinite(zoom) && zoom > 0 && zoom !== 1) element.style.setProperty('zoom', String(1 / zoom), 'important');
  else element.style.removeProperty('zoom');
}

function parentZoom(element: HTMLElement): number {
  const parent = element.parentElement;
  return parent ? effectiveZoom(parent) : 1;
}

/** The element's zoom with its ancestors' (`currentCSSZoom`, in both browsers since 2024; its own computed zoom before). */
function effectiveZoom(element: Element): number {
  const current = (element as { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof current === 'number') return current;
  const view = element.ownerDocument.defaultView;
  return view ? Number.parseFloat(view.getComputedStyle(element).getPropertyValue('zoom')) || 1 : 1;
}
