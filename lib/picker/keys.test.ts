import { describe, expect, it } from 'vitest';
import { commandForKey, KEY_HINTS } from './keys';

const press = (key: string, modifiers: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  commandForKey({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers });

describe('picker keys', () => {
  it('maps the arrows, Enter, Space and Esc', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', ' ', 'Escape'].map((key) => press(key)))
      .toEqual(['parent', 'child', 'previous', 'next', 'toggle', 'cycle', 'exit']);
  });

  it('cycles backwards with Shift+Space and keeps other keys with Shift', () => {
    expect(press(' ', { shiftKey: true })).toBe('cycleBack');
    expect(press('ArrowUp', { shiftKey: true })).toBe('parent');
  });

  it('hints every command, and Alt+click, before Esc', () => {
    const hinted = KEY_HINTS.map((hint) => hint.keys.join(' '));
    expect(hinted).toEqual(['↑ ↓', '← →', 'Enter', 'Space', 'Alt', 'Esc']);
  });

  it('leaves browser shortcuts and other keys alone', () => {
    expect(press('ArrowLeft', { altKey: true })).toBeNull();
    expect(press('Enter', { ctrlKey: true })).toBeNull();
    expect(press('a')).toBeNull();
  });
});
