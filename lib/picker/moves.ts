import type { FrameInput } from './protocol';

/**
 * Forwards the frame's input to the picker with at most one pointer move in flight (issue 4): the
 * picker answers each move, and until it has, only the latest position waits. A page whose hit
 * tests are slow then gets one move per answer instead of a queue of stale ones, and the coalescing
 * costs the page's thread nothing (it happens in the frame).
 */
export function createMoveGate(post: (input: FrameInput) => void): MoveGate {
  let inFlight = false;
  let waiting: FrameInput | null = null;
  const send = (input: FrameInput) => {
    if (input.type === 'leave') waiting = null;
    if (input.type === 'move') {
      if (inFlight) {
        waiting = input;
        return;
      }
      inFlight = true;
    }
    post(input);
  };
  return {
    send,
    answered() {
      inFlight = false;
      const next = waiting;
      waiting = null;
      if (next) send(next);
    },
  };
}

export interface MoveGate {
  send(input: FrameInput): void;
  /** The picker has handled the move in flight. */
  answered(): void;
}
