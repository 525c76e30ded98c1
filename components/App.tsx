import { ElementList } from './ElementList';
import { PickerButton } from './PickerButton';
import { useWorkspace } from './hooks/useWorkspace';
import { useTargetTab } from './hooks/useTargetTab';
import { downloadJson } from '@/lib/panel/download';

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
        <button
          type="button"
          data-testid="export"
          disabled={!activity}
          onClick={() => activity && downloadJson(`${activity.name}.goalpost.json`, activity)}
        >
          Export JSON
        </button>
      </footer>
    </main>
  );
}
