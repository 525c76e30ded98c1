import { useState } from 'preact/hooks';
import type { Activity, Workspace } from '@/lib/goals/model';
import { canonicalExport, downloadText } from '@/lib/export/files';
import { ExportDialog } from './ExportDialog';

/** The panel footer's export buttons: a one-click canonical download, and the full dialog. */
export function ExportControls({ activity, workspace }: { activity: Activity | undefined; workspace: Workspace | undefined }) {
  const [open, setOpen] = useState(false);
  // A file that would not import again is not written: the dialog says what is wrong instead.
  const download = (current: Activity) => {
    const file = canonicalExport(current);
    if (file.ok) downloadText(file.fileName, file.text);
    else setOpen(true);
  };
  return (
    <>
      <button
        type="button"
        data-testid="export"
        disabled={!activity}
        onClick={() => activity && download(activity)}
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
