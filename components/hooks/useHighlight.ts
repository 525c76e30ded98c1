import { useCallback, useEffect } from 'preact/hooks';
import { highlightMatches, type MatchTarget } from '@/lib/panel/page-query';

/** Highlights a row's matches on the tab while the row is hovered or focused; clears on leave and on close. */
export function useHighlight(tabId: number | undefined): (target: MatchTarget | null) => void {
  useEffect(() => {
    if (tabId === undefined) return;
    const clear = () => void highlightMatches(tabId, null);
    addEventListener('pagehide', clear);
    return () => {
      removeEventListener('pagehide', clear);
      clear();
    };
  }, [tabId]);
  return useCallback((target) => {
    if (tabId !== undefined) void highlightMatches(tabId, target);
  }, [tabId]);
}
