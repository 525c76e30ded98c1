import type { Activity, TrackedAction, TrackedElement } from '@/lib/goals/model';
import { linkProblem } from '@/lib/goals/link-eligibility';
import type { CountMark } from '@/lib/panel/count-marks';
import type { MatchInfo, MatchTarget } from '@/lib/panel/page-query';
import { matchesText, shortUrl } from '@/lib/panel/format';
import { overallStability, stabilityHints } from '@/lib/panel/stability';
import { PickNotes } from './PickNotes';
import { SelectorField } from './SelectorField';
import { TargetNote } from './TargetNote';
import { RepairNote } from './health/RepairNote';
import type { Send } from './hooks/useOperations';
import type { PageMatchState } from './hooks/usePageMatches';

const ACTIONS: { kind: TrackedAction['kind']; label: string }[] = [
  { kind: 'click', label: 'Click' },
  { kind: 'link', label: 'Link click' },
  { kind: 'submit', label: 'Form submit' },
];

/** One Selected Elements row (PRODUCT.md §3): action, selector, live count, hints, metrics, delete. */
export function ElementRow({ activity, element, info, pageStatus, mark, tabId, send, highlight }: ElementRowProps) {
  const count = info?.ok ? info.count : undefined;
  const hints = stabilityHints(element.selector, count);
  const target: MatchTarget = { selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts };
  const link = element.action.kind === 'link' ? linkProblem(element.action.href, element.pageUrl) : null;

  const changeAction = (kind: TrackedAction['kind']) => {
    const previousHref = element.action.kind === 'link' ? element.action.href : undefined;
    const action: TrackedAction = kind === 'link' ? { kind, href: previousHref ?? (info?.ok ? info.first?.href : null) ?? '' } : { kind };
    void send({ kind: 'updateElement', activityId: activity.id, elementId: element.id, action });
  };

  return (
    <li
      class={`row mark-${mark.kind}`}
      data-testid="element-row"
      data-mark={mark.kind}
      onMouseEnter={() => highlight(target)}
      onMouseLeave={() => highlight(null)}
      onFocusIn={() => highlight(target)}
      onFocusOut={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) highlight(null);
      }}
    >
      <div class="bar">
        <select aria-label="Tracked action" data-testid="row-action" value={element.action.kind} onChange={(event) => changeAction(event.currentTarget.value as TrackedAction['kind'])}>
          {ACTIONS.map((action) => <option key={action.kind} value={action.kind}>{action.label}</option>)}
        </select>
        <span class={`count ${count === 0 ? 'zero' : ''}`} data-testid="match-count" title="Matches on the page open in the target tab">
          {countText(info, pageStatus)}
        </span>
        <button type="button" class="small" data-testid="delete-element" aria-label={`Delete ${element.selector}`}
          onClick={() => void send({ kind: 'removeElement', activityId: activity.id, elementId: element.id })}>
          Delete
        </button>
      </div>
      <SelectorField activityId={activity.id} element={element} tabId={tabId} send={send} />
      {element.action.kind === 'link' && <p class="status mono">→ {element.action.href || '(no address)'}</p>}
      <p class="status">{element.label} · picked on {shortUrl(element.pageUrl)}</p>
      <PickNotes element={element} />
      {link && <p class="warn" data-testid="link-flag" data-kind={link.kind}>{link.message}</p>}
      {info && !info.ok && <p class="error">The page rejects this selector: {info.message}</p>}
      {info?.ok && info.excluded > 0 && (
        <p class="warn" data-testid="excluded">
          {info.excluded} of {info.count} matches carry data-goalpost-no-track and are not tracked.
        </p>
      )}
      <MarkNote mark={mark} count={count} />
      <TargetNote activity={activity} element={element} tabId={tabId} info={info} send={send} />
      <RepairNote activity={activity} element={element} tabId={tabId} send={send} highlight={highlight} />
      {hints[0] && (
        <p class={`hint ${overallStability(hints)}`} data-testid="stability" title={hints.map((hint) => hint.text).join('\n')}>
          {hints[0].text}
        </p>
      )}
      <Membership activity={activity} element={element} send={send} />
    </li>
  );
}

function MarkNote({ mark, count }: { mark: CountMark; count: number | undefined }) {
  if (mark.kind === 'lost') return <p class="warn" data-testid="count-mark">Now matches nothing on this page (matched {mark.was} before).</p>;
  if (mark.kind === 'grew') return <p class="warn" data-testid="count-mark">Now matches {count} elements (matched {mark.was} before).</p>;
  return null;
}

/** Which metrics count this element: one checkbox per metric, so an element can serve several. */
function Membership({ activity, element, send }: { activity: Activity; element: TrackedElement; send: Send }) {
  if (activity.metrics.length === 0) return <p class="status">Not counted yet: add a goal metric above.</p>;
  return (
    <fieldset class="membership">
      <legend>Counts in</legend>
      {activity.metrics.map((metric) => (
        <label key={metric.id} class="inline">
          <input
            type="checkbox"
            data-testid="membership"
            data-metric={metric.name}
            checked={metric.elementIds.includes(element.id)}
            onChange={(event) => void send({ kind: 'setMembership', activityId: activity.id, metricId: metric.id, elementId: element.id, member: event.currentTarget.checked })}
          />
          {metric.name}
        </label>
      ))}
    </fieldset>
  );
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
  info: MatchInfo | undefined;
  pageStatus: PageMatchState['status'];
  mark: CountMark;
  tabId: number | undefined;
  send: Send;
  highlight(target: MatchTarget | null): void;
}
