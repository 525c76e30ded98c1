import type { SelectorCandidate } from '@/lib/selector';
import { overallStability, stabilityHints, type StabilityLevel } from './stability';

// The ranked alternatives shown under Edit (PRODUCT.md §2, issue 15): the ones stored at pick time
// and fresh ones from the live page, each with its match count and a short stability hint.

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

/**
 * The alternative's stability in a few words, by the same rules as a row's hint (stability.ts), so
 * a bare `button` reads "tags only", not "stable"; "several matches" is said by its count already.
 */
export function shortHint(candidate: Pick<SelectorCandidate, 'selector'>): { level: StabilityLevel; text: string } {
  const hints = stabilityHints(candidate.selector);
  const level = overallStability(hints);
  const worst = hints.find((hint) => hint.level === level);
  return { level, text: worst?.short ?? 'classes only' };
}

export interface Alternative extends SelectorCandidate {
  /** Counted on the page just now (`false`: the count from pick time). */
  live: boolean;
}
