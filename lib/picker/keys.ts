import type { PickerCommand } from './protocol';

/** The picker's keyboard (issue 4); shown in the path bar's help line too. */
export const KEY_COMMANDS: readonly KeyBinding[] = [
  { key: 'ArrowUp', command: 'parent', help: 'parent' },
  { key: 'ArrowDown', command: 'child', help: 'child' },
  { key: 'ArrowLeft', command: 'previous', help: 'previous sibling' },
  { key: 'ArrowRight', command: 'next', help: 'next sibling' },
  { key: 'Enter', command: 'toggle', help: 'select / unselect' },
  { key: ' ', command: 'cycle', help: 'next element under the pointer' },
  { key: ' ', shift: true, command: 'cycleBack', help: 'previous element under the pointer' },
  { key: 'Escape', command: 'exit', help: 'stop picking' },
];

/**
 * The path bar's hint line, short enough for a narrow window; the ways to reach the exact element
 * under the pointer come before Esc (issue 11 item 1: they stay reachable on purpose).
 */
export const KEY_HINTS: readonly { keys: string[]; help: string }[] = [
  { keys: ['↑', '↓'], help: 'parent / child' },
  { keys: ['←', '→'], help: 'siblings' },
  { keys: ['Enter'], help: 'select / unselect' },
  { keys: ['Space'], help: 'what lies under it' },
  { keys: ['Alt'], help: '+click: the exact element' },
  { keys: ['Esc'], help: 'stop' },
];

/** The command a key press asks for; browser shortcuts (with Ctrl, Alt or Meta) are left alone. */
export function commandForKey(event: KeyPress): PickerCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  // An exact match first (Shift+Space), then the key without Shift (Shift+↑ is still ↑).
  const binding = KEY_COMMANDS.find((candidate) => candidate.key === event.key && Boolean(candidate.shift) === event.shiftKey)
    ?? KEY_COMMANDS.find((candidate) => candidate.key === event.key && !candidate.shift);
  return binding?.command ?? null;
}

export interface KeyBinding {
  key: string;
  shift?: boolean;
  command: PickerCommand;
  help: string;
}

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>;
