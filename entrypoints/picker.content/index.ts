import { browser } from 'wxt/browser';
import type { Workspace } from '@/lib/goals/model';
import { onMessage, sendMessage } from '@/lib/messaging';
import { startPicker, type PickerHandle } from '@/lib/picker/picker';

/** Where a running instance leaves its disposer, in the extension's own world (the page cannot see it). */
const INSTANCE = Symbol.for('goalpost.picker');
/** lib/goals/storage.ts's workspaceItem (`local:workspace`): its key in storage.local. */
const WORKSPACE_KEY = 'workspace';
const EMPTY: Workspace = { activities: [], currentActivityId: null };

// Injected into the top frame on demand (lib/picker/inject.ts) when the user starts picking; never
// on every page. It stays to answer the panel's status questions after picking stops, without
// anything left in the page; injecting again replaces it.
export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise announce itself with a window message every page script can read.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const startedAt = performance.now();
    const registry = globalThis as unknown as Record<symbol, (() => void) | undefined>;
    registry[INSTANCE]?.();

    const picking = new AbortController();
    let picker: PickerHandle | null = null;
    const stopPicking = (error?: string) => {
      if (picking.signal.aborted) return;
      picking.abort();
      picker = null;
      void sendMessage('pickerChanged', { active: false, ...(error ? { error } : {}) }).catch(() => undefined);
      // WXT's context keeps a listener on the page's document; once picking stops, nothing of ours stays there.
      forgetContext();
      ctx.abort();
    };
    const removers = [
      onMessage('stopPicker', () => stopPicking()),
      onMessage('pickerStatus', () => ({ active: !picking.signal.aborted })),
      onMessage('highlightInPicker', ({ data }) => {
        picker?.highlight(data.target);
        return picker !== null;
      }),
    ];
    const dispose = () => {
      stopPicking();
      removers.forEach((remove) => remove());
      if (registry[INSTANCE] === dispose) delete registry[INSTANCE];
    };
    const forgetContext = ctx.onInvalidated(dispose);
    registry[INSTANCE] = dispose;

    picker = startPicker(document, {
      frameUrl: browser.runtime.getURL('/picker-frame.html'),
      startedAt,
      onPick: (pick) => void sendMessage('elementPicked', pick),
      onUnpick: (activityId, elementIds) => void sendMessage('elementUnpicked', { activityId, elementIds }),
      onExit: () => stopPicking(),
      onFail: (reason) => stopPicking(reason),
    }, picking.signal);
    const track = (workspace: Workspace | undefined) => picker?.setActivity(pickingActivity(workspace ?? EMPTY));
    // Read from storage.local directly, as lib/goals/storage.ts's workspaceItem stores it: the storage
    // library would add ~0.5 KB gzipped to a script injected on every pick.
    void browser.storage.local.get(WORKSPACE_KEY).then((stored) => track(stored[WORKSPACE_KEY] as Workspace | undefined));
    const changed = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && WORKSPACE_KEY in changes) track(changes[WORKSPACE_KEY]!.newValue as Workspace | undefined);
    };
    browser.storage.onChanged.addListener(changed);
    picking.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(changed), { once: true });
  },
});

/** The activity picks go to (lib/goals/operations.ts recordPick): the current one, else the last. */
function pickingActivity(workspace: Workspace) {
  return workspace.activities.find((activity) => activity.id === workspace.currentActivityId) ?? workspace.activities.at(-1) ?? null;
}
