import type { Activity } from '@/lib/goals/model';
import type { MatchTarget } from '@/lib/panel/page-query';
import { AddElement } from './AddElement';
import { ElementRow } from './ElementRow';
import { PageAccessNotice } from './PageAccessNotice';
import { useCountMarks } from './hooks/useCountMarks';
import { useHighlight } from './hooks/useHighlight';
import type { Send } from './hooks/useOperations';
import { matchFor, usePageMatches } from './hooks/usePageMatches';

/** The Selected Elements list of the activity, with live counts on the target tab. */
export function ElementList({ activity, tabId, pageUrl, send }: ElementListProps) {
  const targets: MatchTarget[] = activity.elements.map((element) => ({ selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts }));
  const page = usePageMatches(tabId, targets);
  // Looked up by target: a count never passes for another selector, and unchanged rows keep theirs.
  const matches = targets.map((target) => matchFor(page, target));
  const marks = useCountMarks(tabId, activity.elements.map((element) => `${element.id}|${element.selector}`), matches);
  const highlight = useHighlight(tabId);

  return (
    <section aria-labelledby="selected-heading">
      <h2 id="selected-heading">Selected Elements</h2>
      <PageAccessNotice page={page} pageUrl={pageUrl} hasElements={activity.elements.length > 0} />
      {activity.elements.length === 0 ? (
        <p class="empty">No elements yet. Press “Pick elements”, then click the elements whose clicks count as a success, or add one by selector below.</p>
      ) : (
        <ul class="elements" data-testid="element-list">
          {activity.elements.map((element, index) => (
            <ElementRow
              key={element.id}
              activity={activity}
              element={element}
              info={matches[index]}
              pageStatus={page.status}
              mark={marks[index] ?? { kind: 'steady' }}
              tabId={tabId}
              send={send}
              highlight={highlight}
            />
          ))}
        </ul>
      )}
      <AddElement activity={activity} tabId={tabId} pageUrl={pageUrl} send={send} />
    </section>
  );
}

interface ElementListProps {
  activity: Activity;
  tabId: number | undefined;
  pageUrl: string | undefined;
  send: Send;
}
