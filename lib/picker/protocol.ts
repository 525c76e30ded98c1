// The private channel between the picker (content script, in the page) and its frame (an extension
// page over the viewport). The frame receives every pointer and key event, so the page never sees
// them (PRODUCT.md §1); the picker answers with what the frame should draw. They talk over a
// MessagePort handed to the frame with a one-time token, never over window messages the page could
// read or forge.

/** Key of the handshake message that carries the port and the token. */
export const HANDSHAKE = 'goalpostPickerPort';

/** A rectangle in viewport (CSS px) coordinates of the top document. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything the frame draws. Updates carry only the fields that changed (see PickerOutput). */
export interface FrameView {
  /** The element the path bar and the keyboard act on. */
  current: Outline | null;
  /** The element under the pointer, when it is not the current one. */
  hover: Outline | null;
  /** Elements of the current activity found on this page, each with a "Selected" badge. */
  selected: Box[];
  /** Matches of the selector the panel points at (a hovered row). */
  highlighted: Box[];
  path: PathEntry[];
  /** Position in the stack of elements under the pointer, while cycling through it. */
  stack: { index: number; size: number } | null;
  /** Milliseconds from the picker being asked to start to its first frame; set once. */
  readyMs?: number;
}

export interface Outline {
  box: Box;
  label: ElementLabel;
  selected: boolean;
  /** The element is laid out right-to-left: its label aligns with its right edge. */
  rtl: boolean;
}

export interface ElementLabel {
  /** `tag#id.class`, shortened. */
  name: string;
  /** `120 × 40`, in CSS px. */
  size: string;
}

export interface PathEntry {
  name: string;
  /** Ancestors (and the current element itself) come first, then the current element's children. */
  role: 'ancestor' | 'current' | 'child';
  selected: boolean;
  /** The entry is the first one inside a shadow root or a frame. */
  boundary?: 'shadow' | 'frame';
}

/** What the user asked for with the keyboard or the path bar buttons. */
export type PickerCommand =
  | 'parent' | 'child' | 'previous' | 'next' | 'toggle' | 'exit' | 'cycle' | 'cycleBack';

/** frame → picker */
export type FrameInput =
  | { type: 'ready' }
  | { type: 'move'; x: number; y: number }
  | { type: 'leave' }
  | { type: 'click'; x: number; y: number }
  | { type: 'wheel'; x: number; y: number; dx: number; dy: number }
  | { type: 'command'; command: PickerCommand }
  | { type: 'path'; index: number };

/** The view before the picker has sent anything. */
export const EMPTY_VIEW: FrameView = { current: null, hover: null, selected: [], highlighted: [], path: [], stack: null };

/** picker → frame: the fields of the view that changed since the last message. */
export type PickerOutput = { type: 'view'; view: Partial<FrameView> };
