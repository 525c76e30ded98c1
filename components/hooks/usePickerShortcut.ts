import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PICKER_SHORTCUT, pickerShortcut } from '@/lib/panel/shortcuts';

/** The keyboard shortcut that starts the picker, as the browser has it now (the user may change it); `null` when removed. */
export function usePickerShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(DEFAULT_PICKER_SHORTCUT);
  useEffect(() => {
    let alive = true;
    browser.commands.getAll().then((commands) => alive && setShortcut(pickerShortcut(commands)), () => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return shortcut;
}
