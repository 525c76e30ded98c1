import type { Activity, TrackedElement } from '@/lib/goals/model';
import { shortUrl } from '@/lib/panel/format';
import type { MatchTarget } from '@/lib/panel/page-query';
import { groupByPage } from '@/lib/panel/page-groups';
import { rowTitle } from '@/lib/panel/row-title';
import { AddElement } from './AddElement';
import { ElementRow } from './ElementRow';
import { PageAccessNotice } from './PageAccessNotice';
import { useCountMarks } from './hooks/useCountMarks';
import { useHighlight } from './hooks/useHighlight';
import type { Send } from './hooks/useOperations';
import { matchFor, usePageMatches } from './hooks/usePageMatches';
import { useRowLabels } from './hooks/useRowLabels';

/**
 * The Selected Elements list of the activity, grouped by the page each element was picked on
 * ("picked on" once per group, issue 15), with live counts on the target tab.
 */
export function ElementList({ activity, tabId, pageUrl, tabHidden, picking, send }: ElementListProps) {
  const targets: MatchTarget[] = activity.elements.map((element) => ({ selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts }));
  const page = usePageMatches(tabId, targets);
  // Looked up by target: a count never passes for another selector, and unchanged rows keep theirs.
  const matches = targets.map((target) => matchFor(page, target));
  const marks = useCountMarks(tabId, activity.elements.map((element) => `${element.id}|${element.selector}`), matches);
  const highlight = useHighlight(tabId);
  useRowLabels(activity, tabId, pageUrl, matches);
  const indexOf = new Map(activity.elements.map((element, index) => [element.id, index]));

  const row = (element: TrackedElement, onItsPage: boolean) => {
    const index = indexOf.get(element.id)!;
    return (
      <ElementRow
        key={element.id}
        activity={activity}
        element={element}
        title={rowTitle(element)}
        info={matches[index]}
        pageStatus={page.status}
        mark={marks[index] ?? { kind: 'steady' }}
        tabId={tabId}
        onItsPage={onItsPage}
        send={send}
        highlight={highlight}
      />
    );
  };

  return (
    <section aria-labelledby="selected-heading">
      <h2 id="selected-heading">Selected Elements</h2>
      {/* A tab Goalpost cannot see is explained once, above (TabNotice). */}
      {!tabHidden && <PageAccessNotice page={page} pageUrl={pageUrl} hasElements={activity.elements.length > 0} />}
      {activity.elements.length === 0 ? (
        <p class="empty" data-testid="elements-empty">
          {picking
            ? 'Picking: click the elements whose clicks count as a success; they appear here.'
            : 'No elements yet. Press “Pick elements”, then click the elements whose clicks count as a success, or add one by selector below.'}
        </p>
      ) : (
        groupByPage(activity.elements, pageUrl).map((group) => (
          <div class="page-group" data-testid="page-group" key={group.page}>
            <p class="group-head" data-testid="group-head" title={group.page}>
              <span class="group-label">{group.current ? 'Picked on this page' : 'Picked on'}</span>
              <span class="group-page">{shortUrl(group.page) || 'an unknown page'}</span>
            </p>
            <ul class="elements" data-testid="element-list">{group.elements.map((element) => row(element, group.current))}</ul>
          </div>
        ))
      )}
      <AddElement activity={activity} tabId={tabId} pageUrl={pageUrl} highlight={highlight} send={send} />
    </section>
  );
}

interface ElementListProps {
  activity: Activity;
  tabId: number | undefined;
  pageUrl: string | undefined;
  /** The target tab exists but Goalpost may not read it yet. */
  tabHidden: boolean;
  picking: boolean;
  send: Send;
}
