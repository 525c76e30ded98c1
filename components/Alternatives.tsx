import type { TrackedElement } from '@/lib/goals/model';
import { alternativesFor, shortHint } from '@/lib/panel/alternatives';
import { matchesText } from '@/lib/panel/format';
import { stabilityHints } from '@/lib/panel/stability';
import { useFreshCandidates } from './hooks/usePageAgent';

/**
 * Under Edit: the element's other selectors, ranked (PRODUCT.md §2, issue 15), each with its match
 * count and a stability hint; one click swaps, and the selector before stays one click away.
 */
export function Alternatives({ element, tabId, previous, onUse }: AlternativesProps) {
  const fresh = useFreshCandidates(tabId, { selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts });
  const alternatives = alternativesFor(element.selector, element.alternatives, fresh);
  const showPrevious = previous !== null && previous !== element.selector;
  return (
    <section class="alternatives" data-testid="alternatives" aria-label="Other selectors for this element">
      <h4>Other selectors for this element</h4>
      {showPrevious && (
        <div class="alternative previous" data-testid="previous-selector">
          <span class="alt-main">
            <span class="status">Before:</span> <code class="one-line" title={previous}>{previous}</code>
          </span>
          <button type="button" class="small" data-testid="swap-back" onClick={() => onUse(previous)}>Swap back</button>
        </div>
      )}
      {alternatives.length === 0 ? (
        <p class="status" data-testid="no-alternatives">
          {fresh === undefined && !element.alternatives
            ? 'Open the page this element is on to see other selectors for it.'
            : 'No other selector finds this element.'}
        </p>
      ) : (
        <ul>
          {alternatives.map((alternative) => {
            const hint = shortHint(alternative);
            return (
              <li key={alternative.selector} class="alternative" data-testid="alternative">
                <span class="alt-main">
                  <code class="one-line" title={alternative.selector}>{alternative.selector}</code>
                  <span class="alt-meta">
                    <span data-testid="alternative-count">{matchesText(alternative.matchCount)}{alternative.live ? '' : ' when picked'}</span>
                    {' · '}
                    <span class={`hint-tag ${hint.level}`} title={stabilityHints(alternative.selector, alternative.matchCount).map((item) => item.text).join('\n')}>{hint.text}</span>
                  </span>
                </span>
                <button type="button" class="small" data-testid="use-alternative" aria-label={`Use ${alternative.selector}`} onClick={() => onUse(alternative.selector)}>Use</button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface AlternativesProps {
  element: TrackedElement;
  tabId: number | undefined;
  previous: string | null;
  onUse(selector: string): void;
}
