import { ActivityBar } from './ActivityBar';
import { ElementList } from './ElementList';
import { MetricList } from './MetricList';
import { OpError, QuarantineNotice, UndoBar } from './Notices';
import { PickerButton } from './PickerButton';
import { TestMode } from './TestMode';
import { useActivityForTab } from './hooks/useActivityForTab';
import { useOperations } from './hooks/useOperations';
import { useWorkspaceState } from './hooks/useWorkspace';
import { useTargetTab } from './hooks/useTargetTab';
import { ExportControls } from './export/ExportControls';
import { HealthSummary } from './health/HealthSummary';
import { isWebUrl } from '@/lib/panel/target-tab';

export function App() {
  const state = useWorkspaceState();
  const tab = useTargetTab();
  const ops = useOperations();
  const workspace = state.kind === 'ready' ? state.workspace : undefined;
  const activity = workspace?.activities.find((item) => item.id === workspace.currentActivityId);
  const pageUrl = isWebUrl(tab?.url) ? tab.url : undefined;
  const tabId = pageUrl ? tab?.id : undefined;
  useActivityForTab(workspace, pageUrl, ops.send);
  return (
    <main>
      <header>
        <h1>Goalpost</h1>
        <PickerButton tab={tab} />
      </header>
      <OpError message={ops.error} onDismiss={ops.dismissError} />
      {state.kind === 'ready' && <QuarantineNotice values={state.quarantine} settingAside={state.settingAside} />}
      {state.kind === 'loading' && <p class="status" aria-busy="true" data-testid="loading">Loading your activities…</p>}
      {state.kind === 'error' && <p class="error" role="alert">{state.message}</p>}
      {workspace && <ActivityBar workspace={workspace} activity={activity} pageUrl={pageUrl} send={ops.send} />}
      <TestMode tab={tab} workspace={workspace} activity={activity} />
      <HealthSummary activity={activity} tabId={tabId} pageUrl={pageUrl} send={ops.send} />
      {activity && <MetricList activity={activity} send={ops.send} />}
      {activity && <ElementList activity={activity} tabId={tabId} pageUrl={pageUrl} send={ops.send} />}
      <UndoBar undo={ops.undo} onUndo={() => void ops.runUndo()} onDismiss={ops.dismissUndo} />
      <footer>
        <ExportControls activity={activity} workspace={workspace} />
      </footer>
    </main>
  );
}
