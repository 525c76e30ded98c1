import { describe, expect, it } from 'vitest';
import { KEY_COMMANDS } from '@/lib/picker/keys';
import { pickerKeys, pickerShortcut } from './shortcuts';

describe('keyboard help', () => {
  it('lists every picker key from the picker’s own table, in words', () => {
    const keys = pickerKeys();
    expect(keys).toHaveLength(KEY_COMMANDS.length);
    expect(keys[0]).toEqual({ keys: '↑', does: 'Parent' });
    expect(keys.find((entry) => entry.keys === 'Esc')?.does).toBe('Stop picking');
    expect(keys.find((entry) => entry.keys === 'Shift+Space')?.does).toBe('Previous element under the pointer');
  });

  it('shows the shortcut the browser reports, the default when it does not know, and none when removed', () => {
    expect(pickerShortcut([{ name: 'toggle-picker', shortcut: 'Ctrl+Shift+K' }])).toBe('Ctrl+Shift+K');
    expect(pickerShortcut([])).toBe('Alt+Shift+P');
    expect(pickerShortcut([{ name: 'toggle-picker', shortcut: '' }])).toBeNull();
  });
});
