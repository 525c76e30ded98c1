import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import { findTargetTab } from '@/lib/panel/target-tab';

/** The web tab the panel works on, refreshed when the user switches or navigates tabs. */
export function useTargetTab(): Browser.tabs.Tab | undefined {
  const [tab, setTab] = useState<Browser.tabs.Tab>();
  useEffect(() => {
    let latest = 0;
    // A reload fires several updates (loading, complete) whose lookups may resolve out of order;
    // only the newest lookup may set the tab, or a stale "loading" state would stick.
    const refresh = () => {
      const run = ++latest;
      void findTargetTab().then((found) => run === latest && setTab(found));
    };
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      latest = -1;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, []);
  return tab;
}
