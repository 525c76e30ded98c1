import { useEffect, useState } from 'preact/hooks';
import { queryMatches, type FirstMatch, type MatchTarget } from '@/lib/panel/page-query';

/** How many elements a selector being typed matches on the tab (in the row's frames and shadow roots), counted shortly after typing stops. */
export function useDraftCount(tabId: number | undefined, target: MatchTarget | null): DraftCount {
  const [count, setCount] = useState<DraftCount>({ kind: 'idle' });
  const key = target ? JSON.stringify(target) : null;
  useEffect(() => {
    if (target === null || tabId === undefined) {
      setCount({ kind: 'idle' });
      return;
    }
    setCount({ kind: 'counting' });
    let current = true;
    const timer = setTimeout(async () => {
      const result = await queryMatches(tabId, [target]);
      if (!current) return;
      const info = result.kind === 'ok' ? result.page.matches[0] : undefined;
      if (info?.ok) setCount({ kind: 'count', count: info.count, first: info.first });
      else setCount({ kind: 'unknown', message: result.kind === 'no-access' ? result.message : 'The count on the page is unknown.' });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [tabId, key]);
  return count;
}

export type DraftCount =
  | { kind: 'idle' }
  | { kind: 'counting' }
  | { kind: 'count'; count: number; first: FirstMatch | null }
  | { kind: 'unknown'; message: string };
