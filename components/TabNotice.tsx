import type { TargetTab } from '@/lib/panel/target-tab';
import { usePickerShortcut } from './hooks/usePickerShortcut';
import { Keys } from './Help';

/**
 * Why the panel cannot work on the tab, and what to do (issue 15). Without the `tabs` permission the
 * browser hides the address of a tab Goalpost was not pointed at: a toolbar click or the shortcut
 * on that tab lets it in (lib/panel/target-tab.ts).
 */
export function TabNotice({ tab }: { tab: TargetTab | undefined }) {
  const shortcut = usePickerShortcut();
  if (!tab || tab.kind === 'web') return null;
  if (tab.kind === 'none') return <p class="status" data-testid="tab-notice" data-state="none">No tab is open in this window. Open a web page to pick elements on it.</p>;
  if (tab.kind === 'other') {
    return <p class="status" data-testid="tab-notice" data-state="other">This tab shows a browser page, not a web page. Open a web page (http or https) to pick elements on it.</p>;
  }
  return (
    <div class="notice" role="status" data-testid="tab-notice" data-state="hidden">
      <p><strong>Goalpost can’t see this tab yet.</strong></p>
      <p>
        To work on the page in it, click Goalpost’s toolbar button while it is open
        {shortcut ? <> (or press <Keys keys={shortcut} /> there)</> : null}. Goalpost only reads the pages you point it at.
      </p>
    </div>
  );
}

/** While the picker runs, the panel says so and how to work it (not 'Press “Pick elements”'). */
export function PickingNote() {
  return (
    <p class="picking-note" role="status" data-testid="picking-note">
      <span class="pulse" aria-hidden="true" />
      Picking: click each element on the page whose clicks count as a success. <Keys keys="Esc" /> stops.
    </p>
  );
}
