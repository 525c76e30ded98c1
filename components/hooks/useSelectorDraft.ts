import { useMemo } from 'preact/hooks';
import type { MatchTarget } from '@/lib/panel/page-query';
import { checkSelector } from '@/lib/panel/selector-problem';
import { useDraftCount } from './useDraftCount';
import { useMatchView, useProposals } from './usePageAgent';

/**
 * Everything the panel knows about a selector being typed (Edit or Add): the check in words, the
 * live count, working selectors from the page when refused, and where the matches are. `where`
 * holds the frames and shadow hosts the selector is written for (the row's; none for Add).
 */
export function useSelectorDraft(tabId: number | undefined, draft: string | null, where: Omit<MatchTarget, 'selector'>, engaged: boolean) {
  const check = useMemo(() => checkSelector(draft ?? ''), [draft]);
  const valid = draft !== null && check.ok;
  const target: MatchTarget | null = valid ? { selector: draft.trim(), ...where } : null;
  const count = useDraftCount(tabId, target);
  const request = draft !== null && draft.trim() !== '' && !check.ok && (check.intended || check.repairs.length > 0)
    ? { target: { selector: check.intended ?? draft, ...where }, repairs: check.repairs }
    : null;
  const proposals = useProposals(tabId, request);
  const { view, reveal } = useMatchView(tabId, target, engaged && count.kind === 'count' && count.count > 0);
  return { check, target, count, proposals, view, reveal };
}
