import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import { findTargetTab } from '@/lib/panel/target-tab';

/** The web tab the panel works on, refreshed when the user switches or navigates tabs. */
export function useTargetTab(): Browser.tabs.Tab | undefined {
  const [tab, setTab] = useState<Browser.tabs.Tab>();
  useEffect(() => {
    const refresh = () => void findTargetTab().then(setTab);
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, []);
  return tab;
}
