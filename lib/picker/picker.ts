import type { Activity, PickedElement } from '../goals/model';
import { sizeText } from './describe';
import { currentOf, initialFocus, nextFocus, type FocusEvent, type FocusState } from './focus';
import { isVisibleIn, viewportBox } from './geometry';
import { dockFor } from './layout';
import { navigate, trailDown, type Direction } from './navigation';
import { mountOverlay } from './overlay';
import { resolvePick, type Locatable } from './pick';
import type { Badge, Box, Dock, FrameInput, FrameView, Outline, PathEntry, PickerCommand } from './protocol';
import { createPageReader, type Pointed } from './reader';
import { createSelection, type PendingQuestion } from './selection';
import { scrollFrom } from './scroll';
import { metricsOf } from './tracked';
import { composedAncestors, composedChildren } from './tree';
import { createViewSender } from './view-sender';

/** Children listed in the path bar; the others are one ↓ and some → away. */
const MAX_PATH_CHILDREN = 12;
/** The bar moves for an element the pointer has rested on this long (lib/picker/layout.ts dockFor). */
const SETTLE_MS = 400;
/** After DOM changes, which elements are selected is worked out again at most this often. */
const RESOLVE_DELAY_MS = 100;
/** Most selected or highlighted outlines measured for one frame. */
const MAX_OUTLINES = 500;
/** The path bar's height until the frame reports it. */
const BAR_HEIGHT = 56;
/**
 * Esc hides the picker at once and removes its frame a moment later: removed while the key is
 * still being handled, the frame would never acknowledge it to the browser (DevTools' input then
 * waits forever).
 */
const EXIT_DELAY_MS = 50;

/**
 * Starts picking in `doc` (PRODUCT.md §1, issue 11): the element under the pointer is outlined and
 * named in words, a click records what a visitor would click there (or unselects it, asking first
 * when that could lose work), the path bar and the keyboard move through the tree, and the page
 * sees none of it. Everything added is removed when `signal` aborts.
 */
export function startPicker(doc: Document, options: PickerOptions, signal: AbortSignal): PickerHandle {
  const view = doc.defaultView!;
  let focus: FocusState<Element> = initialFocus();
  let pointer: { x: number; y: number } | null = null;
  /** What the pointer points at, with what lies around it (null off the page). */
  let pointed: Pointed | null = null;
  /** Alt is held: the exact element under the pointer, not the actionable one around it. */
  let exact = false;
  /** The targets under the pointer while Space cycles through them. */
  let stack: { elements: Element[]; index: number } | null = null;
  let question: PendingQuestion | null = null;
  let dock: Dock = 'bottom';
  let barHeight = BAR_HEIGHT;
  /** The user tried to scroll the page past its end: the bar gives way to its last pixels. */
  let overscrolled = false;
  let highlightTarget: Locatable | null = null;
  let highlighted: Element[] = [];
  let marks: { selected: Badge[]; highlighted: Box[] } = { selected: [], highlighted: [] };
  let path: PathElements = { anchor: null, ancestors: [], children: [] };
  let entries: { path: PathElements | null; version: number; list: PathEntry[] } = { path: null, version: -1, list: [] };
  let readyMs: number | undefined;
  let layoutDirty = true;
  let frameRequest = 0;
  let resolveTimer = 0;
  let settleTimer = 0;
  /** When (page clock) the pointer came onto the element it points at: the bar moves only for one it rests on. */
  let pointedSince = 0;

  const overlay = mountOverlay(doc, options.frameUrl, {
    onInput: (input) => handle(input),
    onLost: (reason) => options.onFail(reason),
  }, signal);
  const sender = createViewSender((changes) => overlay.send({ type: 'view', view: changes }), {
    request: (callback) => view.requestAnimationFrame(callback),
    cancel: (id) => view.cancelAnimationFrame(id),
  });
  const reader = createPageReader(doc, {
    isOwn: (element) => element === overlay.host,
    isTracked: (element) => selection.isSelected(element),
    trackedVersion: () => selection.version,
    onBoundary: (root) => watch(root),
  });
  const selection = createSelection(doc, {
    onPick: options.onPick,
    onUnpick: options.onUnpick,
    wordsOf: (element) => reader.wordsOf(element),
    containerOf: (element) => reader.containerOf(element),
  });
  const isSelected = (element: Element) => selection.isSelected(element);

  const update = (event: FocusEvent<Element>) => {
    focus = nextFocus(focus, event);
  };

  const noteFor = (element: Element, at: Pointed | null): Outline['label']['note'] => {
    const rows = selection.rowsOf(element);
    if (rows?.length === 0) return { text: '✓ Selected', tone: 'selected' };
    if (rows) {
      const metrics = metricsOf(rows);
      return { text: `✓ Selected · ${metrics.length > 0 ? `in ${metrics.map((tag) => tag.name).join(', ')}` : 'not in a metric'}`, tone: 'selected' };
    }
    if (at?.covered) return { text: `Clicks here land on this layer, not on ${reader.wordsOf(at.covered)} under it · Space reaches it`, tone: 'warn' };
    if (exact) return { text: 'Alt: exactly this element', tone: 'info' };
    return undefined;
  };

  const outline = (element: Element, at: Pointed | null): Outline => {
    watch(element.getRootNode());
    const box = viewportBox(element);
    const { words, name, rtl } = reader.labelOf(element);
    const note = noteFor(element, at);
    return {
      box,
      label: { words, name, size: sizeText(box), ...(note ? { note } : {}) },
      selected: isSelected(element),
      rtl,
    };
  };

  const visible = (element: Element): Box | null => {
    if (!element.isConnected) return null;
    const box = viewportBox(element);
    return (box.width > 0 || box.height > 0) && isVisibleIn(box, view.innerWidth, view.innerHeight) ? box : null;
  };

  const pathEntries = (): PathEntry[] => {
    const anchor = currentOf(focus)?.element ?? null;
    if (anchor !== path.anchor) {
      path = anchor
        ? { anchor, ancestors: composedAncestors(anchor), children: composedChildren(anchor, MAX_PATH_CHILDREN) }
        : { anchor: null, ancestors: [], children: [] };
    }
    if (entries.path === path && entries.version === selection.version) return entries.list;
    const last = path.ancestors.length - 1;
    const entry = (element: Element, role: PathEntry['role']): PathEntry => ({ ...reader.pathName(element), role, selected: isSelected(element) });
    const list = [
      ...path.ancestors.map((element, index) => entry(element, index === last ? 'current' : 'ancestor')),
      ...path.children.map((element) => entry(element, 'child')),
    ];
    entries = { path, version: selection.version, list };
    return list;
  };

  /** The page replaced what we were pointing at (single-page apps): never outline a detached element. */
  const dropDetached = () => {
    update({ type: 'forget', keep: (element) => element.isConnected });
    if (stack && !stack.elements.every((element) => element.isConnected)) stack = null;
    if (question && !question.target.isConnected) question = null;
    if (pointed && !pointed.target.isConnected) {
      pointed = null;
      if (pointer) pointAt(pointer.x, pointer.y);
    }
  };

  /** Where the path bar goes: only for an element the user settled on or chose, never under a pointer on the bar. */
  const placeBar = (current: Outline | null) => {
    if (focus.focus.kind === 'frozen') return;
    const settled = focus.focus.kind === 'anchored' || (focus.focus.kind === 'hovering' && performance.now() - pointedSince >= SETTLE_MS);
    dock = dockFor(dock, settled && current ? current.box : null, view.innerHeight, barHeight, overscrolled);
    if (dock === 'bottom') overscrolled = false;
  };

  /**
   * Sends the frame what it should draw: at once, or for what pointer moves change, worked out
   * once at the next animation frame from where the pointer is then (lib/picker/view-sender.ts):
   * a move itself costs only its hit test and what a click there would mean.
   */
  const render = (when: 'now' | 'soon' = 'now') => {
    if (readyMs === undefined || signal.aborted) return;
    if (when === 'soon') sender.soon(viewNow);
    else sender.now(viewNow());
  };

  /** What the frame should draw now, from the page's boxes as they are laid out now. */
  const viewNow = (): FrameView => {
    dropDetached();
    if (layoutDirty) {
      marks = { selected: selection.badges(visible, MAX_OUTLINES), highlighted: highlighted.map(visible).filter((box) => box !== null).slice(0, MAX_OUTLINES) };
      layoutDirty = false;
    }
    const current = currentOf(focus)?.element ?? null;
    const target = stack ? current : (pointed?.target ?? null);
    const currentOutline = current ? outline(current, current === pointed?.target ? pointed : null) : null;
    placeBar(currentOutline);
    return {
      current: currentOutline,
      hover: target && target !== current ? outline(target, pointed) : null,
      selected: marks.selected,
      highlighted: marks.highlighted,
      path: pathEntries(),
      stack: stack ? { index: stack.index, size: stack.elements.length } : null,
      question: question?.view ?? null,
      dock,
      exact,
      readyMs,
    };
  };

  /** The pointer is at (x, y) of the page (at time `t`): what it points at now. */
  const pointAt = (x: number, y: number, t = epochNow()) => {
    const at = reader.pointAt(x, y, exact);
    if (at?.target !== pointed?.target) {
      stack = null;
      pointedSince = performance.now();
      // A resting pointer sends nothing more: look again once it has rested there (the bar may give way).
      settleTimer ||= view.setTimeout(settled, SETTLE_MS + 10);
    }
    pointed = at;
    if (question) return;
    update({ type: 'point', target: at?.target ?? null, trail: at?.trail ?? [], x, y, now: t });
  };

  /** Renders once the pointer has rested on one element for SETTLE_MS (one timer, not one per element passed over). */
  function settled() {
    const wait = pointedSince + SETTLE_MS - performance.now();
    settleTimer = wait > 0 ? view.setTimeout(settled, wait + 10) : 0;
    if (wait <= 0) render();
  }

  /** After scrolling or DOM changes another element may lie under the pointer, as the browser's own hover would tell. */
  const refreshHover = () => {
    if (pointer && !stack) pointAt(pointer.x, pointer.y);
  };

  const invalidateLayout = () => {
    layoutDirty = true;
    frameRequest ||= view.requestAnimationFrame(() => {
      frameRequest = 0;
      if (overscrolled && !atPageEnd(doc)) overscrolled = false;
      refreshHover();
      render();
    });
  };

  const resolveSelection = () => {
    selection.find();
    for (const element of selection.elements()) watch(element.getRootNode());
    highlighted = highlightTarget ? resolvePick(doc, highlightTarget) : [];
    invalidateLayout();
  };

  const onMutations = (records: MutationRecord[]) => {
    if (records.every((record) => isOwnRecord(record, overlay.host))) return;
    path.anchor = null;
    reader.reset();
    invalidateLayout();
    resolveTimer ||= view.setTimeout(() => {
      resolveTimer = 0;
      resolveSelection();
    }, RESOLVE_DELAY_MS);
  };
  const mutations = new MutationObserver(onMutations);
  const watched = new WeakSet<Node>();
  /** Follows scrolling and DOM changes in the top document and in every shadow root or frame we draw from. */
  function watch(root: Node) {
    if (watched.has(root) || (root.nodeType !== 9 && root.nodeType !== 11)) return;
    watched.add(root);
    mutations.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    root.addEventListener('scroll', invalidateLayout, { capture: true, passive: true, signal });
    // A new viewport size can change what is an icon or a container: read everything again.
    if (root.nodeType === 9) (root as Document).defaultView?.addEventListener('resize', () => (reader.reset(), invalidateLayout()), { passive: true, signal });
  }
  watch(doc);

  /** The user chose `element`: recorded or unselected at once, or a question first (lib/picker/selection.ts). */
  const choose = (element: Element) => {
    question = selection.choose(element, viewportBox(element)) ?? null;
    layoutDirty = true;
  };

  const answer = (yes: boolean) => {
    const asked = question;
    question = null;
    if (yes && asked) asked.yes();
  };

  const goTo = (element: Element, trail: readonly Element[]) => {
    stack = null;
    update({ type: 'anchor', element, trail, now: epochNow() });
    if (!isVisibleIn(viewportBox(element), view.innerWidth, view.innerHeight)) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const step = (direction: Direction) => {
    const from = currentOf(focus);
    const next = from && navigate(from.element, direction, from.trail);
    if (next) goTo(next.element, next.trail);
  };

  const cycle = (offset: number) => {
    if (!pointer) return;
    if (!stack) {
      const elements = reader.stackAt(pointer.x, pointer.y, exact);
      if (elements.length === 0) return;
      // Start from what the pointer shows (the hover outline), whatever the path bar is on.
      const from = pointed?.target ?? currentOf(focus)?.element;
      stack = { elements, index: from ? elements.indexOf(from) : -1 };
    }
    const { elements } = stack;
    const index = (stack.index + offset + elements.length) % elements.length;
    update({ type: 'anchor', element: elements[index]!, trail: [], now: epochNow() });
    stack = { elements, index };
  };

  const commands: Record<PickerCommand, () => void> = {
    parent: () => step('parent'),
    child: () => step('child'),
    previous: () => step('previous'),
    next: () => step('next'),
    toggle: () => {
      const current = currentOf(focus);
      if (!current) return;
      choose(current.element);
      update({ type: 'anchor', element: current.element, trail: current.trail, now: epochNow() });
    },
    cycle: () => cycle(1),
    cycleBack: () => cycle(-1),
    exit: () => {
      overlay.hide();
      view.setTimeout(() => options.onExit(), EXIT_DELAY_MS);
    },
  };

  /** Each input updates the state; `false` means nothing on screen changed, so nothing is sent. */
  const handlers: { [K in FrameInput['type']]: (input: Extract<FrameInput, { type: K }>) => boolean | void } = {
    ready: () => {
      readyMs ??= performance.now() - options.startedAt;
      sender.forget();
      overlay.focus();
      layoutDirty = true;
    },
    move: ({ x, y, exact: alt = false, t }) => {
      const exactChanged = alt !== exact;
      if (pointer?.x === x && pointer.y === y && !exactChanged) return false;
      pointer = { x, y };
      exact = alt;
      const before = pointed?.target;
      const focused = focus;
      pointAt(x, y, t);
      if (pointed?.target === before && focus === focused && !exactChanged) return false;
    },
    leave: ({ x = pointer?.x ?? 0, y = pointer?.y ?? 0, t = epochNow() }) => {
      pointer = null;
      pointed = null;
      stack = null;
      update({ type: 'bar', x, y, now: t });
    },
    click: ({ x, y, exact: alt = false }) => {
      // While a question is open, a click on the page is a "no".
      if (question) return answer(false);
      exact = alt;
      if (!stack) {
        pointer = { x, y };
        pointAt(x, y);
      }
      const target = stack ? currentOf(focus)?.element : pointed?.target;
      if (!target) return;
      choose(target);
      const trail = stack ? [] : (pointed?.trail ?? []);
      update({ type: 'anchor', element: target, trail, now: epochNow() });
    },
    wheel: ({ x, y, dx, dy }) => {
      const scrolled = scrollFrom(reader.pointAt(x, y, true)?.raw ?? null, dx, dy, view);
      if (!scrolled && dy > 0) overscrolled = true;
      invalidateLayout();
    },
    command: ({ command }) => {
      // While a question is open, Enter answers yes and Esc no; the other keys wait.
      if (question) {
        if (command === 'toggle' || command === 'exit') answer(command === 'toggle');
        return;
      }
      commands[command]();
    },
    path: ({ index }) => {
      if (question) return;
      const all = [...path.ancestors, ...path.children];
      const target = all[index];
      if (!target?.isConnected) return;
      if (target === path.anchor) choose(target);
      else goTo(target, trailDown(target, path.ancestors));
    },
    exact: ({ on }) => {
      if (on === exact) return false;
      exact = on;
      if (pointer) pointAt(pointer.x, pointer.y);
    },
    answer: ({ yes }) => answer(yes),
    bar: ({ height }) => {
      if (height === barHeight) return false;
      barHeight = height;
    },
  };

  function handle(input: FrameInput) {
    if (signal.aborted) return;
    const changed = (handlers[input.type] as (input: FrameInput) => boolean | void)(input);
    if (changed !== false) render(input.type === 'move' ? 'soon' : 'now');
  }

  signal.addEventListener('abort', () => {
    mutations.disconnect();
    view.cancelAnimationFrame(frameRequest);
    view.clearTimeout(resolveTimer);
    view.clearTimeout(settleTimer);
    sender.cancel();
  }, { once: true });

  return {
    setActivity(next) {
      selection.setActivity(next);
      resolveSelection();
    },
    highlight(target) {
      highlightTarget = target;
      resolveSelection();
    },
  };
}

/** The page's clock in ms since the epoch, as the frame stamps pointer events. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Whether the top document is scrolled to its end (or cannot scroll at all). */
function atPageEnd(doc: Document): boolean {
  const scroller = doc.scrollingElement;
  return !scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
}

function isOwnRecord(record: MutationRecord, host: Element): boolean {
  if (record.target === host) return true;
  if (record.type !== 'childList') return false;
  return [...record.addedNodes, ...record.removedNodes].every((node) => node === host);
}

/** The current element's ancestors (it included) and first children, as the path bar lists them. */
interface PathElements {
  anchor: Element | null;
  ancestors: Element[];
  children: Element[];
}

export interface PickerOptions {
  /** The extension page drawn over the viewport. */
  frameUrl: string;
  /** `performance.now()` when the picker was asked to start. */
  startedAt: number;
  onPick(pick: PickedElement): void;
  /** The user unselected these rows of the activity (undoable from the panel). */
  onUnpick(activityId: string, elementIds: string[]): void;
  /** The user asked to stop (Esc). */
  onExit(): void;
  /** Picking cannot go on on this page; `reason` is for the user. */
  onFail(reason: string): void;
}

export interface PickerHandle {
  /** The activity picks go to (its rows carry badges naming their metrics); null before there is one. */
  setActivity(activity: Pick<Activity, 'id' | 'elements' | 'metrics'> | null): void;
  /** Outlines every match of a stored element (a row hovered in the panel); null clears it. */
  highlight(target: Locatable | null): void;
}
