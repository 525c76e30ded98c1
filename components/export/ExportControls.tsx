import { useState } from 'preact/hooks';
import type { Activity, Workspace } from '@/lib/goals/model';
import { canonicalFileName, serializeCanonical } from '@/lib/export/canonical';
import { downloadText, safeFileName } from '@/lib/export/files';
import { ExportDialog } from './ExportDialog';

/** The panel footer's export buttons: a one-click canonical download, and the full dialog. */
export function ExportControls({ activity, workspace }: { activity: Activity | undefined; workspace: Workspace | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        data-testid="export"
        disabled={!activity}
        onClick={() => activity && downloadText(safeFileName(canonicalFileName(activity)), serializeCanonical(activity))}
      >
        Export JSON
      </button>
      <button type="button" data-testid="export-open" disabled={!workspace} onClick={() => setOpen(true)}>
        Export / Import…
      </button>
      {open && workspace && <ExportDialog activity={activity} workspace={workspace} onClose={() => setOpen(false)} />}
    </>
  );
}
