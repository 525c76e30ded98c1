import type { PickedElement } from '../goals/model';
import { describeElement, labelOf } from './describe';
import { isVisibleIn, viewportBox } from './geometry';
import { deepElementFromPoint, elementsStackAt, meaningfulTarget } from './hit-test';
import { navigate, trailDown, type Direction } from './navigation';
import { mountOverlay } from './overlay';
import { resolvePick, toPickedElement, type Locatable } from './pick';
import type { Box, FrameInput, FrameView, Outline, PathEntry, PickerCommand } from './protocol';
import { scrollFrom } from './scroll';
import { boundaryOf, composedAncestors, composedChildren } from './tree';

/** Children listed in the path bar; the others are one ↓ and some → away. */
const MAX_PATH_CHILDREN = 12;
/** After DOM changes, which elements are selected is worked out again at most this often. */
const RESOLVE_DELAY_MS = 100;
/** The frame answers within this time, or the page does not let it load. */
const READY_TIMEOUT_MS = 5000;
/** Most selected or highlighted outlines measured for one frame. */
const MAX_OUTLINES = 500;
/**
 * Esc hides the picker at once and removes its frame a moment later: removed while the key is
 * still being handled, the frame would never acknowledge it to the browser (DevTools' input then
 * waits forever).
 */
const EXIT_DELAY_MS = 50;

/**
 * Starts picking in `doc` (PRODUCT.md §1): the element under the pointer is outlined and labelled,
 * a click selects it (or unselects it), the path bar and the keyboard move through the tree, and
 * the page sees none of it. Everything added is removed when `signal` aborts.
 */
export function startPicker(doc: Document, options: PickerOptions, signal: AbortSignal): PickerHandle {
  const view = doc.defaultView!;
  const state: PickerState = { pointer: null, hovered: null, current: null, anchored: false, trail: [], stack: null };
  let picks: readonly Locatable[] = [];
  let selection = new Map<Element, string[]>();
  let highlightTarget: Locatable | null = null;
  let highlighted: Element[] = [];
  let marks: { selected: Box[]; highlighted: Box[] } = { selected: [], highlighted: [] };
  let path: PathElements = { anchor: null, ancestors: [], children: [] };
  /** Bumped whenever the set of selected elements changes: the path entries' marks depend on it. */
  let selectionVersion = 0;
  let entries: { path: PathElements | null; version: number; list: PathEntry[] } = { path: null, version: -1, list: [] };
  /** Path-bar names of elements, kept while the DOM stays as it is. */
  let described = new WeakMap<Element, Pick<PathEntry, 'name' | 'boundary'>>();
  /** What the frame shows now; null when it needs everything (a new frame). */
  let shown: FrameView | null = null;
  let readyMs: number | undefined;
  let layoutDirty = true;
  let frameRequest = 0;
  let resolveTimer = 0;

  const overlay = mountOverlay(doc, options.frameUrl, {
    onInput: (input) => handle(input),
    onLost: (reason) => options.onFail(reason),
  }, signal);
  const isOwn = (element: Element) => element === overlay.host;

  const hitTest = (x: number, y: number): Element | null => {
    const element = deepElementFromPoint(doc, x, y, isOwn);
    return element && meaningfulTarget(element);
  };

  const outline = (element: Element): Outline => {
    watch(element.getRootNode());
    const box = viewportBox(element);
    const style = element.ownerDocument.defaultView?.getComputedStyle(element);
    return { box, label: labelOf(element, box), selected: selection.has(element), rtl: style?.direction === 'rtl' };
  };

  const boxesOf = (elements: Iterable<Element>): Box[] => {
    const boxes: Box[] = [];
    for (const element of elements) {
      if (boxes.length >= MAX_OUTLINES) break;
      if (!element.isConnected) continue;
      const box = viewportBox(element);
      if ((box.width > 0 || box.height > 0) && isVisibleIn(box, view.innerWidth, view.innerHeight)) boxes.push(box);
    }
    return boxes;
  };

  const pathEntries = (): PathEntry[] => {
    const anchor = state.current;
    if (anchor !== path.anchor) {
      path = anchor
        ? { anchor, ancestors: composedAncestors(anchor), children: composedChildren(anchor, MAX_PATH_CHILDREN) }
        : { anchor: null, ancestors: [], children: [] };
    }
    if (entries.path === path && entries.version === selectionVersion) return entries.list;
    const last = path.ancestors.length - 1;
    const entry = (element: Element, role: PathEntry['role']): PathEntry => {
      // Consecutive paths share most of their ancestors: each is described once until the DOM changes.
      let named = described.get(element);
      if (!named) {
        named = { name: describeElement(element, 1), boundary: boundaryOf(element) };
        described.set(element, named);
        // A change in any shadow root or frame on the path must drop these names too.
        if (named.boundary) watch(element.parentNode!);
      }
      return { ...named, role, selected: selection.has(element) };
    };
    const list = [
      ...path.ancestors.map((element, index) => entry(element, index === last ? 'current' : 'ancestor')),
      ...path.children.map((element) => entry(element, 'child')),
    ];
    entries = { path, version: selectionVersion, list };
    return list;
  };

  /** The page replaced what we were pointing at (single-page apps): never outline a detached element. */
  const dropDetached = () => {
    if (state.current && !state.current.isConnected) Object.assign(state, { current: null, anchored: false, trail: [], stack: null });
    if (state.hovered && !state.hovered.isConnected) {
      state.hovered = state.pointer ? hitTest(state.pointer.x, state.pointer.y) : null;
      state.stack = null;
    }
    if (!state.anchored) state.current = state.hovered;
  };

  const render = () => {
    if (readyMs === undefined || signal.aborted) return;
    dropDetached();
    if (layoutDirty) {
      marks = { selected: boxesOf(selection.keys()), highlighted: boxesOf(highlighted) };
      layoutDirty = false;
    }
    const { current, hovered, stack } = state;
    const next: FrameView = {
      current: current ? outline(current) : null,
      hover: hovered && hovered !== current ? outline(hovered) : null,
      selected: marks.selected,
      highlighted: marks.highlighted,
      path: pathEntries(),
      stack: stack ? { index: stack.index, size: stack.elements.length } : null,
      readyMs,
    };
    // Only what changed crosses to the frame: on most moves, the outline and the label.
    const changes = shown ? changedFields(shown, next) : next;
    shown = next;
    overlay.send({ type: 'view', view: changes });
  };

  /** After scrolling or DOM changes another element may lie under the pointer, as the browser's own hover would tell. */
  const refreshHover = () => {
    const { pointer } = state;
    if (!pointer || state.stack) return;
    state.hovered = hitTest(pointer.x, pointer.y);
    if (!state.anchored) state.current = state.hovered;
  };

  const invalidateLayout = () => {
    layoutDirty = true;
    frameRequest ||= view.requestAnimationFrame(() => {
      frameRequest = 0;
      refreshHover();
      render();
    });
  };

  const resolveSelection = () => {
    const next = new Map<Element, string[]>();
    for (const pick of picks) {
      for (const element of resolvePick(doc, pick)) {
        next.set(element, [...(next.get(element) ?? []), pick.selector]);
        watch(element.getRootNode());
      }
    }
    selection = next;
    selectionVersion++;
    highlighted = highlightTarget ? resolvePick(doc, highlightTarget) : [];
    invalidateLayout();
  };

  const onMutations = (records: MutationRecord[]) => {
    if (records.every((record) => isOwnRecord(record, overlay.host))) return;
    path.anchor = null;
    described = new WeakMap();
    invalidateLayout();
    resolveTimer ||= view.setTimeout(() => {
      resolveTimer = 0;
      resolveSelection();
    }, RESOLVE_DELAY_MS);
  };
  const mutations = new MutationObserver(onMutations);
  const watched = new WeakSet<Node>();
  /** Follows scrolling and DOM changes in the top document and in every shadow root or frame we draw from. */
  const watch = (root: Node) => {
    if (watched.has(root) || (root.nodeType !== 9 && root.nodeType !== 11)) return;
    watched.add(root);
    mutations.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    root.addEventListener('scroll', invalidateLayout, { capture: true, passive: true, signal });
    if (root.nodeType === 9) (root as Document).defaultView?.addEventListener('resize', invalidateLayout, { passive: true, signal });
  };
  watch(doc);

  const toggleSelection = (element: Element) => {
    const selectors = selection.get(element);
    if (selectors) {
      for (const selector of selectors) options.onUnpick(selector);
      selection.delete(element);
      selectionVersion++;
    } else {
      const pick = toPickedElement(element, doc.location.href);
      options.onPick(pick);
      // Shown at once; the stored workspace confirms it a moment later (setTracked).
      selection.set(element, [pick.selector]);
      selectionVersion++;
    }
    layoutDirty = true;
  };

  const goTo = (element: Element, trail: Element[]) => {
    Object.assign(state, { current: element, anchored: true, trail, stack: null });
    if (!isVisibleIn(viewportBox(element), view.innerWidth, view.innerHeight)) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const step = (direction: Direction) => {
    const from = state.current ?? state.hovered;
    const next = from && navigate(from, direction, state.trail);
    if (next) goTo(next.element, next.trail);
  };

  const cycle = (offset: number) => {
    const { pointer } = state;
    if (!pointer) return;
    if (!state.stack) {
      const elements = elementsStackAt(doc, pointer.x, pointer.y, isOwn);
      if (elements.length === 0) return;
      // Start from what the pointer shows (the hover outline), whatever the path bar is on.
      const from = state.hovered ?? state.current;
      state.stack = { elements, index: from ? elements.indexOf(from) : -1 };
    }
    const { elements } = state.stack;
    const index = (state.stack.index + offset + elements.length) % elements.length;
    Object.assign(state, { current: elements[index], hovered: elements[index], anchored: true, trail: [], stack: { elements, index } });
  };

  const commands: Record<PickerCommand, () => void> = {
    parent: () => step('parent'),
    child: () => step('child'),
    previous: () => step('previous'),
    next: () => step('next'),
    toggle: () => {
      const target = state.current ?? state.hovered;
      if (!target) return;
      toggleSelection(target);
      Object.assign(state, { current: target, anchored: true });
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
      shown = null;
      overlay.focus();
      layoutDirty = true;
    },
    move: ({ x, y }) => {
      if (state.pointer?.x === x && state.pointer.y === y) return false;
      state.pointer = { x, y };
      const hit = hitTest(x, y);
      if (hit === state.hovered && !state.stack) return false;
      Object.assign(state, { hovered: hit, stack: null });
      if (!state.anchored) state.current = hit;
    },
    leave: () => {
      Object.assign(state, { pointer: null, hovered: null, stack: null });
      if (!state.anchored) state.current = null;
    },
    click: ({ x, y }) => {
      const target = state.stack ? state.current : hitTest(x, y);
      if (!target) return;
      toggleSelection(target);
      Object.assign(state, { current: target, hovered: target, anchored: true, trail: [], stack: null });
    },
    wheel: ({ x, y, dx, dy }) => {
      scrollFrom(deepElementFromPoint(doc, x, y, isOwn), dx, dy, view);
      invalidateLayout();
    },
    command: ({ command }) => commands[command](),
    path: ({ index }) => {
      const all = [...path.ancestors, ...path.children];
      const target = all[index];
      if (!target?.isConnected) return;
      if (target === state.current) toggleSelection(target);
      else goTo(target, trailDown(target, path.ancestors));
    },
  };

  function handle(input: FrameInput) {
    if (signal.aborted) return;
    const changed = (handlers[input.type] as (input: FrameInput) => boolean | void)(input);
    if (changed !== false) render();
  }

  const readyTimer = view.setTimeout(() => {
    if (readyMs === undefined) options.onFail('The picker could not open on this page (it blocks extension frames).');
  }, READY_TIMEOUT_MS);
  signal.addEventListener('abort', () => {
    mutations.disconnect();
    view.cancelAnimationFrame(frameRequest);
    view.clearTimeout(resolveTimer);
    view.clearTimeout(readyTimer);
  }, { once: true });

  return {
    setTracked(next) {
      picks = next;
      resolveSelection();
    },
    highlight(target) {
      highlightTarget = target;
      resolveSelection();
    },
  };
}

/** The fields of `next` that are not the very same values as in `shown` (outlines are rebuilt, so always sent). */
function changedFields(shown: FrameView, next: FrameView): Partial<FrameView> {
  const changes: Partial<FrameView> = {};
  for (const key of Object.keys(next) as (keyof FrameView)[]) {
    if (next[key] !== shown[key]) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
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

interface PickerState {
  pointer: { x: number; y: number } | null;
  /** What a click would pick: the element under the pointer, or the one reached by cycling. */
  hovered: Element | null;
  /** What the path bar shows and the keyboard moves; follows the pointer until anchored. */
  current: Element | null;
  /** Set by a click, a key or the path bar: the pointer then only moves the hover outline. */
  anchored: boolean;
  /** Elements the user came up from, for ↓ to go back down the same way. */
  trail: Element[];
  /** The elements under the pointer while cycling through them. */
  stack: { elements: Element[]; index: number } | null;
}

export interface PickerOptions {
  /** The extension page drawn over the viewport. */
  frameUrl: string;
  /** `performance.now()` when the picker was asked to start. */
  startedAt: number;
  onPick(pick: PickedElement): void;
  onUnpick(selector: string): void;
  /** The user asked to stop (Esc). */
  onExit(): void;
  /** Picking cannot go on on this page; `reason` is for the user. */
  onFail(reason: string): void;
}

export interface PickerHandle {
  /** The elements of the current activity (the panel's list): they carry "Selected" badges. */
  setTracked(picks: readonly Locatable[]): void;
  /** Outlines every match of a stored element (a row hovered in the panel); null clears it. */
  highlight(target: Locatable | null): void;
}
