import type { Activity, TrackedElement } from '@/lib/goals/model';
import type { MatchInfo } from '@/lib/panel/page-query';
import { postHogNote } from '@/lib/export/posthog/panel';
import type { Send } from './hooks/useOperations';
import { usePostHogCheck } from './hooks/usePostHogCheck';

/** The row's PostHog note (issue 12): the selector PostHog gets when it differs, or why it cannot count the element. */
export function TargetNote({ activity, element, tabId, info, send }: TargetNoteProps) {
  const onPage = !!info?.ok && info.count > 0;
  const answer = usePostHogCheck(activity, element, tabId, onPage, send);
  const note = postHogNote(element, answer);
  if (note.kind === 'none') return null;
  if (note.kind === 'twin') {
    return (
      <div class="hint" data-testid="target-note" data-kind="twin" title={note.why}>
        {note.text} <code class="mono" data-testid="posthog-selector">{note.selector}</code>
        {note.filters && <> + <code class="mono" data-testid="posthog-filters">{note.filters}</code></>}
        <span class="status"> ({note.why})</span>
      </div>
    );
  }
  return <p class={note.kind === 'warn' ? 'warn' : 'status'} data-testid="target-note" data-kind={note.kind}>{note.text}</p>;
}

interface TargetNoteProps {
  activity: Activity;
  element: TrackedElement;
  tabId: number | undefined;
  info: MatchInfo | undefined;
  send: Send;
}
