import { useEffect, useRef, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import { sendMessage, type PickerStatus } from '@/lib/messaging';
import { sendToTab } from '@/lib/tab-messaging';
import { canScriptTab } from '@/lib/panel/access';
import { onPanelMessage } from '@/lib/panel/panel-messages';
import { originPattern, type TargetTab } from '@/lib/panel/target-tab';

/** Starts and stops the picker on the target tab; `onActiveChange` tells the panel whether it is picking. */
export function PickerButton({ tab: target, onActiveChange }: { tab: TargetTab | undefined; onActiveChange?(active: boolean): void }) {
  // Only a web page Goalpost can see can be picked on (lib/panel/target-tab.ts); the panel explains the rest.
  const tab = target?.kind === 'web' ? target : undefined;
  const [active, setActive] = useState(false);
  const [error, setError] = useState<string>();
  /** Whether Goalpost may script the tab; a pending check is awaited by the button (issue 11 item 6). */
  const access = useRef<Promise<boolean>>(Promise.resolve(false));
  const accessKnown = useRef<boolean | undefined>(false);
  /** The last "picking stopped" the tab's picker sent, read when a start is confirmed after it. */
  const stopped = useRef<PickerStatus | null>(null);
  /** Bumped whenever the tab's document may have changed: older answers are then out of date. */
  const generation = useRef(0);
  const checkAccess = (tabId: number) => {
    accessKnown.current = undefined;
    const check = canScriptTab(tabId);
    access.current = check;
    void check.then((granted) => {
      if (access.current === check) accessKnown.current = granted;
    });
  };

  useEffect(() => onActiveChange?.(active), [active]);
  useEffect(() => {
    setActive(false);
    access.current = Promise.resolve(false);
    accessKnown.current = false;
    if (!tab) return;
    const tabId = tab.id;
    const ask = () => {
      const run = ++generation.current;
      const current = () => run === generation.current;
      sendToTab('pickerStatus', undefined, tabId).then((status) => current() && setActive(status.active), () => current() && setActive(false));
      checkAccess(tabId);
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
    if (data.tabId === tab?.id) checkAccess(data.tabId);
  }), [tab?.id]);
  // When picking stops on its own (the page fought it off), say why (issue 11 item 6).
  useEffect(() => onPanelMessage('pickerChanged', (data, sender) => {
    if (sender.tab?.id !== tab?.id) return;
    if (!data.active) stopped.current = data;
    setActive(data.active);
    setError(stoppedText(data));
  }), [tab?.id]);

  const usable = tab !== undefined;
  const toggle = async () => {
    if (!tab) return;
    setError(undefined);
    const on = !active;
    if (on && !(await allowed(tab.id, tab.url))) return;
    const run = generation.current;
    stopped.current = null;
    const status = await sendMessage('togglePicker', { tabId: tab.id, on });
    // The page may have reloaded while the picker was being injected (issue 5).
    if (run !== generation.current) return;
    // A page can end picking before the injection is even reported (issue 11): its reason wins.
    const ended = on && status.active ? stopped.current : null;
    setActive(ended ? false : status.active);
    setError(ended ? stoppedText(ended) : status.error);
  };

  /**
   * Access to the tab, asking for the site only when it is missing (issue 11 item 6). A check still
   * running (the toolbar click just granted access) is awaited, never answered with a prompt;
   * Chromium checks once more before it prompts. Firefox allows the prompt only straight from the
   * click, before any await: there the last answer is used, and a click during a check asks the
   * user to press again.
   */
  const allowed = async (tabId: number, url: string): Promise<boolean> => {
    if (accessKnown.current === true) return true;
    if (accessKnown.current === undefined || !import.meta.env.FIREFOX) {
      if (accessKnown.current === false) checkAccess(tabId);
      if (await access.current) return true;
      if (import.meta.env.FIREFOX) {
        setError('Goalpost was still checking its access to this page: press Pick elements again.');
        return false;
      }
    }
    const granted = await browser.permissions.request({ origins: [originPattern(url)] }).catch(() => null);
    if (granted) return true;
    setError(granted === null
      ? 'The browser did not show the access prompt: press Pick elements again to allow Goalpost on this site.'
      : 'Goalpost needs access to this site to pick elements on it.');
    return false;
  };

  return (
    <div class="picker-button">
      <button type="button" class={active ? '' : 'primary'} data-testid="pick" disabled={!usable} onClick={toggle}>
        {active ? 'Stop picking' : 'Pick elements'}
      </button>
      {error && <p class="error" role="alert" data-testid="pick-error">{error}</p>}
    </div>
  );
}

/** The picker's own words for why it stopped (lib/picker/picker.ts), or nothing when the user stopped it. */
function stoppedText(status: PickerStatus): string | undefined {
  return status.error;
}
