import { useEffect, useRef, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import { sendMessage, sendToTab } from '@/lib/messaging';
import { canScriptTab } from '@/lib/panel/access';
import { onPanelMessage } from '@/lib/panel/panel-messages';
import { originPattern, type TargetTab } from '@/lib/panel/target-tab';

/** Starts and stops the picker on the target tab; `onActiveChange` tells the panel whether it is picking. */
export function PickerButton({ tab: target, onActiveChange }: { tab: TargetTab | undefined; onActiveChange?(active: boolean): void }) {
  // Only a web page Goalpost can see can be picked on (lib/panel/target-tab.ts); the panel explains the rest.
  const tab = target?.kind === 'web' ? target : undefined;
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string>();
  const [access, setAccess] = useState(false);
  /** Bumped whenever the tab's document may have changed: older answers are then out of date. */
  const generation = useRef(0);

  useEffect(() => onActiveChange?.(active), [active]);
  useEffect(() => {
    setActive(false);
    setAccess(false);
    if (!tab) return;
    const tabId = tab.id;
    const ask = () => {
      const run = ++generation.current;
      const current = () => run === generation.current;
      sendToTab('pickerStatus', undefined, tabId).then((status) => current() && setActive(status.active), () => current() && setActive(false));
      void canScriptTab(tabId).then((granted) => current() && setAccess(granted));
    };
    ask();
    // A reload kills the picker's content script without a word (issue 5), and a fast one can be
    // over before the tab's state is read again: ask again on every load of the tab's document.
    const onUpdated = (updatedId: number, change: Browser.tabs.OnUpdatedInfo) => {
      if (updatedId === tabId && change.status !== undefined) ask();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      generation.current++;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tab?.id, tab?.url]);
  useEffect(() => onPanelMessage('pageAccessChanged', (data) => {
    if (data.tabId === tab?.id) void canScriptTab(data.tabId).then(setAccess);
  }), [tab?.id]);
  useEffect(() => onPanelMessage('pickerChanged', (data, sender) => {
    if (sender.tab?.id === tab?.id) setActive(data.active);
  }), [tab?.id]);

  const usable = tab !== undefined;
  const toggle = async () => {
    if (!tab) return;
    setError(undefined);
    const on = !active;
    // Asked from the click itself, before any other await: Firefox only allows permission
    // requests inside a user gesture.
    if (on && !access && !(await browser.permissions.request({ origins: [originPattern(tab.url)] }))) {
      setError('Goalpost needs access to this site to pick elements on it.');
      return;
    }
    const run = generation.current;
    const status = await sendMessage('togglePicker', { tabId: tab.id, on });
    // The page may have reloaded while the picker was being injected (issue 5).
    if (run !== generation.current) return;
    setActive(status.active);
    setError(status.error);
  };

  return (
    <div class="picker-button">
      <button type="button" class={active ? '' : 'primary'} data-testid="pick" disabled={!usable} onClick={toggle}>
        {active ? 'Stop picking' : 'Pick elements'}
      </button>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
