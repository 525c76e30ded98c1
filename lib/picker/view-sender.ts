import type { FrameView, Outline } from './protocol';

// What the picker sends its frame (issue 11 "Performance"). One message to the frame costs the
// page's thread about a millisecond on a busy machine (it is a message to another process: the
// browser must wake a thread to carry it), ten times the picker's own work on a move. So only what
// the frame draws differently goes, and what pointer moves change is worked out and sent at most
// once per animation frame, from the latest state: the frame cannot paint faster than that anyway,
// and a move then costs only its hit test and what a click there would mean. What the user waits
// for (a click, a key, a path entry) goes at once.

export interface ViewSender {
  /** Sends what changed in `next` now (and drops a send waiting for the next frame). */
  now(next: FrameView): void;
  /**
   * At the next animation frame, builds the view (once, however many moves came before) and sends
   * what changed; a send `now` first makes it unneeded.
   */
  soon(build: () => FrameView): void;
  /** The frame shows nothing of ours (a new frame): the next send carries the whole view. */
  forget(): void;
  /** Nothing more goes (picking stopped). */
  cancel(): void;
}

export function createViewSender(send: (changes: Partial<FrameView>) => void, frames: FrameScheduler): ViewSender {
  /** What the frame shows now; null when it needs everything. */
  let shown: FrameView | null = null;
  let pending: (() => FrameView) | null = null;
  let request = 0;

  const flush = () => {
    if (request) frames.cancel(request);
    request = 0;
    const build = pending;
    pending = null;
    if (!build) return;
    const next = build();
    const changes = shown ? changedFields(shown, next) : next;
    shown = next;
    if (Object.keys(changes).length > 0) send(changes);
  };

  return {
    now(next) {
      pending = () => next;
      flush();
    },
    soon(build) {
      pending = build;
      request ||= frames.request(() => {
        request = 0;
        flush();
      });
    },
    forget() {
      shown = null;
    },
    cancel() {
      if (request) frames.cancel(request);
      request = 0;
      pending = null;
    },
  };
}

/** `requestAnimationFrame` and `cancelAnimationFrame` of the page's window (a fake one in tests). */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(id: number): void;
}

/**
 * The fields of `next` the frame would draw differently from `shown`. Lists are compared by
 * identity (the picker keeps the same array while nothing in it changed); outlines, rebuilt on
 * every move, by what they show.
 */
export function changedFields(shown: FrameView, next: FrameView): Partial<FrameView> {
  const changes: Partial<FrameView> = {};
  for (const key of Object.keys(next) as (keyof FrameView)[]) {
    const same = key === 'current' || key === 'hover' ? sameOutline(shown[key], next[key]) : shown[key] === next[key];
    if (!same) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}

function sameOutline(a: Outline | null, b: Outline | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const { box, label } = a;
  return box.x === b.box.x && box.y === b.box.y && box.width === b.box.width && box.height === b.box.height
    && label.words === b.label.words && label.name === b.label.name && label.size === b.label.size
    && label.note?.text === b.label.note?.text && label.note?.tone === b.label.note?.tone
    && a.selected === b.selected && a.rtl === b.rtl;
}
