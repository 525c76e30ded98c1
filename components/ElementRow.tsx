import { useEffect, useState } from 'preact/hooks';
import type { Activity, TrackedAction, TrackedElement } from '@/lib/goals/model';
import { linkProblem } from '@/lib/goals/link-eligibility';
import type { CountMark } from '@/lib/panel/count-marks';
import type { MatchInfo, MatchTarget } from '@/lib/panel/page-query';
import { matchesText } from '@/lib/panel/format';
import type { RowTitle } from '@/lib/panel/row-title';
import { checkSelector } from '@/lib/panel/selector-problem';
import { overallStability, stabilityHints } from '@/lib/panel/stability';
import { PickNotes } from './PickNotes';
import { RowMenu } from './RowMenu';
import { OffscreenHint } from './SelectorInput';
import { SelectorField } from './SelectorField';
import { TargetNote } from './TargetNote';
import { RepairNote } from './health/RepairNote';
import { useFocusWithin } from './hooks/useFocusWithin';
import type { Highlight } from './hooks/useHighlight';
import type { Send } from './hooks/useOperations';
import { useMatchView } from './hooks/usePageAgent';
import type { PageMatchState } from './hooks/usePageMatches';

const ACTIONS: { kind: TrackedAction['kind']; label: string }[] = [
  { kind: 'click', label: 'Click' },
  { kind: 'link', label: 'Link click' },
  { kind: 'submit', label: 'Form submit' },
];

/**
 * One Selected Elements row (PRODUCT.md §3, issue 15 "rows for people"): the element in words, what
 * counts and how many match; notes; the selector on one line; its stability; the metrics it counts
 * in. Action and delete sit in the "⋯" menu. Hovering or focusing the row outlines its matches on
 * the page (the draft's while editing) and says when some are off-screen.
 */
export function ElementRow({ activity, element, title, info, pageStatus, mark, tabId, onItsPage, send, highlight }: ElementRowProps) {
  const [hovered, setHovered] = useState(false);
  const { focused, onFocusIn, onFocusOut } = useFocusWithin();
  /** While editing: the draft's target (null: not valid yet); undefined when not editing. */
  const [draftTarget, setDraftTarget] = useState<MatchTarget | null | undefined>(undefined);
  const engaged = hovered || focused;
  const count = info?.ok ? info.count : undefined;
  const hints = stabilityHints(element.selector, count);
  const target: MatchTarget = { selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts };
  const shown = draftTarget === undefined ? target : draftTarget;
  const shownKey = JSON.stringify(shown);
  const link = element.action.kind === 'link' ? linkProblem(element.action.href, element.pageUrl) : null;
  const { view, reveal } = useMatchView(tabId, target, engaged && draftTarget === undefined && (count ?? 0) > 0);

  useEffect(() => {
    if (engaged) highlight.show(element.id, shown);
    else highlight.release(element.id);
  }, [engaged, shownKey]);
  useEffect(() => () => highlight.release(element.id), []);

  const changeAction = (kind: TrackedAction['kind']) => {
    const previousHref = element.action.kind === 'link' ? element.action.href : undefined;
    const action: TrackedAction = kind === 'link' ? { kind, href: previousHref ?? (info?.ok ? info.first?.href : null) ?? '' } : { kind };
    void send({ kind: 'updateElement', activityId: activity.id, elementId: element.id, action });
  };
  const actionLabel = ACTIONS.find((action) => action.kind === element.action.kind)?.label ?? 'Click';

  return (
    <li
      class={`row mark-${mark.kind}`}
      data-testid="element-row"
      data-mark={mark.kind}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
    >
      <div class="row-head">
        <div class="row-heading">
          <p class={`row-title ${title.kind}`} data-testid="row-title" data-kind={title.kind}
            title={element.action.kind === 'link' ? `${title.text}\n${element.action.href}` : title.text}>
            {title.text}
          </p>
          <p class="row-meta">
            <span data-testid="row-action-text">{actionLabel}</span>
            {' · '}
            <span class={`count ${count === 0 ? 'zero' : ''}`} data-testid="match-count" title="Matches on the page open in the target tab">
              {countText(info, pageStatus)}
            </span>
          </p>
        </div>
        <RowMenu label={`Actions for ${title.text}`}>
          <label class="menu-field">
            Counts a
            <select data-testid="row-action" value={element.action.kind} onChange={(event) => changeAction(event.currentTarget.value as TrackedAction['kind'])}>
              {ACTIONS.map((action) => <option key={action.kind} value={action.kind}>{action.label}</option>)}
            </select>
          </label>
          {element.action.kind === 'link' && <p class="status mono wrap" data-testid="row-href">→ {element.action.href || '(no address)'}</p>}
          <button type="button" class="danger" data-testid="delete-element" aria-label={`Delete ${title.text}`}
            onClick={() => void send({ kind: 'removeElement', activityId: activity.id, elementId: element.id })}>
            Delete
          </button>
        </RowMenu>
      </div>
      {/* Notes about this row, one short paragraph each: other features mount theirs here. */}
      <div class="row-notes">
        {link && <p class="warn" data-testid="link-flag" data-kind={link.kind}>{link.message}</p>}
        {info && !info.ok && <p class="error" data-testid="row-error">The page cannot use this selector: {rejection(element.selector)}</p>}
        {info?.ok && info.excluded > 0 && (
          <p class="warn" data-testid="excluded">
            {info.excluded} of {info.count} matches carry data-goalpost-no-track and are not tracked.
          </p>
        )}
        <PickNotes element={element} />
        <MarkNote mark={mark} count={count} />
        {engaged && draftTarget === undefined && <OffscreenHint view={view} onShow={() => void reveal()} />}
        <TargetNote activity={activity} element={element} tabId={tabId} info={info} send={send} />
        <RepairNote activity={activity} element={element} tabId={tabId} send={send} highlight={(shown) => highlight.show(element.id, shown)} />
      </div>
      <SelectorField activityId={activity.id} element={element} title={title.text} tabId={tabId} onItsPage={onItsPage} engaged={engaged} send={send} onDraftTarget={setDraftTarget} />
      {hints[0] && draftTarget === undefined && (
        <p class={`hint ${overallStability(hints)}`} data-testid="stability" title={hints.map((hint) => hint.text).join('\n')}>
          {hints[0].text}
        </p>
      )}
      <Membership activity={activity} element={element} title={title.text} send={send} />
    </li>
  );
}

function MarkNote({ mark, count }: { mark: CountMark; count: number | undefined }) {
  if (mark.kind === 'lost') return <p class="warn" data-testid="count-mark">Now matches nothing on this page (matched {mark.was} before).</p>;
  if (mark.kind === 'grew') return <p class="warn" data-testid="count-mark">Now matches {count} elements (matched {mark.was} before).</p>;
  return null;
}

/** Which metrics count this element: one checkbox per metric, so an element can serve several. */
function Membership({ activity, element, title, send }: { activity: Activity; element: TrackedElement; title: string; send: Send }) {
  // No metric yet: the metrics section says so once, not every row (issue 15).
  if (activity.metrics.length === 0) return null;
  return (
    <fieldset class="membership">
      <legend>Counts in</legend>
      {activity.metrics.map((metric) => (
        <label key={metric.id} class="inline">
          <input
            type="checkbox"
            data-testid="membership"
            data-metric={metric.name}
            aria-label={`${title} counts in ${metric.name}`}
            checked={metric.elementIds.includes(element.id)}
            onChange={(event) => void send({ kind: 'setMembership', activityId: activity.id, metricId: metric.id, elementId: element.id, member: event.currentTarget.checked })}
          />
          {metric.name}
        </label>
      ))}
    </fieldset>
  );
}

/** Why a stored selector fails on the page, in words (never the browser's message). */
function rejection(selector: string): string {
  const check = checkSelector(selector);
  return check.ok ? 'the page refused it.' : check.message;
}

function countText(info: MatchInfo | undefined, status: PageMatchState['status']): string {
  if (info?.ok) return matchesText(info.count);
  if (info && !info.ok) return 'invalid';
  if (status === 'loading') return 'counting…';
  return '? matches';
}

interface ElementRowProps {
  activity: Activity;
  element: TrackedElement;
  title: RowTitle;
  info: MatchInfo | undefined;
  pageStatus: PageMatchState['status'];
  mark: CountMark;
  tabId: number | undefined;
  /** The tab shows the page this row was picked on. */
  onItsPage: boolean;
  send: Send;
  highlight: Highlight;
}
