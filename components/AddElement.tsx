import { useEffect, useState } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { describeOnPage } from '@/lib/panel/describe-on-page';
import { queryMatches } from '@/lib/panel/page-query';
import { typedPick } from '@/lib/panel/typed-element';
import { SelectorInput } from './SelectorInput';
import type { Highlight } from './hooks/useHighlight';
import type { Send } from './hooks/useOperations';
import { useFocusWithin } from './hooks/useFocusWithin';
import { useSelectorDraft } from './hooks/useSelectorDraft';

const OWNER = 'add-element';

/**
 * Add element: type a selector that is known already (Adobe's "Add Component"). While the field has
 * the focus, the draft's matches are outlined on the page (issue 15).
 */
export function AddElement({ activity, tabId, pageUrl, highlight, send }: AddElementProps) {
  const [draft, setDraft] = useState('');
  const { focused, onFocusIn, onFocusOut } = useFocusWithin();
  const { check, target, count, proposals, view, reveal } = useSelectorDraft(tabId, draft, {}, focused);
  const targetKey = target ? JSON.stringify(target) : null;
  useEffect(() => {
    if (focused) highlight.show(OWNER, target);
    else highlight.release(OWNER);
  }, [focused, targetKey]);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!check.ok) return;
    const selector = draft.trim();
    // The action is chosen from the element the selector finds, as for a pick; its label is that element in words.
    const query = tabId === undefined ? undefined : await queryMatches(tabId, [{ selector }]);
    const info = query?.kind === 'ok' ? query.page.matches[0] : undefined;
    const words = await describeOnPage(tabId, { selector });
    const page = pageUrl ?? activity.pages[0] ?? '';
    const result = await send({ kind: 'addElement', activityId: activity.id, pick: typedPick(selector, page, info?.ok ? info.first : null, words ?? undefined) });
    if (result.ok) setDraft('');
  };

  return (
    <form class="add-element" data-testid="add-element" onSubmit={add} onFocusIn={onFocusIn} onFocusOut={onFocusOut}>
      <label for="add-element-input">Add element by selector</label>
      <div class="bar top nowrap">
        <div class="grow">
          <SelectorInput id="add-element-input" label="CSS selector to add" testId="add-element-input" value={draft} check={check} count={count}
            proposals={proposals} view={view} onReveal={() => void reveal()} onInput={setDraft} />
        </div>
        <button type="submit" data-testid="add-element-button" disabled={!check.ok}>Add</button>
      </div>
    </form>
  );
}

interface AddElementProps {
  activity: Activity;
  tabId: number | undefined;
  pageUrl: string | undefined;
  highlight: Highlight;
  send: Send;
}
