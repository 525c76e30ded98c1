import type { FrameInput, PickerOutput } from './protocol';

// What the overlay's guard (overlay.ts, guard.ts) and the picker's frame tell each other over the
// frame's private port, beside the picker's own inputs and views (protocol.ts). The overlay takes
// these out before the picker sees the port's messages (issue 11 item 8).

/** frame → overlay: the frame's own state, which the page cannot see or fake. */
export type FrameReport =
  /** The frame's viewport in its own CSS px, on start and on every resize: a zoomed or scaled frame reports a size that is not the page's. */
  | { type: 'frame'; report: 'viewport'; width: number; height: number }
  /** The frame's document lost (or got back) the keyboard focus. */
  | { type: 'frame'; report: 'blur' | 'focus' }
  /** The frame's document is being unloaded: someone navigates it away, or the overlay removes it. */
  | { type: 'frame'; report: 'leaving' };

/** overlay → frame: a line the frame shows on its own, in plain words; null clears it. */
export interface GuardNotice {
  type: 'notice';
  text: string | null;
}

export type FrameMessage = FrameInput | FrameReport;
export type OverlayMessage = PickerOutput | GuardNotice;

export function isFrameReport(message: FrameMessage): message is FrameReport {
  return message.type === 'frame';
}
