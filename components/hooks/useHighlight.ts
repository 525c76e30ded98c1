import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import type { MatchTarget } from '@/lib/panel/page-query';
import { rowHighlighter, tabHighlightWays } from '@/lib/panel/row-highlight';

/**
 * Outlines matches on the tab for whoever has the pointer or the focus: a hovered row, the
 * selector being typed in Edit or Add (issue 15). Each caller names itself: `release` only clears
 * the outline it drew, so leaving one row never clears what the next one just showed.
 */
export function useHighlight(tabId: number | undefined): Highlight {
  const highlighter = useMemo(() => (tabId === undefined ? null : rowHighlighter(tabHighlightWays(tabId))), [tabId]);
  const owner = useRef<string | null>(null);
  useEffect(() => {
    if (!highlighter) return;
    const clear = () => void highlighter.clear();
    addEventListener('pagehide', clear);
    return () => {
      removeEventListener('pagehide', clear);
      owner.current = null;
      clear();
    };
  }, [highlighter]);
  const show = useCallback((who: string, target: MatchTarget | null) => {
    owner.current = target ? who : null;
    void highlighter?.show(target);
  }, [highlighter]);
  const release = useCallback((who: string) => {
    if (owner.current !== who) return;
    owner.current = null;
    void highlighter?.show(null);
  }, [highlighter]);
  return useMemo(() => ({ show, release }), [show, release]);
}

export interface Highlight {
  /** Outlines `target`'s matches on behalf of `who` (null: nothing, but `who` keeps the turn). */
  show(who: string, target: MatchTarget | null): void;
  /** Clears the outline if `who` drew the latest one. */
  release(who: string): void;
}
