import { useMemo, useState } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { queryMatches } from '@/lib/panel/page-query';
import { checkTypedSelector, typedPick } from '@/lib/panel/typed-element';
import { SelectorInput } from './SelectorInput';
import { useDraftCount } from './hooks/useDraftCount';
import type { Send } from './hooks/useOperations';

/** Add element: type a selector that is known already (Adobe's "Add Component"). */
export function AddElement({ activity, tabId, pageUrl, send }: { activity: Activity; tabId: number | undefined; pageUrl: string | undefined; send: Send }) {
  const [draft, setDraft] = useState('');
  const check = useMemo(() => checkTypedSelector(draft), [draft]);
  const count = useDraftCount(tabId, check.ok ? draft : null);

  const add = async (event: Event) => {
    event.preventDefault();
    if (!check.ok) return;
    // The action is chosen from the element the selector finds, as for a pick.
    const query = tabId === undefined ? undefined : await queryMatches(tabId, [{ selector: draft }]);
    const info = query?.kind === 'ok' ? query.page.matches[0] : undefined;
    const page = pageUrl ?? activity.pages[0] ?? '';
    const result = await send({ kind: 'addElement', activityId: activity.id, pick: typedPick(draft, page, info?.ok ? info.first : null) });
    if (result.ok) setDraft('');
  };

  return (
    <form class="add-element" data-testid="add-element" onSubmit={add}>
      <label for="add-element-input">Add element by selector</label>
      <div class="bar top">
        <div class="grow">
          <SelectorInput id="add-element-input" label="CSS selector to add" testId="add-element-input" value={draft} check={check} count={count} onInput={setDraft} />
        </div>
        <button type="submit" data-testid="add-element-button" disabled={!check.ok}>Add</button>
      </div>
    </form>
  );
}
