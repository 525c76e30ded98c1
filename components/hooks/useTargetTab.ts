import { useEffect, useState } from 'preact/hooks';
import { onPanelMessage } from '@/lib/panel/panel-messages';
import { findTargetTab, type TargetTab } from '@/lib/panel/target-tab';

/**
 * The tab the panel works on, refreshed when the user switches or navigates tabs, and when
 * Goalpost gains access to a tab (a toolbar click, the shortcut, a site permission): only then does
 * the browser show the panel that tab's address. `undefined` until first known.
 */
export function useTargetTab(): TargetTab | undefined {
  const [tab, setTab] = useState<TargetTab>();
  useEffect(() => {
    let latest = 0;
    // A reload fires several updates (loading, complete) whose lookups may resolve out of order;
    // only the newest lookup may set the tab, or a stale "loading" state would stick.
    const refresh = () => {
      const run = ++latest;
      void findTargetTab().then((found) => run === latest && setTab((previous) => (same(previous, found) ? previous : found)));
    };
    refresh();
    const stopAccess = onPanelMessage('pageAccessChanged', refresh);
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    browser.tabs.onRemoved.addListener(refresh);
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      latest = -1;
      stopAccess();
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(refresh);
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return tab;
}

function same(a: TargetTab | undefined, b: TargetTab): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
