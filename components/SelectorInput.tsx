import { useRef } from 'preact/hooks';
import type { MatchView } from '@/lib/panel/match-view';
import type { SelectorCheck } from '@/lib/panel/selector-problem';
import type { WorkingSelectors } from '@/lib/panel/working-selector';
import { matchesText } from '@/lib/panel/format';
import type { DraftCount } from './hooks/useDraftCount';

/**
 * A selector field validated as the user types (issue 15, "plain errors"): what is wrong in words,
 * the character marked under the field, and working selectors proven on the page by their match
 * count, one click to take; when it is valid, its live count and where its matches are.
 */
export function SelectorInput({ id, value, check, count, proposals, view, onReveal, label, testId, onInput, onKeyDown }: SelectorInputProps) {
  const messageId = `${id}-message`;
  const input = useRef<HTMLInputElement>(null);
  // The focus stays in the field: its matches stay outlined, and the user goes on typing.
  const reveal = () => {
    onReveal();
    input.current?.focus();
  };
  const showError = value.trim() !== '' && !check.ok;
  return (
    <div class="selector-input">
      <input
        ref={input}
        id={id}
        class="mono"
        data-testid={testId}
        aria-label={label}
        aria-invalid={showError}
        aria-describedby={messageId}
        spellcheck={false}
        autocomplete="off"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div id={messageId} aria-live="polite">
        {showError && !check.ok && (
          <div class="problem" data-testid="selector-problem">
            {check.at && <MarkedText text={value} at={check.at} />}
            <p class="error" data-testid="selector-message">{check.message}</p>
            <Proposals check={check} proposals={proposals} onUse={onInput} />
          </div>
        )}
        {check.ok && <p class="status" data-testid="draft-count">{describeDraftCount(count)}</p>}
        {check.ok && count.kind === 'count' && <OffscreenHint view={view} onShow={reveal} />}
      </div>
    </div>
  );
}

/** The typed text with the faulty characters marked, under the field (a field cannot mark its own text). */
function MarkedText({ text, at }: { text: string; at: { start: number; end: number } }) {
  const bad = text.slice(at.start, at.end);
  return (
    <p class="marked mono" data-testid="selector-mark" aria-label={`Problem at character ${at.start + 1}`}>
      {text.slice(0, at.start)}
      <mark>{bad === '' || bad === ' ' ? '␣' : bad}</mark>
      {text.slice(at.end)}
    </p>
  );
}

/** Selectors that work, each proven by its count on the page; without a page, only what needs no page. */
function Proposals({ check, proposals, onUse }: { check: Extract<SelectorCheck, { ok: false }>; proposals: WorkingSelectors | undefined; onUse(selector: string): void }) {
  const proven = proposals?.proposals ?? [];
  if (proven.length > 0) {
    return (
      <ul class="proposals" data-testid="proposals">
        {proven.map((proposal) => (
          <li key={proposal.selector}>
            <button type="button" class="link" data-testid="use-suggestion" onClick={() => onUse(proposal.selector)}>
              Use <code>{proposal.selector}</code>
            </button>
            <span class="status" data-testid="proposal-count">
              {' '}· {matchesText(proposal.count)}
              {proposal.same ? ', the same as yours' : proposals?.matched ? `; yours: ${proposals.matched}` : ''}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  if (proposals && proposals.matched === 0) {
    return <p class="status" data-testid="no-proposal">Nothing on this page matches what you meant, so Goalpost has no working selector to propose.</p>;
  }
  if (!proposals && check.suggestion) {
    return (
      <ul class="proposals" data-testid="proposals">
        <li>
          <button type="button" class="link" data-testid="use-suggestion" onClick={() => onUse(check.suggestion!)}>
            Use <code>{check.suggestion}</code>
          </button>
        </li>
      </ul>
    );
  }
  return null;
}

/** "1 of 2 matches is off-screen — show": scrolls the page to it (issue 15). */
export function OffscreenHint({ view, onShow }: { view: MatchView | undefined; onShow(): void }) {
  if (!view || view.count === 0) return null;
  const notes = [];
  if (view.offscreen > 0) {
    notes.push(
      <p class="status offscreen" data-testid="offscreen" key="off">
        {view.offscreen} of {view.count} {view.count === 1 ? 'match' : 'matches'} {view.offscreen === 1 ? 'is' : 'are'} off-screen —{' '}
        <button type="button" class="link" data-testid="show-offscreen" onClick={onShow}>show</button>
      </p>,
    );
  }
  if (view.hidden > 0) {
    notes.push(
      <p class="status" data-testid="hidden-matches" key="hidden">
        {view.hidden} of {view.count} {view.count === 1 ? 'match' : 'matches'} {view.hidden === 1 ? 'is' : 'are'} not shown on the page right now (hidden).
      </p>,
    );
  }
  return <>{notes}</>;
}

function describeDraftCount(count: DraftCount): string {
  if (count.kind === 'count') return count.count === 1 ? 'Matches 1 element on this page.' : `Matches ${count.count} elements on this page.`;
  if (count.kind === 'counting') return 'Counting on the page…';
  if (count.kind === 'unknown') return count.message;
  return '';
}

interface SelectorInputProps {
  id: string;
  value: string;
  check: SelectorCheck;
  count: DraftCount;
  /** Working selectors from the page for a refused one; `undefined` while unknown or without a page. */
  proposals: WorkingSelectors | undefined;
  view: MatchView | undefined;
  onReveal(): void;
  label: string;
  testId: string;
  onInput(value: string): void;
  onKeyDown?(event: KeyboardEvent): void;
}
