// The picker's focus model (PRODUCT.md §1, issue 11 item 3): which element the path bar shows and
// the keys act on. Three states, and the pointer's own target beside them:
//   - hovering: the current element follows the pointer;
//   - anchored: a click, a key or a path entry chose it; moving the pointer over another element
//     of the page releases it (back to hovering);
//   - frozen: the pointer is on the path bar (or left the page); the current element stays, and
//     keys and path entries still move it. It never clears.
// On the way from an element down to the bar the pointer crosses others; an element it only passed
// over (shown for less than SETTLE_MS) is not what the user looked at, so the bar freezes on the
// last one that was settled (shown long enough, or chosen) within TRANSIT_MS.
// Generic over the element type, so it is tested without a DOM.

/** An element shown this long under a resting pointer is one the user looked at. */
export const SETTLE_MS = 400;
/** A settled element left at most this long before the pointer reached the bar is the one it freezes on. */
export const TRANSIT_MS = 2000;

export function initialFocus<E>(): FocusState<E> {
  return { focus: { kind: 'none' }, pointed: null, settled: null };
}

/** The next state after `event`; the very same object when nothing changed. */
export function nextFocus<E>(state: FocusState<E>, event: FocusEvent<E>): FocusState<E> {
  switch (event.type) {
    case 'point': return point(state, event);
    case 'bar': return toBar(state, event.now);
    case 'anchor': return anchor(state, event);
    case 'forget': return forget(state, event.keep);
  }
}

/** The element the path bar shows and the keys act on, if any. */
export function currentOf<E>(state: FocusState<E>): Current<E> | null {
  return state.focus.kind === 'none' ? null : { element: state.focus.element, trail: state.focus.trail };
}

function point<E>(state: FocusState<E>, { target, trail, now }: Extract<FocusEvent<E>, { type: 'point' }>): FocusState<E> {
  const { focus } = state;
  if (target === null) return state.pointed === null ? state : { ...state, pointed: null };
  if (focus.kind === 'anchored' && target === focus.pointed) return state;
  if (focus.kind === 'hovering' && target === focus.element) return state;
  const hovering: Focus<E> = { kind: 'hovering', element: target, trail, since: now };
  return { focus: hovering, pointed: target, settled: settledOnLeaving(state, now) ?? state.settled };
}

function toBar<E>(state: FocusState<E>, now: number): FocusState<E> {
  const { focus, settled } = state;
  if (focus.kind === 'none' || focus.kind === 'frozen') return state.pointed === null ? state : { ...state, pointed: null };
  // Passed over on the way to the bar: back to the element the user looked at before.
  const inTransit = focus.kind === 'hovering' && now - focus.since < SETTLE_MS;
  const back = inTransit && settled && now - settled.leftAt <= TRANSIT_MS ? settled : focus;
  return { focus: { kind: 'frozen', element: back.element, trail: back.trail }, pointed: null, settled };
}

function anchor<E>(state: FocusState<E>, { element, trail }: Extract<FocusEvent<E>, { type: 'anchor' }>): FocusState<E> {
  // On the bar the pointer stays off the page: the choice stays frozen there.
  if (state.focus.kind === 'frozen') return { ...state, focus: { kind: 'frozen', element, trail } };
  return { ...state, focus: { kind: 'anchored', element, trail, pointed: state.pointed } };
}

/** Drops elements that `keep` rejects (the page removed them): never show a detached element. */
function forget<E>(state: FocusState<E>, keep: (element: E) => boolean): FocusState<E> {
  const { focus, pointed, settled } = state;
  const focusGone = focus.kind !== 'none' && !keep(focus.element);
  const pointedGone = pointed !== null && !keep(pointed);
  const settledGone = settled !== null && !keep(settled.element);
  if (!focusGone && !pointedGone && !settledGone) return state;
  return {
    focus: focusGone ? { kind: 'none' } : focus,
    pointed: pointedGone ? null : pointed,
    settled: settledGone ? null : settled,
  };
}

/** What the current element was when the pointer moves on, if it had settled (or was chosen). */
function settledOnLeaving<E>(state: FocusState<E>, now: number): Settled<E> | null {
  const { focus } = state;
  if (focus.kind === 'none') return null;
  if (focus.kind === 'hovering' && now - focus.since < SETTLE_MS) return null;
  return { element: focus.element, trail: focus.trail, leftAt: now };
}

export type Focus<E> =
  | { kind: 'none' }
  | { kind: 'hovering'; element: E; trail: readonly E[]; since: number }
  /** `pointed`: what the pointer was on when the element was chosen; another target releases it. */
  | { kind: 'anchored'; element: E; trail: readonly E[]; pointed: E | null }
  | { kind: 'frozen'; element: E; trail: readonly E[] };

export interface FocusState<E> {
  focus: Focus<E>;
  /** The target under the pointer on the page (what a click picks); null on the bar or off the page. */
  pointed: E | null;
  /** The last element the user settled on before the pointer moved away. */
  settled: Settled<E> | null;
}

export interface Settled<E> {
  element: E;
  trail: readonly E[];
  leftAt: number;
}

export interface Current<E> {
  element: E;
  /** The way back down (↓), see navigation.ts. */
  trail: readonly E[];
}

export type FocusEvent<E> =
  /** The pointer is over the page, on `target` (reached from the element under it by `trail`). */
  | { type: 'point'; target: E | null; trail: readonly E[]; now: number }
  /** The pointer went onto the path bar, or out of the page. */
  | { type: 'bar'; now: number }
  /** A click, a key or a path entry chose `element`. */
  | { type: 'anchor'; element: E; trail: readonly E[]; now: number }
  | { type: 'forget'; keep: (element: E) => boolean };
