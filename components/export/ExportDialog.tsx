import { useEffect, useRef } from 'preact/hooks';
import type { Activity, Workspace } from '@/lib/goals/model';
import { FileExports } from './FileExports';
import { ImportForm } from './ImportForm';
import { Outbox } from './Outbox';
import { ScriptTag } from './ScriptTag';
import { SendForms } from './SendForms';
import './export.css';

/** Export the current activity to files or backends, see what failed, and import files (issue 6). */
export function ExportDialog({ activity, workspace, onClose }: { activity: Activity | undefined; workspace: Workspace; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="export-dialog" data-testid="export-dialog" aria-labelledby="export-dialog-heading" onClose={onClose}>
      <header>
        <h2 id="export-dialog-heading">{activity ? `Export “${activity.name}”` : 'Import'}</h2>
        <button type="button" data-testid="export-close" onClick={() => dialog.current?.close()}>Close</button>
      </header>
      <p class="status">Nothing leaves this browser unless you press a button that says where it goes.</p>
      {activity && <FileExports activity={activity} />}
      {activity && <SendForms activity={activity} />}
      {activity && <ScriptTag activity={activity} />}
      <Outbox />
      <ImportForm workspace={workspace} />
    </dialog>
  );
}
