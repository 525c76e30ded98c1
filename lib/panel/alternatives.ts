import type { SelectorCandidate, StabilityHint } from '@/lib/selector';

// The ranked alternatives shown under Edit (PRODUCT.md §2, issue 15): the ones stored at pick time
// and fresh ones from the live page, each with its match count and a short stability hint.

/** Short hints, most worrying first (lib/selector HINT_ORDER); the full sentence is the title. */
const SHORT_HINTS: Record<StabilityHint, string> = {
  'generated-name': 'name looks generated',
  'state-name': 'uses a state',
  'position': 'uses position',
  'style-class': 'uses a styling class',
  'multiple-matches': 'several matches',
  'not-portable': 'not portable',
};

/**
 * Alternatives to `current`: fresh ones from the page when known (their counts are live), else
 * those stored at pick time; each selector once, the current one left out, the engine's order kept.
 */
export function alternativesFor(current: string, stored: readonly SelectorCandidate[] | undefined, fresh: readonly SelectorCandidate[] | undefined): Alternative[] {
  const result: Alternative[] = [];
  const seen = new Set([current.trim()]);
  const take = (candidates: readonly SelectorCandidate[] | undefined, live: boolean) => {
    for (const candidate of candidates ?? []) {
      if (seen.has(candidate.selector)) continue;
      seen.add(candidate.selector);
      result.push({ ...candidate, live });
    }
  };
  take(fresh, true);
  if (!fresh) take(stored, false);
  return result;
}

/** `stable` or the most worrying hint in a few words, for the alternative's tag. */
export function shortHint(candidate: Pick<SelectorCandidate, 'hints'>): { level: 'stable' | 'caution' | 'fragile'; text: string } {
  const [first] = candidate.hints.filter((hint) => hint !== 'multiple-matches');
  if (!first) return { level: 'stable', text: 'stable' };
  const fragile = first === 'generated-name' || first === 'state-name' || first === 'position';
  return { level: fragile ? 'fragile' : 'caution', text: SHORT_HINTS[first] };
}

export interface Alternative extends SelectorCandidate {
  /** Counted on the page just now (`false`: the count from pick time). */
  live: boolean;
}
