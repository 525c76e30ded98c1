import type { TypedSelectorCheck } from '@/lib/panel/typed-element';
import type { DraftCount } from './hooks/useDraftCount';

/**
 * A selector field validated as the user types: the engine's message (an escaped character is
 * refused, with its position), a button to take the suggested alternative, and the live count.
 */
export function SelectorInput({ id, value, check, count, label, testId, onInput, onKeyDown }: SelectorInputProps) {
  const messageId = `${id}-message`;
  const showError = value.trim() !== '' && !check.ok;
  return (
    <div class="selector-input">
      <input
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
          <p class="error" data-testid="selector-message">
            {check.message}
            {check.suggestion !== undefined && (
              <>
                {' '}
                <button type="button" class="link" data-testid="use-suggestion" onClick={() => onInput(check.suggestion!)}>
                  Use {check.suggestion}
                </button>
              </>
            )}
          </p>
        )}
        {check.ok && <p class="status" data-testid="draft-count">{describeDraftCount(count)}</p>}
      </div>
    </div>
  );
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
  check: TypedSelectorCheck;
  count: DraftCount;
  label: string;
  testId: string;
  onInput(value: string): void;
  onKeyDown?(event: KeyboardEvent): void;
}
