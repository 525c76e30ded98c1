import { useState } from 'preact/hooks';
import { ActivityBar } from './ActivityBar';
import { ElementList } from './ElementList';
import { HelpButton } from './Help';
import { MetricList } from './MetricList';
import { OpError, QuarantineNotice, UndoToast } from './Notices';
import { PickerButton } from './PickerButton';
import { PickingNote, TabNotice } from './TabNotice';
import { TestMode } from './TestMode';
import { useActivityForTab } from './hooks/useActivityForTab';
import { useOperations } from './hooks/useOperations';
import { useWorkspaceState } from './hooks/useWorkspace';
import { useTargetTab } from './hooks/useTargetTab';
import { ExportControls } from './export/ExportControls';
import { HealthSummary } from './health/HealthSummary';

/**
 * The panel: a header that stays (name, help, Pick), the scrolling content, and a footer that stays
 * (the undo toast above the export buttons). The toast takes its own room in the footer, so it never
 * lies over a control (issue 15). Panel-wide notes from other features go in the content, above the activity.
 */
export function App() {
  const state = useWorkspaceState();
  const tab = useTargetTab();
  const ops = useOperations();
  const [picking, setPicking] = useState(false);
  const workspace = state.kind === 'ready' ? state.workspace : undefined;
  const activity = workspace?.activities.find((item) => item.id === workspace.currentActivityId);
  const page = tab?.kind === 'web' ? tab : undefined;
  useActivityForTab(workspace, page?.url, ops.send);
  return (
    <>
      <header class="top">
        <div class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <h1>Goalpost</h1>
        </div>
        <div class="top-actions">
          <HelpButton />
          <PickerButton tab={tab} onActiveChange={setPicking} />
        </div>
      </header>
      <div class="scroll" data-testid="panel-scroll">
        <main>
          {picking && <PickingNote />}
          <TabNotice tab={tab} />
          <OpError message={ops.error} onDismiss={ops.dismissError} />
          {state.kind === 'ready' && <QuarantineNotice values={state.quarantine} settingAside={state.settingAside} />}
          {state.kind === 'loading' && <p class="status" aria-busy="true" data-testid="loading">Loading your activities…</p>}
          {state.kind === 'error' && <p class="error" role="alert">{state.message}</p>}
          {workspace && <ActivityBar workspace={workspace} activity={activity} page={page} picking={picking} send={ops.send} />}
          <TestMode tab={page} workspace={workspace} activity={activity} />
          <HealthSummary activity={activity} tabId={page?.id} pageUrl={page?.url} send={ops.send} />
          {activity && <MetricList activity={activity} send={ops.send} />}
          {activity && <ElementList activity={activity} tabId={page?.id} pageUrl={page?.url} tabHidden={tab?.kind === 'hidden'} picking={picking} send={ops.send} />}
        </main>
      </div>
      <footer class="bottom">
        <UndoToast undo={ops.undo} onUndo={() => void ops.runUndo()} onDismiss={ops.dismissUndo} />
        <div class="bar">
          <ExportControls activity={activity} workspace={workspace} />
        </div>
      </footer>
    </>
  );
}
