// The picker's focus model (PRODUCT.md §1, issue 11 item 3): which element the path bar shows and
// the keys act on. Three states, and the pointer's own target beside them:
//   - hovering: the current element follows the pointer;
//   - anchored: a click, a key or a path entry chose it; moving the pointer over another element
//     of the page releases it (back to hovering);
//   - frozen: the pointer is on the path bar (or left the page); the current element stays, and
//     keys and path entries still move it. It never clears.
// On the way from an element down to the bar the pointer crosses others. The elements it crossed on
// a straight way to the bar (each step closer to where it entered the bar, without a rest of
// PAUSE_MS) are not what the user looked at: the bar freezes on the element shown before that way
// began. Geometry first, time only for rests, so a busy machine that delivers moves late does not
// turn a crossing into a look.
// Generic over the element type, so it is tested without a DOM.

/** A stop this long on an element means the user looked at it: a way to the bar starts after it. */
export const PAUSE_MS = 1000;
/** A way to the bar is at most this long (older steps are not crossings). */
export const TRANSIT_MS = 3000;
/** Moving back by less than this is a hand's wobble, not a turn away from the bar. */
export const WOBBLE_PX = 8;
/** Steps remembered. */
const HISTORY = 32;

export function initialFocus<E>(): FocusState<E> {
  return { focus: { kind: 'none' }, pointed: null, steps: [] };
}

/** The next state after `event`; the very same object when nothing changed. */
export function nextFocus<E>(state: FocusState<E>, event: FocusEvent<E>): FocusState<E> {
  switch (event.type) {
    case 'point': return point(state, event);
    case 'bar': return toBar(state, event);
    case 'anchor': return anchor(state, event);
    case 'forget': return forget(state, event.keep);
  }
}

/** The element the path bar shows and the keys act on, if any. */
export function currentOf<E>(state: FocusState<E>): Current<E> | null {
  return state.focus.kind === 'none' ? null : { element: state.focus.element, trail: state.focus.trail };
}

function point<E>(state: FocusState<E>, { target, trail, x, y, now }: Extract<FocusEvent<E>, { type: 'point' }>): FocusState<E> {
  const { focus } = state;
  if (target === null) return state.pointed === null ? state : { ...state, pointed: null };
  if (focus.kind === 'anchored' && target === focus.pointed) return state;
  if (focus.kind === 'hovering' && target === focus.element) return state;
  const step: Step<E> = { x, y, t: now, before: focus };
  return { focus: { kind: 'hovering', element: target, trail, since: now }, pointed: target, steps: [...state.steps, step].slice(-HISTORY) };
}

function toBar<E>(state: FocusState<E>, { x, y, now }: Extract<FocusEvent<E>, { type: 'bar' }>): FocusState<E> {
  const { focus, steps } = state;
  if (focus.kind === 'none' || focus.kind === 'frozen') return state.pointed === null ? state : { ...state, pointed: null };
  // Walk back along the way the pointer came, while it was heading for the bar without a rest.
  let back: Focus<E> = focus;
  let later = { x, y, t: now };
  for (let index = steps.length - 1; index >= 0; index--) {
    const step = steps[index]!;
    if (later.t - step.t >= PAUSE_MS || now - step.t > TRANSIT_MS) break;
    if (distance(step, { x, y }) + WOBBLE_PX < distance(later, { x, y })) break;
    // It came onto this element moving away from the bar: it turned here, so this is where the way began.
    const previous = steps[index - 1];
    if (previous && distance(previous, { x, y }) + WOBBLE_PX < distance(step, { x, y })) break;
    if (step.before.kind === 'none') break;
    back = step.before;
    later = step;
  }
  return { focus: { kind: 'frozen', element: back.element, trail: back.trail }, pointed: null, steps };
}

function anchor<E>(state: FocusState<E>, { element, trail }: Extract<FocusEvent<E>, { type: 'anchor' }>): FocusState<E> {
  // An explicit choice: the way to the bar never leads back past it.
  if (state.focus.kind === 'frozen') return { ...state, focus: { kind: 'frozen', element, trail }, steps: [] };
  return { ...state, focus: { kind: 'anchored', element, trail, pointed: state.pointed }, steps: [] };
}

/** Drops elements that `keep` rejects (the page removed them): never show a detached element. */
function forget<E>(state: FocusState<E>, keep: (element: E) => boolean): FocusState<E> {
  const { focus, pointed, steps } = state;
  const focusGone = focus.kind !== 'none' && !keep(focus.element);
  const pointedGone = pointed !== null && !keep(pointed);
  const stepsGone = steps.some((step) => step.before.kind !== 'none' && !keep(step.before.element));
  if (!focusGone && !pointedGone && !stepsGone) return state;
  return {
    focus: focusGone ? { kind: 'none' } : focus,
    pointed: pointedGone ? null : pointed,
    steps: stepsGone ? [] : steps,
  };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
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
  /** Where the pointer moved onto each new element since the last explicit choice, oldest first. */
  steps: Step<E>[];
}

/** The pointer came onto a new element at (x, y) at time t; `before` was the focus until then. */
export interface Step<E> {
  x: number;
  y: number;
  t: number;
  before: Focus<E>;
}

export interface Current<E> {
  element: E;
  /** The way back down (↓), see navigation.ts. */
  trail: readonly E[];
}

export type FocusEvent<E> =
  /** The pointer is over the page at (x, y), on `target` (reached from the element under it by `trail`). */
  | { type: 'point'; target: E | null; trail: readonly E[]; x: number; y: number; now: number }
  /** The pointer went onto the path bar, or out of the page, at (x, y). */
  | { type: 'bar'; x: number; y: number; now: number }
  /** A click, a key or a path entry chose `element`. */
  | { type: 'anchor'; element: E; trail: readonly E[]; now: number }
  | { type: 'forget'; keep: (element: E) => boolean };
