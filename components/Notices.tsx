import { useEffect, useState } from 'preact/hooks';
import type { Undo } from '@/lib/goals/operations';
import type { QuarantinedValue } from '@/lib/goals/schema';
import { downloadJson } from '@/lib/panel/download';
import { dismissQuarantined } from '@/lib/panel/workspace-client';

/** A change the writer refused or could not save, until the user dismisses it or the next change works. */
export function OpError({ message, onDismiss }: { message: string | null; onDismiss(): void }) {
  if (!message) return null;
  return (
    <div class="notice error-notice" role="alert" data-testid="op-error">
      <p>{message}</p>
      <button type="button" class="small" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}

/** How long the undo toast stays unless the pointer or the focus is on it (issue 15: "a few seconds"). */
export const UNDO_TOAST_MS = 6000;

/**
 * "Deleted …  Undo", for the last deletion: in the panel's footer (never over a control), its text
 * wrapping beside the buttons, gone after a few seconds unless hovered or focused. The seconds count
 * only while the user is in the panel: an unselect in the picker (issue 11) happens while they work
 * on the page, and its Undo waits for them to come to the panel.
 */
export function UndoToast({ undo, onUndo, onDismiss, timeoutMs = UNDO_TOAST_MS }: { undo: Undo | null; onUndo(): void; onDismiss(): void; timeoutMs?: number }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const attended = useAttended(undo);
  const held = hovered || focused || !attended;
  useEffect(() => {
    if (!undo || held) return;
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [undo, held, timeoutMs]);
  useEffect(() => {
    if (!undo) {
      setHovered(false);
      setFocused(false);
    }
  }, [undo]);
  if (!undo) return null;
  return (
    <div class="toast" role="status" data-testid="undo-bar"
      onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)} onFocusOut={(event) => setFocused(event.currentTarget.contains(event.relatedTarget as Node | null))}>
      <span class="toast-text">{undo.label}</span>
      <span class="toast-actions">
        <button type="button" class="primary small" data-testid="undo" onClick={onUndo}>Undo</button>
        <button type="button" class="small icon-button" aria-label="Close" data-testid="undo-close" onClick={onDismiss}>✕</button>
      </span>
    </div>
  );
}

/**
 * Stored values that failed their schema: never dropped silently. The user can download each one
 * and then discard it.
 */
export function QuarantineNotice({ values, settingAside }: { values: QuarantinedValue[]; settingAside: number }) {
  if (values.length === 0 && settingAside === 0) return null;
  return (
    <div class="notice" role="alert" data-testid="quarantine">
      <p>
        {settingAside > 0 && values.length === 0
          ? 'Some saved data could not be read; Goalpost is setting it aside.'
          : `Goalpost set aside ${values.length === 1 ? 'one saved item' : `${values.length} saved items`} it could not read. Nothing was deleted: download a copy to keep it.`}
      </p>
      <ul>
        {values.map((value) => (
          <li key={value.id}>
            <span>{value.reason}</span>
            <div class="bar">
              <button type="button" class="small" data-testid="quarantine-download"
                onClick={() => downloadJson(`goalpost-set-aside-${value.id}.json`, value)}>Download</button>
              <button type="button" class="small" data-testid="quarantine-discard"
                onClick={() => void dismissQuarantined([value.id])}>Discard</button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Whether the user is in the panel: its window has the focus, or the pointer or keyboard was used in
 * it since `undo` appeared. Leaving for the page (blur) pauses the count again.
 */
function useAttended(undo: Undo | null): boolean {
  const [attended, setAttended] = useState(() => document.hasFocus());
  useEffect(() => {
    setAttended(document.hasFocus());
    const on = () => setAttended(true);
    const off = () => setAttended(false);
    addEventListener('focus', on);
    addEventListener('pointermove', on);
    addEventListener('keydown', on);
    addEventListener('blur', off);
    return () => {
      removeEventListener('focus', on);
      removeEventListener('pointermove', on);
      removeEventListener('keydown', on);
      removeEventListener('blur', off);
    };
  }, [undo]);
  return attended;
}
