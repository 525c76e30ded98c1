import { ElementList } from './ElementList';
import { PickerButton } from './PickerButton';
import { useWorkspace } from './hooks/useWorkspace';
import { useTargetTab } from './hooks/useTargetTab';
import { ExportControls } from './export/ExportControls';

export function App() {
  const workspace = useWorkspace();
  const tab = useTargetTab();
  const activity = workspace?.activities.find((item) => item.id === workspace.currentActivityId);
  return (
    <main>
      <header>
        <h1>Goalpost</h1>
        <PickerButton tab={tab} />
      </header>
      <section aria-labelledby="selected-heading">
        <h2 id="selected-heading">Selected Elements</h2>
        {workspace === undefined ? (
          <p class="status">Loading…</p>
        ) : (
          <ElementList elements={activity?.elements ?? []} />
        )}
      </section>
      <footer>
        <ExportControls activity={activity} workspace={workspace} />
      </footer>
    </main>
  );
}
