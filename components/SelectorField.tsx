import { useEffect, useState } from 'preact/hooks';
import type { TrackedElement } from '@/lib/goals/model';
import { describeOnPage } from '@/lib/panel/describe-on-page';
import type { MatchTarget } from '@/lib/panel/page-query';
import { Alternatives } from './Alternatives';
import { SelectorInput } from './SelectorInput';
import type { Send } from './hooks/useOperations';
import { useSelectorDraft } from './hooks/useSelectorDraft';

/**
 * A row's selector: on one line, cut with an ellipsis, the whole of it on click; edited in place
 * (Enter saves, Escape cancels) with the ranked alternatives below (issue 15). While the user
 * types, the draft's matches are what the row outlines on the page (`onDraftTarget`).
 */
export function SelectorField({ activityId, element, title, tabId, onItsPage, engaged, send, onDraftTarget }: SelectorFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  /** The selector before the last swap or save, one click away (issue 15). */
  const [previous, setPrevious] = useState<string | null>(null);
  const where = { frames: element.frames, shadowHosts: element.shadowHosts };
  const { check, target, count, proposals, view, reveal } = useSelectorDraft(tabId, draft, where, engaged);
  const targetKey = target ? JSON.stringify(target) : null;
  useEffect(() => onDraftTarget(draft === null ? undefined : target), [draft === null, targetKey]);

  /** Saves `selector`, with its element in words as the new label (the exported label follows). */
  const change = async (selector: string): Promise<boolean> => {
    const trimmed = selector.trim();
    if (trimmed === element.selector) return true;
    // Described from the page it was picked on only: the same selector may find another element elsewhere.
    const words = onItsPage ? await describeOnPage(tabId, { selector: trimmed, ...where }) : undefined;
    // Nothing found there: the old words may describe another element now; unknown (no page): keep them.
    const label = words === undefined ? undefined : words ?? 'Edited by hand';
    const result = await send({ kind: 'updateElement', activityId, elementId: element.id, selector: trimmed, ...(label ? { label } : {}) });
    if (result.ok) setPrevious(element.selector);
    return result.ok;
  };

  if (draft === null) {
    return (
      <div class={`selector-line ${expanded ? 'expanded' : ''}`}>
        <button type="button" class="selector-toggle" aria-expanded={expanded} data-testid="selector-toggle"
          title={expanded ? 'Show on one line' : 'Show the whole selector'} onClick={() => setExpanded(!expanded)}>
          <code class="selector" data-testid="selector">{element.selector}</code>
        </button>
        <button type="button" class="small" data-testid="edit-selector" aria-label={`Edit the selector of ${title}`} onClick={() => setDraft(element.selector)}>
          Edit
        </button>
      </div>
    );
  }

  const save = async () => {
    if (!check.ok) return;
    if (await change(draft)) setDraft(null);
  };
  const swap = async (selector: string) => {
    if (await change(selector)) setDraft(selector);
  };
  return (
    <form class="selector-edit" data-testid="selector-edit" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <SelectorInput
        id={`edit-${element.id}`}
        label="CSS selector"
        testId="selector-input"
        value={draft}
        check={check}
        count={count}
        proposals={proposals}
        view={view}
        onReveal={() => void reveal()}
        onInput={setDraft}
        onKeyDown={(event) => { if (event.key === 'Escape') setDraft(null); }}
      />
      <div class="bar">
        <button type="submit" class="primary small" data-testid="selector-save" disabled={!check.ok}>Save</button>
        <button type="button" class="small" data-testid="selector-cancel" onClick={() => setDraft(null)}>Cancel</button>
      </div>
      <Alternatives element={element} tabId={tabId} previous={previous} onUse={(selector) => void swap(selector)} />
    </form>
  );
}

interface SelectorFieldProps {
  activityId: string;
  element: TrackedElement;
  /** The row's title, to name the element to screen readers. */
  title: string;
  tabId: number | undefined;
  /** The tab shows the page the row was picked on. */
  onItsPage: boolean;
  /** The row has the pointer or the focus: its draft's off-screen matches are looked up. */
  engaged: boolean;
  send: Send;
  /** The draft's target while editing (`null`: not a valid selector yet), `undefined` when not editing. */
  onDraftTarget(target: MatchTarget | null | undefined): void;
}
