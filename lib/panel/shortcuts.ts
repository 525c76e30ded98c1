import { KEY_COMMANDS, type KeyBinding } from '@/lib/picker/keys';

// The keyboard, as the panel's help and the welcome page list it (issue 15). The picker's own keys
// come from its key table (lib/picker/keys.ts), so the list cannot drift from what the keys do.

/** The browser command that starts and stops the picker (wxt.config.ts `commands`). */
export const PICKER_COMMAND = 'toggle-picker';

/** Shown when the browser does not say (or the user removed the shortcut). */
export const DEFAULT_PICKER_SHORTCUT = 'Alt+Shift+P';

const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Enter: 'Enter', Escape: 'Esc', ' ': 'Space',
};

/** The picker's keys, one entry per key as a person reads it: `↑` parent, `Shift+Space` previous element… */
export function pickerKeys(bindings: readonly KeyBinding[] = KEY_COMMANDS): ShortcutEntry[] {
  return bindings.map((binding) => ({
    keys: `${binding.shift ? 'Shift+' : ''}${KEY_NAMES[binding.key] ?? binding.key}`,
    does: capitalise(binding.help),
  }));
}

/** Keys of the panel's own fields. */
export const PANEL_KEYS: readonly ShortcutEntry[] = [
  { keys: 'Enter', does: 'Save the selector or name being edited' },
  { keys: 'Esc', does: 'Cancel the edit (or close a menu)' },
];

/** A shortcut as the browser reports it (`⌥⇧P` on a Mac, `Alt+Shift+P` elsewhere), or the default when unknown. */
export function pickerShortcut(commands: readonly { name?: string; shortcut?: string }[]): string | null {
  const command = commands.find((item) => item.name === PICKER_COMMAND);
  if (!command) return DEFAULT_PICKER_SHORTCUT;
  return command.shortcut ? command.shortcut : null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ShortcutEntry {
  keys: string;
  does: string;
}
