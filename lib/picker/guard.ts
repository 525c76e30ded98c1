import type { FrameReport } from './frame-reports';
import type { FrameInput } from './protocol';
import { backdropPaints, type Host } from './host';

// Keeps the picker's overlay in charge of the page's events while picking (issue 11 item 8): its
// host stays in the document, untouched, rendered, unscaled, on top of the top layer (inside the
// page's modal dialog when one blocks the rest of the page) and holding the keyboard focus. What
// the page undoes is put back before the next frame is painted: attribute and DOM changes from a
// MutationObserver (its callback runs before rendering), popovers, dialogs and focus from their
// events, everything else from a check at the start of every animation frame. A page that keeps
// at it is stopped with a message in plain words. Focus is held as well as the page lets itself be
// watched: see README "Picker isolation" for what it cannot do (user activation).

/** Past this many fixes of one kind within WINDOW_MS, the page is fighting: picking stops. */
const LIMITS: Record<Strike, number> = { removed: 20, hidden: 40, covered: 40, moved: 40, replaced: 10 };
const WINDOW_MS = 5000;
/** Trusted input that should never reach the page while the overlay is in charge. */
const LEAKS = ['pointerdown', 'pointerup', 'pointermove', 'pointerover', 'mousedown', 'mouseup', 'mousemove', 'mouseover', 'click',
  'dblclick', 'auxclick', 'contextmenu', 'wheel', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress'];
/** Focus moves undone inside one page call (a page that refocuses itself on blur would loop). */
const SYNC_REFOCUSES = 3;
/** Pixels of tolerance when comparing the frame with the viewport (rounding of zoomed sizes). */
const TOLERANCE = 1;

export const FULLSCREEN_UNDONE = 'This page went full screen while you were picking; Goalpost undid it.';

export const GUARD_REASONS: Record<Strike, string> = {
  removed: 'The page keeps removing Goalpost’s picker, so picking stopped.',
  hidden: 'The page keeps hiding Goalpost’s picker, so picking stopped.',
  covered: 'The page keeps covering Goalpost’s picker with its own dialogs, so picking stopped.',
  moved: 'The page keeps moving Goalpost’s picker out of place, so picking stopped.',
  replaced: 'The page keeps replacing Goalpost’s picker frame, so picking stopped.',
};

export function guardOverlay(options: GuardOptions, signal: AbortSignal): Guard {
  const { doc, host } = options;
  const view = doc.defaultView!;
  const element = host.element;
  const strikes = new Map<Strike, number[]>();
  /** The page's modal dialog the host sits in (only there is it not inert), or null: the host is `html`'s last child. */
  let modal: Element | null = null;
  let lastFullscreen: Element | null = doc.fullscreenElement;
  const fullscreenBefore = doc.fullscreenElement !== null;
  let reasserting = false;
  let pendingReassert = false;
  let syncRefocuses = 0;
  let backdropChecked = false;
  let stopped = false;
  let frameRequest = 0;

  const stop = () => {
    stopped = true;
    view.cancelAnimationFrame(frameRequest);
    hostObserver.disconnect();
    pageObserver.disconnect();
  };
  signal.addEventListener('abort', stop, { once: true });

  /** Counts a fix; false (and picking stops with its reason) once the page has forced too many. */
  const strike = (kind: Strike): boolean => {
    const now = performance.now();
    const recent = (strikes.get(kind) ?? []).filter((at) => now - at < WINDOW_MS);
    recent.push(now);
    strikes.set(kind, recent);
    if (recent.length <= LIMITS[kind]) return true;
    stop();
    options.lost(GUARD_REASONS[kind]);
    return false;
  };

  const parent = () => modal ?? doc.documentElement;

  const focusFrame = () => options.focus();
  /** The keyboard is in the page (not in another tab, window or the side panel) but not in our frame. */
  const focusStolen = () => doc.hasFocus() && !focusIsOn(doc, element);
  const refocus = () => {
    if (stopped || !focusStolen() || syncRefocuses >= SYNC_REFOCUSES) return;
    syncRefocuses++;
    queueMicrotask(() => (syncRefocuses = 0));
    focusFrame();
  };

  const showOnTop = () => {
    if (!host.topLayer) return;
    reasserting = true;
    try {
      if (element.matches(':popover-open')) element.hidePopover();
      element.showPopover();
      // In the top layer it gets a `::backdrop`, which a page rule may paint over the whole page:
      // then it stays a fixed box with the top z-index instead (no dialog of the page can be outdone then).
      if (!backdropChecked) {
        backdropChecked = true;
        if (backdropPaints(element)) {
          element.hidePopover();
          host.topLayer = false;
          host.restore();
        }
      }
    } catch {
      // Not connected or not a popover at this instant: the next check puts it back first.
    } finally {
      reasserting = false;
    }
  };

  /** Into the page's blocking modal dialog, or back to `html` once there is none. */
  const place = () => {
    modal = host.topLayer ? blockingModal(doc, element) : null;
    const target = parent();
    if (!target) return;
    if (element.parentNode !== target) {
      const before = options.frame()?.contentWindow;
      moveInto(target, element);
      // Firefox's `moveBefore` reloads frames; Chromium's keeps them.
      if (options.frame()?.contentWindow !== before) options.frameReloading();
    }
    host.restore();
    showOnTop();
    watchAncestors();
    focusFrame();
  };

  /** Something may have gone over the overlay (a dialog, a popover, fullscreen): back on top, once per page call. */
  const reassert = () => {
    if (pendingReassert || stopped) return;
    pendingReassert = true;
    queueMicrotask(() => {
      pendingReassert = false;
      if (stopped) return;
      const before = modal;
      place();
      if (modal !== before) strike('covered');
    });
  };

  /** Every check, each fixed on the spot; false when anything was out of place. */
  const check = (): boolean => {
    if (stopped) return true;
    let ok = true;
    if (!element.isConnected) {
      if (!strike('removed')) return false;
      modal = null;
      options.remount();
      return false;
    }
    if (element.parentNode !== parent() || (modal && !modal.matches(':modal'))) {
      ok = false;
      if (!strike('removed')) return false;
      place();
    }
    if (!host.intact()) {
      ok = false;
      if (!strike('hidden')) return false;
      host.restore();
      showOnTop();
    }
    if (host.topLayer && !element.matches(':popover-open')) {
      ok = false;
      if (!strike('covered')) return false;
      showOnTop();
    }
    if (host.topLayer) shownUnheard();
    if (doc.fullscreenElement !== lastFullscreen) {
      lastFullscreen = doc.fullscreenElement;
      ok = false;
      // Full screen entered while picking is the page spending the user's clicks (they all go to the
      // picker): undone. A page that was full screen before picking started stays so.
      if (lastFullscreen && !fullscreenBefore) {
        void doc.exitFullscreen().catch(() => undefined);
        options.warn(FULLSCREEN_UNDONE);
      }
      showOnTop();
    }
    if (!rendered(element)) {
      ok = false;
      if (!strike('hidden')) return false;
      place();
    }
    if (!host.topLayer && !framePlaced(doc, options.frame())) {
      ok = false;
      if (!strike('moved')) return false;
      // Out of the top layer (the page paints backdrops), a transformed ancestor moves the frame:
      // then a tinted page is the lesser harm, and the top layer puts it back in place.
      if (typeof element.showPopover === 'function') host.topLayer = true;
      host.restore();
      showOnTop();
    }
    if (focusStolen()) focusFrame();
    return ok;
  };

  const everyFrame = () => {
    check();
    if (!stopped) frameRequest = view.requestAnimationFrame(everyFrame);
  };

  /** What the page changed on the host itself is undone before it is ever painted. */
  const hostObserver = new MutationObserver(() => check());
  hostObserver.observe(element, { attributes: true });
  /** A dialog opening (its `open`), a popover or `inert` set anywhere, the host or an ancestor taken out. */
  const pageObserver = new MutationObserver((records) => {
    if (stopped) return;
    notePopovers(records);
    if (records.some((record) => record.type === 'attributes' && record.attributeName !== 'style' && record.attributeName !== 'class')) reassert();
    check();
  });
  const watchAncestors = () => {
    pageObserver.disconnect();
    pageObserver.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['open', 'popover', 'inert', 'hidden'] });
    // The host's ancestors' own style can zoom it, hide it or make it inert.
    for (let node: Element | null = parent(); node; node = composedParent(node)) {
      pageObserver.observe(node, { attributes: true });
    }
  };

  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) =>
    target.addEventListener(type, listener, { capture: true, signal });
  // A popover or dialog shown, fullscreen entered: they go into the top layer above the host.
  for (const type of ['beforetoggle', 'toggle']) {
    listen(view, type, (event) => {
      if (event.target !== element) reassert();
    });
    listen(element, type, (event) => {
      if (!reasserting && (event as ToggleEvent).newState === 'closed') reassert();
    });
  }
  listen(doc, 'fullscreenchange', reassert);
  // Focus taken by the page is given back at once (keys typed meanwhile would reach it), and the
  // overlay goes back on top: the focus may have gone into a dialog or popover over it, one in a
  // closed shadow root included, whose toggle no listener of ours hears. Not for a plain element of
  // the page's own document, outside any dialog, popover or full screen: nothing went over the
  // overlay, and moving it in the top layer for nothing has the browser route the next click to the
  // page (a page that takes the focus every few milliseconds heard the user's clicks on the overlay).
  listen(view, 'focusin', (event) => {
    // Our own frame took the focus: nothing to give back, nothing over the overlay.
    if (event.target === element) return;
    const focused = deepActiveElement(doc);
    refocus();
    const plain = focused !== null && focused.getRootNode() === doc && !composedClosest(focused, ':modal, :popover-open, :fullscreen');
    if (!plain) reassert();
  });
  // Input the page receives while picking got past the overlay (something of the page's is drawn
  // over it, or it holds the focus): the page's own handlers on its elements do not get it, a key
  // still acts in the picker, and the overlay goes back on top before the next event.
  // Aimed at the overlay itself, it is the browser still routing to the page for a frame after the
  // overlay moved or its frame (re)loaded: the move or click goes to the picker all the same.
  for (const type of LEAKS) {
    listen(view, type, (event) => {
      if (stopped || !event.isTrusted) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      if (event.type === 'keydown') options.key(event as KeyboardEvent);
      refocus();
      // Aimed at the overlay, nothing of the page's is over it there: putting it back on top would
      // only move it in the top layer again, and the browser then routes the next events to the
      // page once more (a loop that restyles the page on every move).
      if (event.composedPath().includes(element)) {
        const input = pointerInput(event);
        if (input) options.forward(input);
      } else if (!event.type.startsWith('key') && !onScrollbar(doc, event)) reassert();
    });
  }
  // Popovers the page shows without anyone hearing it (it swallows the toggle events): the page's
  // popovers are known from the start and as they are added, and looked at on every frame.
  const popovers = new Set<Element>(doc.querySelectorAll('[popover]'));
  const onTop = new WeakSet<Element>();
  const notePopovers = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.attributeName === 'popover' && record.target !== element) popovers.add(record.target as Element);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || node === element) continue;
        if ((node as Element).hasAttribute('popover')) popovers.add(node as Element);
        for (const inner of (node as Element).querySelectorAll('[popover]')) popovers.add(inner);
      }
    }
  };
  const shownUnheard = () => {
    for (const popover of popovers) {
      if (!popover.isConnected) {
        popovers.delete(popover);
        continue;
      }
      if (!popover.matches(':popover-open')) onTop.delete(popover);
      else if (!onTop.has(popover)) {
        onTop.add(popover);
        reassert();
      }
    }
  };

  return {
    place() {
      place();
      frameRequest = view.requestAnimationFrame(everyFrame);
    },
    check,
    clickAllowed() {
      return check() && framePlaced(doc, options.frame(), options.frameViewport());
    },
    report(report: FrameReport) {
      if (report.report === 'viewport') check();
      if (report.report === 'blur' && focusStolen()) {
        focusFrame();
        reassert();
      }
    },
    focusFrame,
    strike,
    stop,
  };
}

/**
 * A pointer event on the page's own scrollbars (right or bottom of the viewport), which the overlay
 * covering the viewport does not cover: nothing went over the overlay, so it is not put back on top
 * (that moved it in the top layer on every move along a scrollbar, and the browser then routed the
 * next moves to the page). Measured on the viewport, not the host, which a page may have hidden.
 */
function onScrollbar(doc: Document, event: Event): boolean {
  if (!('clientX' in event)) return false;
  const { clientX: x, clientY: y } = event as MouseEvent;
  // The viewport less its scrollbars (CSSOM: the root's client size, the body's in quirks mode).
  const root = doc.compatMode === 'BackCompat' ? doc.body : doc.documentElement;
  if (!root) return false;
  return x >= root.clientWidth || y >= root.clientHeight;
}

/** The picker's input for a pointer event that reached the overlay's own element in the page. */
function pointerInput(event: Event): FrameInput | null {
  const { clientX: x, clientY: y } = event as MouseEvent;
  if (event.type === 'pointermove') return { type: 'move', x, y };
  if (event.type === 'click' && (event as MouseEvent).button === 0) return { type: 'click', x, y };
  return null;
}

/** The topmost modal dialog of the page, the one everything outside of is inert; null when there is none. */
export function blockingModal(doc: Document, own: Element): Element | null {
  const view = doc.defaultView!;
  // Its backdrop covers the whole viewport: any point hits it, or what is inside it.
  const hit = deepElementAt(doc, view.innerWidth / 2, view.innerHeight / 2);
  const candidates = [
    hit && !composedContains(own, hit) ? hit : null,
    deepActiveElement(doc),
    [...doc.querySelectorAll('dialog:modal')].at(-1) ?? null,
  ];
  for (const candidate of candidates) {
    const dialog = candidate && composedClosest(candidate, 'dialog');
    if (dialog && dialog.matches(':modal') && !composedContains(own, dialog)) return dialog;
  }
  return null;
}

/** Whether the frame lies exactly over the viewport and, when it says so, is drawn at the page's scale. */
export function framePlaced(doc: Document, frame: HTMLIFrameElement | null, reported?: Size | null): boolean {
  if (!frame?.isConnected) return false;
  const rect = frame.getBoundingClientRect();
  const viewport = viewportSize(doc);
  const near = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;
  if (!near(rect.x, 0) || !near(rect.y, 0) || !near(rect.width, viewport.width) || !near(rect.height, viewport.height)) return false;
  if (reported === undefined) return true;
  return reported !== null && near(reported.width, rect.width) && near(reported.height, rect.height);
}

/** The viewport without its scrollbars, in the page's CSS px: what a fixed `inset: 0` box covers. */
export function viewportSize(doc: Document): Size {
  const root = doc.compatMode === 'BackCompat' && doc.body ? doc.body : doc.documentElement;
  return { width: root.clientWidth, height: root.clientHeight };
}

/** Rendered at all: no `display: none` or hidden content above it, no `inert` ancestor. */
function rendered(element: Element): boolean {
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true })) return false;
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node.hasAttribute('inert')) return false;
  }
  return true;
}

/** `moveBefore` keeps the frame alive where it can (Chromium); a plain append reloads it. */
function moveInto(parent: Element, element: Element): void {
  const move = (parent as Element & { moveBefore?(node: Node, child: Node | null): void }).moveBefore;
  try {
    if (move && element.isConnected) {
      move.call(parent, element, null);
      return;
    }
  } catch {
    // Not movable this way (another document, a disconnected parent): append instead.
  }
  parent.append(element);
}

/** Whether focus is on `element` (our host, its frame), looking through shadow roots the host may sit in. */
function focusIsOn(doc: Document, element: Element): boolean {
  let active = doc.activeElement;
  while (active) {
    if (active === element) return true;
    const root = shadowRootOf(active);
    if (!root) return false;
    active = root.activeElement;
  }
  return false;
}

function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (let root = active && shadowRootOf(active); root?.activeElement; root = shadowRootOf(root.activeElement)) active = root.activeElement;
  return active;
}

/** The innermost element at (x, y), through open and closed shadow roots. */
function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let hit = doc.elementFromPoint(x, y);
  for (let root = hit && shadowRootOf(hit); root; root = shadowRootOf(hit!)) {
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === hit || !root.contains(inner)) break;
    hit = inner;
  }
  return hit;
}

/** A shadow root, closed ones included: content scripts may read them (Chromium's `chrome.dom`, Firefox's `openOrClosedShadowRoot`). */
function shadowRootOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromium = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } }).chrome?.dom;
  return chromium?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
}

function composedParent(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent && parent.nodeType === 11 ? (parent as ShadowRoot).host : null;
}

function composedClosest(element: Element, selector: string): Element | null {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node.matches(selector)) return node;
  }
  return null;
}

function composedContains(ancestor: Element, element: Element): boolean {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    if (node === ancestor) return true;
  }
  return false;
}

export type Strike = 'removed' | 'hidden' | 'covered' | 'moved' | 'replaced';

export interface Size {
  width: number;
  height: number;
}

export interface GuardOptions {
  doc: Document;
  host: Host;
  /** The frame now in the host's shadow root, if any. */
  frame(): HTMLIFrameElement | null;
  /** The frame's viewport as the frame last reported it (FrameReport 'viewport'). */
  frameViewport(): Size | null;
  /** The host was taken out of the document: it goes back with a new frame. */
  remount(): void;
  /** The host moved and its frame is loading again (Firefox): its next load is ours. */
  frameReloading(): void;
  /** Moves the keyboard focus into the overlay. */
  focus(): void;
  /** A key pressed while the page held the focus: it acts in the picker all the same (Esc ends picking). */
  key(event: KeyboardEvent): void;
  /** A move or click that reached the overlay's element in the page instead of its frame. */
  forward(input: FrameInput): void;
  /** Something the page did that the user should know of, in plain words, shown in the frame. */
  warn(text: string): void;
  /** The page won: picking stops, and `reason` tells the user why. */
  lost(reason: string): void;
}

export interface Guard {
  /** Puts the host in place (parent, top layer, focus) and starts the checks. */
  place(): void;
  /** Runs every check now, fixing what it can; false when anything was out of place. */
  check(): boolean;
  /** A click lands where the frame says only when the frame lies exactly over the viewport, at the page's scale, and has for a moment. */
  clickAllowed(): boolean;
  report(report: FrameReport): void;
  focusFrame(): void;
  /** Counts a fix the overlay made itself (a frame replaced); false once the page has forced too many. */
  strike(kind: Strike): boolean;
  /** The overlay is going away (Esc): nothing is put back from now on. */
  stop(): void;
}
