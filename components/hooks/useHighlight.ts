import { useCallback, useEffect, useMemo } from 'preact/hooks';
import type { MatchTarget } from '@/lib/panel/page-query';
import { rowHighlighter, tabHighlightWays } from '@/lib/panel/row-highlight';

/** Highlights a row's matches on the tab while the row is hovered or focused; clears on leave and on close. */
export function useHighlight(tabId: number | undefined): (target: MatchTarget | null) => void {
  const highlighter = useMemo(() => (tabId === undefined ? null : rowHighlighter(tabHighlightWays(tabId))), [tabId]);
  useEffect(() => {
    if (!highlighter) return;
    const clear = () => void highlighter.clear();
    addEventListener('pagehide', clear);
    return () => {
      removeEventListener('pagehide', clear);
      clear();
    };
  }, [highlighter]);
  return useCallback((target) => void highlighter?.show(target), [highlighter]);
}
