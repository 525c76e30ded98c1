import type { Verdict } from '../runtime/match';
import { outcomeInWords, toneOf } from './words';

// The short flash test mode draws on the page (issue 13): the element outlined and a label naming
// the metric(s), "Counts for Shares". It lives in a closed shadow root on a host that ignores the
// pointer, so the page works as before under it; the host exists only while a flash shows.

export const FLASH_TAG = 'goalpost-test-flash';
/** How long a flash shows, fading out over its last quarter: long enough to read two lines of reasons. */
export const FLASH_MS = 2600;

const COLOURS: Record<ReturnType<typeof toneOf>, string> = {
  counts: '#2b8a3e',
  late: '#b45309',
  already: '#5c6370',
  'not-counted': '#b45309',
};
const ICONS: Record<ReturnType<typeof toneOf>, string> = { counts: '✓', late: '◷', already: '↺', 'not-counted': '✕' };

// Inline `!important` beats every page rule on the host (`* { all: unset !important }` too) and is set
// through CSSOM, which a page's `style-src` CSP does not block.
const HOST_STYLE: Record<string, string> = {
  all: 'initial', display: 'block', position: 'fixed', inset: '0', width: '100%', height: '100%', margin: '0', padding: '0',
  border: '0', background: 'transparent', 'pointer-events': 'none', 'z-index': '2147483647', transform: 'none',
  filter: 'none', opacity: '1', visibility: 'visible', overflow: 'visible', 'color-scheme': 'normal',
};

export function createFlasher(doc: Document): Flasher {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const mount = (): ShadowRoot => {
    if (host && shadow && host.isConnected) return shadow;
    host = doc.createElement(FLASH_TAG);
    style(host, HOST_STYLE);
    shadow = host.attachShadow({ mode: 'closed' });
    doc.documentElement.append(host);
    raiseToTopLayer(host);
    return shadow;
  };
  const unmount = () => {
    host?.remove();
    host = null;
    shadow = null;
  };

  return {
    flash(target, outcomes) {
      if (outcomes.length === 0) return;
      const root = mount();
      const view = doc.defaultView!;
      const group = drawFlash(doc, target.getBoundingClientRect(), { width: view.innerWidth, height: view.innerHeight }, outcomes);
      root.append(group);
      try {
        group.animate([{ opacity: 1 }, { opacity: 1, offset: 0.75 }, { opacity: 0 }], { duration: FLASH_MS, fill: 'forwards' });
      } catch {
        // No animation: it still goes away on time.
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        group.remove();
        if (shadow && shadow.childElementCount === 0) unmount();
      }, FLASH_MS);
      timers.add(timer);
    },
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      unmount();
    },
  };
}

/** One flash: the element's outline and its label above it (below when there is no room), in the viewport. */
function drawFlash(doc: Document, box: DOMRect, viewport: { width: number; height: number }, outcomes: readonly FlashOutcome[]): HTMLElement {
  const main = outcomes.some((outcome) => outcome.verdict.counts) ? 'counts' : toneOf(outcomes[0]!.verdict);
  const group = doc.createElement('div');
  group.setAttribute('role', 'status');
  const outline = doc.createElement('div');
  style(outline, {
    position: 'fixed', left: `${box.left - 3}px`, top: `${box.top - 3}px`, width: `${box.width + 6}px`, height: `${box.height + 6}px`,
    'box-sizing': 'border-box', border: `3px solid ${COLOURS[main]}`, 'border-radius': '6px',
    background: `color-mix(in srgb, ${COLOURS[main]} 14%, transparent)`, 'pointer-events': 'none',
  });
  const label = doc.createElement('div');
  const below = box.top < 28 * outcomes.length + 12;
  style(label, {
    position: 'fixed', left: `${clamp(box.left - 3, 4, viewport.width - 364)}px`,
    ...(below ? { top: `${Math.min(box.bottom + 6, viewport.height - 28 * outcomes.length - 8)}px` } : { bottom: `${viewport.height - box.top + 6}px` }),
    'max-width': '360px', padding: '5px 9px', 'border-radius': '6px', background: '#1f2937', color: '#fff',
    font: '600 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif', 'box-shadow': '0 3px 10px rgb(0 0 0 / .3)',
    'pointer-events': 'none', 'white-space': 'normal', 'overflow-wrap': 'anywhere', 'text-align': 'left', 'letter-spacing': 'normal',
  });
  for (const outcome of outcomes) {
    const line = doc.createElement('div');
    const tone = toneOf(outcome.verdict);
    const icon = doc.createElement('span');
    icon.textContent = `${ICONS[tone]} `;
    style(icon, { color: tone === 'counts' ? '#8ce99a' : '#ffc078' });
    line.append(icon, doc.createTextNode(outcomeInWords(outcome)));
    label.append(line);
  }
  group.append(outline, label);
  return group;
}

/**
 * The top layer escapes transformed ancestors, modal dialogs and every z-index of the page, unless a
 * page rule for `::backdrop` would paint over the whole page under it (as the picker's overlay does).
 */
function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    host.popover = 'manual';
    host.showPopover();
    const backdrop = host.ownerDocument.defaultView?.getComputedStyle(host, '::backdrop');
    const paints = backdrop && (!/^(transparent|rgba\(.*,\s*0\))$/.test(backdrop.backgroundColor) || backdrop.backgroundImage !== 'none');
    if (paints) host.hidePopover();
  } catch {
    // Not in the top layer then: the fixed position and top z-index still apply.
  }
  if (!host.matches(':popover-open')) host.removeAttribute('popover');
}

function style(element: HTMLElement, properties: Record<string, string>): void {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value, 'important');
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

export interface FlashOutcome {
  metricName: string;
  verdict: Verdict;
}

export interface Flasher {
  /** Flashes the outcomes of one event on `target` (what was clicked, or the submitted form). */
  flash(target: Element, outcomes: readonly FlashOutcome[]): void;
  /** Removes every flash and the host at once. */
  dispose(): void;
}
