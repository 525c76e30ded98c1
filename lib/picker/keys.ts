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
