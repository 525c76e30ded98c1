import { useMemo, useState } from 'preact/hooks';
import type { TrackedElement } from '@/lib/goals/model';
import { checkTypedSelector } from '@/lib/panel/typed-element';
import { SelectorInput } from './SelectorInput';
import { useDraftCount } from './hooks/useDraftCount';
import type { Send } from './hooks/useOperations';

/** A row's selector, shown as code and edited in place (Enter saves, Escape cancels). */
export function SelectorField({ activityId, element, tabId, send }: SelectorFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const check = useMemo(() => checkTypedSelector(draft ?? ''), [draft]);
  const count = useDraftCount(tabId, draft !== null && check.ok ? draft : null);

  if (draft === null) {
    return (
      <div class="selector-line">
        <code class="selector" data-testid="selector" onClick={() => setDraft(element.selector)}>{element.selector}</code>
        <button type="button" class="small" data-testid="edit-selector" aria-label={`Edit selector ${element.selector}`} onClick={() => setDraft(element.selector)}>
          Edit
        </button>
      </div>
    );
  }

  const save = async () => {
    if (!check.ok) return;
    if (draft.trim() === element.selector) {
      setDraft(null);
      return;
    }
    const result = await send({ kind: 'updateElement', activityId, elementId: element.id, selector: draft });
    if (result.ok) setDraft(null);
  };
  return (
    <form class="selector-edit" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <SelectorInput
        id={`edit-${element.id}`}
        label="CSS selector"
        testId="selector-input"
        value={draft}
        check={check}
        count={count}
        onInput={setDraft}
        onKeyDown={(event) => { if (event.key === 'Escape') setDraft(null); }}
      />
      <div class="bar">
        <button type="submit" class="primary small" data-testid="selector-save" disabled={!check.ok}>Save</button>
        <button type="button" class="small" data-testid="selector-cancel" onClick={() => setDraft(null)}>Cancel</button>
      </div>
    </form>
  );
}

interface SelectorFieldProps {
  activityId: string;
  element: TrackedElement;
  tabId: number | undefined;
  send: Send;
}
