import { workspaceItem } from '@/lib/goals/storage';
import type { Activity, Workspace } from '@/lib/goals/model';
import { onMessage, sendMessage } from '@/lib/messaging';
import { watchTestClicks, type TestWatch } from '@/lib/test-mode/watch';

/** Where a running instance leaves its disposer, in the extension's own world (the page cannot see it). */
const INSTANCE = Symbol.for('goalpost.test-mode');

// Test mode (issue 13), injected on demand by the background into every frame of the tab, on every
// page the tab loads while it is on (lib/test-mode/background.ts); injecting again replaces it.
// Switched off, it leaves nothing in the page: no node, no listener, no style.
export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise announce itself with a window message every page script can read.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const registry = globalThis as unknown as Record<symbol, (() => void) | undefined>;
    registry[INSTANCE]?.();

    const watching = new AbortController();
    let watch: TestWatch | null = null;
    const removers = [
      onMessage('stopTestMode', () => dispose()),
      onMessage('testModeReset', () => watch?.reset()),
    ];
    const dispose = () => {
      if (watching.signal.aborted) return;
      watching.abort();
      removers.forEach((remove) => remove());
      // WXT's context keeps a listener on the page's document; once test mode stops, nothing of ours stays there.
      forgetContext();
      ctx.abort();
      if (registry[INSTANCE] === dispose) delete registry[INSTANCE];
    };
    const forgetContext = ctx.onInvalidated(dispose);
    registry[INSTANCE] = dispose;

    const setup = await sendMessage('testModeSetup', undefined).catch(() => null);
    if (!setup || watching.signal.aborted) return dispose();
    let activity: Activity | null = null;
    const track = (workspace: Workspace) => {
      activity = workspace.activities.find((candidate) => candidate.id === setup.activityId) ?? null;
    };
    track(await workspaceItem.getValue());
    // The user may edit the activity in the panel while testing: the next click uses the edit.
    watching.signal.addEventListener('abort', workspaceItem.watch(track), { once: true });
    if (watching.signal.aborted) return;
    watch = watchTestClicks(document, {
      converted: setup.converted,
      activity: () => activity,
      report: (report) => sendMessage('testModeReport', report),
    }, watching.signal);
    // A page restored from the back/forward cache kept this script: test mode may have stopped meanwhile.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) void sendMessage('testModeSetup', undefined).then((again) => again || dispose(), () => dispose());
    }, { signal: watching.signal });
  },
});
