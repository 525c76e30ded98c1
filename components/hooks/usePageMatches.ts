import { useEffect, useState } from 'preact/hooks';
import { queryMatches, type MatchInfo, type MatchTarget, type PageMatches } from '@/lib/panel/page-query';
import { wakeablePause } from '@/lib/panel/wakeable-pause';

/**
 * Live match counts of `targets` on the tab: counted once, then re-counted whenever the page's
 * DOM changes them (a long-running query that answers on change, see page-query.ts). Access
 * problems and reloads are reported as a status, with the last known counts kept.
 */
export function usePageMatches(tabId: number | undefined, targets: MatchTarget[]): PageMatchState {
  // `key` stands for `targets`, a fresh array on every render.
  const [state, setState] = useState<PageMatchState>({ status: 'loading', matches: [] });
  const key = JSON.stringify(targets);

  useEffect(() => {
    if (tabId === undefined) {
      setState({ status: 'no-page', matches: [] });
      return;
    }
    // Same tab, new list (an edit, an undo): keep the known counts while the new ones come in.
    setState((previous) => (previous.tabId === tabId ? { ...previous, status: 'loading' } : { status: 'loading', matches: [], tabId }));
    let stopped = false;
    /** Pauses until the tab reloads, access is granted, or `ms` pass. */
    const { pause, wake } = wakeablePause();
    const onTabUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') wake();
    };
    const onPermission = () => wake();
    browser.tabs.onUpdated.addListener(onTabUpdated);
    browser.permissions.onAdded.addListener(onPermission);

    void (async () => {
      let known: PageMatches | undefined;
      while (!stopped) {
        const result = await queryMatches(tabId, targets, known);
        if (stopped) return;
        if (result.kind === 'ok') {
          known = result.page;
          setState({ status: 'ok', matches: result.page.matches, url: result.page.url, targets, tabId });
        } else if (result.kind === 'no-access') {
          known = undefined;
          setState({ status: 'no-access', matches: [], message: result.message, tabId });
          await pause(3000);
        } else if (result.kind === 'failed') {
          known = undefined;
          setState((previous) => ({ ...previous, status: 'stale', message: result.message }));
          await pause(1000);
        }
      }
    })();
    return () => {
      stopped = true;
      wake();
      browser.tabs.onUpdated.removeListener(onTabUpdated);
      browser.permissions.onAdded.removeListener(onPermission);
    };
  }, [tabId, key]);

  return state;
}

/** The last known count of a target, or `undefined` when it was not counted yet (new or edited). */
export function matchFor(state: PageMatchState, target: MatchTarget): MatchInfo | undefined {
  const key = JSON.stringify(target);
  const index = state.targets?.findIndex((counted) => JSON.stringify(counted) === key) ?? -1;
  return index === -1 ? undefined : state.matches[index];
}

export interface PageMatchState {
  /** `stale`: the page is reloading or did not answer; `matches` are the last known ones. */
  status: 'loading' | 'ok' | 'stale' | 'no-access' | 'no-page';
  /** In the order of `targets`, the list they were counted for (maybe an older one than asked now). */
  matches: MatchInfo[];
  targets?: MatchTarget[];
  tabId?: number;
  url?: string;
  message?: string;
}
