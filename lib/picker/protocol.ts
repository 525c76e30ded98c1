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
  /** The element the path bar and the keyboard act on (lib/picker/focus.ts). */
  current: Outline | null;
  /** What a click picks, under the pointer, when it is not the current element. */
  hover: Outline | null;
  /** Elements of the current activity found on this page, each with a badge naming its metrics. */
  selected: Badge[];
  /** Matches of the selector the panel points at (a hovered row). */
  highlighted: Box[];
  path: PathEntry[];
  /** Position in the stack of elements under the pointer, while cycling through it. */
  stack: { index: number; size: number } | null;
  /** A pick or an unselect that waits for the user's answer (issue 11 items 2, 4). */
  question: Question | null;
  /** Where the path bar sits: out of the way of the element worked on (issue 11 item 6). */
  dock: Dock;
  /** Alt is held: a click picks the exact element under the pointer, not the actionable one around it. */
  exact: boolean;
  /** Milliseconds from the picker being asked to start to its first frame; set once. */
  readyMs?: number;
}

export type Dock = 'top' | 'bottom';

export interface Outline {
  box: Box;
  label: ElementLabel;
  selected: boolean;
  /** The element is laid out right-to-left: its label aligns with its right edge. */
  rtl: boolean;
}

export interface ElementLabel {
  /** What will be recorded, in words: `Button “Buy”`, `Link “Deals” → /deals` (lib/picker/words.ts). */
  words: string;
  /** `tag#id.class`, shortened. */
  name: string;
  /** `120 × 40`, in CSS px. */
  size: string;
  /** What a click does here when it is not a plain pick: already tracked, a layer over a button… */
  note?: { text: string; tone: 'selected' | 'warn' | 'info' };
}

/** An element of the activity on the page, and the metrics that count it (none: "Not in a metric"). */
export interface Badge {
  box: Box;
  metrics: MetricTag[];
}

export interface MetricTag {
  name: string;
  /** One colour per metric of the activity (lib/picker/tracked.ts). */
  colour: string;
}

export type Question =
  /** The pick covers a large area or several actionable elements: record it anyway? */
  | { kind: 'container'; words: string; text: string; box: Box }
  /** The element is tracked by rows that must not go at a click: remove them? */
  | { kind: 'remove'; words: string; metrics: MetricTag[]; reasons: string[]; box: Box };

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

/**
 * frame → picker. `exact`: Alt was held (pick the element under the pointer itself). `t`: when the
 * pointer event happened (ms since the epoch, from the event's own time stamp): how long the pointer
 * stayed on an element is the user's doing, not the time a busy page took to hear of it.
 */
export type FrameInput =
  | { type: 'ready' }
  | { type: 'move'; x: number; y: number; exact?: boolean; t?: number }
  /** The pointer went onto the path bar or out of the page, at (x, y). */
  | { type: 'leave'; x?: number; y?: number; t?: number }
  | { type: 'click'; x: number; y: number; exact?: boolean }
  | { type: 'wheel'; x: number; y: number; dx: number; dy: number }
  | { type: 'command'; command: PickerCommand }
  | { type: 'path'; index: number }
  /** Alt pressed or released without a move. */
  | { type: 'exact'; on: boolean }
  /** The answer to the open question. */
  | { type: 'answer'; yes: boolean }
  /** The path bar's height, when it changes: the picker keeps elements out from under it. */
  | { type: 'bar'; height: number };

/** The view before the picker has sent anything. */
export const EMPTY_VIEW: FrameView = {
  current: null, hover: null, selected: [], highlighted: [], path: [], stack: null, question: null, dock: 'bottom', exact: false,
};

/** picker → frame: the fields of the view that changed since the last message. */
export type PickerOutput = { type: 'view'; view: Partial<FrameView> };
