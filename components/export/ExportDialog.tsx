import { useEffect, useRef, useState } from 'preact/hooks';
import type { Activity, Workspace } from '@/lib/goals/model';
import { outboxItem } from '@/lib/export/outbox';
import { FileExports } from './FileExports';
import { ImportForm } from './ImportForm';
import { Outbox } from './Outbox';
import { ScriptTag } from './ScriptTag';
import { SendForms } from './SendForms';
import { useItem } from './useItem';
import './export.css';

type Tab = 'files' | 'send' | 'import';
const TABS: { id: Tab; label: string }[] = [
  { id: 'files', label: 'Files' },
  { id: 'send', label: 'Send' },
  { id: 'import', label: 'Import' },
];

/**
 * Export the current activity to files or backends, see what failed, and import files (issue 6),
 * in three tabs (issue 15): Files (downloads, the clipboard), Send (webhook, PostHog, the outbox),
 * Import. Each tab is a list of `<section class="export-section">`: another export mounts its own
 * section in the tab it belongs to with one line.
 */
export function ExportDialog({ activity, workspace, onClose }: { activity: Activity | undefined; workspace: Workspace; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [tab, setTab] = useState<Tab>(activity ? 'files' : 'import');
  const outbox = useItem(outboxItem);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const tabs = activity ? TABS : TABS.filter((item) => item.id === 'import');
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((item) => item.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    setTab(next.id);
    dialog.current?.querySelector<HTMLElement>(`#export-tab-${next.id}`)?.focus();
  };
  const failed = outbox?.length ?? 0;
  return (
    <dialog ref={dialog} class="export-dialog" data-testid="export-dialog" aria-labelledby="export-dialog-heading" onClose={onClose}>
      <header>
        <h2 id="export-dialog-heading">{activity ? `Export “${activity.name}”` : 'Import'}</h2>
        <button type="button" data-testid="export-close" onClick={() => dialog.current?.close()}>Close</button>
      </header>
      <div class="tabs" role="tablist" aria-label="Export or import" onKeyDown={move}>
        {tabs.map((item) => (
          <button key={item.id} type="button" role="tab" id={`export-tab-${item.id}`} data-testid={`export-tab-${item.id}`}
            aria-selected={tab === item.id} aria-controls={`export-panel-${item.id}`} tabIndex={tab === item.id ? 0 : -1}
            onClick={() => setTab(item.id)}>
            {item.label}
            {item.id === 'send' && failed > 0 && <span class="tab-badge" aria-label={`, ${failed} not sent`}>{failed}</span>}
          </button>
        ))}
      </div>
      {activity && (
        <div role="tabpanel" id="export-panel-files" aria-labelledby="export-tab-files" hidden={tab !== 'files'} class="tab-panel">
          <p class="status">Files stay on this computer until you share them.</p>
          <FileExports activity={activity} />
          <ScriptTag activity={activity} />
        </div>
      )}
      {activity && (
        <div role="tabpanel" id="export-panel-send" aria-labelledby="export-tab-send" hidden={tab !== 'send'} class="tab-panel">
          <p class="status">Nothing leaves this browser unless you press a button that says where it goes.</p>
          <SendForms activity={activity} />
          <Outbox />
        </div>
      )}
      <div role="tabpanel" id="export-panel-import" aria-labelledby="export-tab-import" hidden={tab !== 'import'} class="tab-panel">
        <ImportForm workspace={workspace} />
      </div>
    </dialog>
  );
}
