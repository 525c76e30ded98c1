import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PANEL_KEYS, pickerKeys, type ShortcutEntry } from '@/lib/panel/shortcuts';
import { openShortcutSettings, openWelcome } from '@/lib/panel/open-pages';
import { usePickerShortcut } from './hooks/usePickerShortcut';

/** The header's "?" button: the keyboard shortcuts and a way back to the welcome page (issue 15). */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" class="icon-button" data-testid="help" aria-label="Help and keyboard shortcuts" title="Help and keyboard shortcuts"
        aria-haspopup="dialog" onClick={() => setOpen(true)}>?</button>
      {open && <HelpDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function HelpDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} class="sheet" data-testid="help-dialog" aria-labelledby="help-heading" onClose={onClose}>
      <header>
        <h2 id="help-heading">Keyboard shortcuts</h2>
        <button type="button" data-testid="help-close" onClick={() => dialog.current?.close()}>Close</button>
      </header>
      <ShortcutList />
      <p class="bar">
        <button type="button" class="link" data-testid="open-welcome" onClick={() => void openWelcome()}>Open the welcome page</button>
      </p>
    </dialog>
  );
}

/** Every shortcut: the browser-wide one that starts picking, the picker's keys, the panel's fields. */
export function ShortcutList() {
  const shortcut = usePickerShortcut();
  return (
    <div class="shortcuts" data-testid="shortcuts">
      <h3>Anywhere on a page</h3>
      <dl>
        <div>
          <dt>{shortcut ? <Keys keys={shortcut} /> : <span class="status">no shortcut set</span>}</dt>
          <dd>
            Start or stop picking{' '}
            <button type="button" class="link" data-testid="change-shortcut" onClick={() => void openShortcutSettings()}>change</button>
          </dd>
        </div>
      </dl>
      <h3>While picking</h3>
      <EntryList entries={pickerKeys()} />
      <h3>In the panel</h3>
      <EntryList entries={PANEL_KEYS} />
    </div>
  );
}

function EntryList({ entries }: { entries: readonly ShortcutEntry[] }) {
  return (
    <dl>
      {entries.map((entry) => (
        <div key={entry.keys}>
          <dt><Keys keys={entry.keys} /></dt>
          <dd>{entry.does}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `Alt+Shift+P` as keycaps. */
export function Keys({ keys }: { keys: string }) {
  const parts = keys.split(/\+(?=.)/);
  return (
    <span class="keys">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && '+'}
          <kbd>{part}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
