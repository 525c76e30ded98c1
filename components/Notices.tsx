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

/** "Deleted …  Undo", for the last deletion. */
export function UndoBar({ undo, onUndo, onDismiss }: { undo: Undo | null; onUndo(): void; onDismiss(): void }) {
  if (!undo) return null;
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar">
      <span class="grow">{undo.label}</span>
      <button type="button" class="primary small" data-testid="undo" onClick={onUndo}>Undo</button>
      <button type="button" class="small" aria-label="Close" onClick={onDismiss}>✕</button>
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
