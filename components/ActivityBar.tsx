import { useState } from 'preact/hooks';
import { newId, type Activity, type Workspace } from '@/lib/goals/model';
import { activityNameFor } from '@/lib/goals/operations';
import { activityCovers, normalizeUrl, scopeForPage } from '@/lib/goals/url-scope';
import { shortUrl } from '@/lib/panel/format';
import type { TargetTab } from '@/lib/panel/target-tab';
import { CommitInput } from './CommitInput';
import { ScopeEditor } from './ScopeEditor';
import type { Send } from './hooks/useOperations';

/** Switch, create, rename and delete activities; says whether the shown one covers the tab's page. */
export function ActivityBar({ workspace, activity, page, picking, send }: ActivityBarProps) {
  const [created, setCreated] = useState<string | null>(null);
  const webPage = page !== undefined && normalizeUrl(page.url) !== null ? page.url : undefined;

  const create = async () => {
    const activityId = newId('act');
    // Named after the page's title; the writer numbers a name already taken (never two alike).
    const name = webPage ? activityNameFor(webPage, page?.title) : 'Activity';
    const result = await send({ kind: 'createActivity', activityId, name, scopes: webPage ? [scopeForPage(webPage)] : [] });
    if (result.ok) setCreated(activityId);
  };

  return (
    <section class="activity" aria-labelledby="activity-heading">
      <div class="bar nowrap">
        <h2 id="activity-heading">Activity</h2>
        {workspace.activities.length > 0 && (
          <select
            class="fill"
            data-testid="activity-select"
            aria-label="Switch activity"
            value={activity?.id ?? ''}
            onChange={(event) => void send({ kind: 'selectActivity', activityId: event.currentTarget.value })}
          >
            {workspace.activities.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}{webPage && activityCovers(item, webPage) ? ' (this page)' : ''}
              </option>
            ))}
          </select>
        )}
        <button type="button" data-testid="new-activity" onClick={create}>New</button>
      </div>
      {activity && (
        <div class="bar nowrap">
          <CommitInput
            key={activity.id}
            testId="activity-name"
            label="Activity name"
            class="grow"
            value={activity.name}
            autoFocus={created === activity.id}
            onCommit={async (name) => (await send({ kind: 'renameActivity', activityId: activity.id, name })).ok}
          />
          <button
            type="button"
            data-testid="delete-activity"
            aria-label={`Delete activity ${activity.name}`}
            onClick={() => void send({ kind: 'deleteActivity', activityId: activity.id })}
          >
            Delete
          </button>
        </div>
      )}
      <Coverage workspace={workspace} activity={activity} pageUrl={webPage} picking={picking} send={send} onCreate={create} />
      {activity && <ScopeEditor activity={activity} pageUrl={webPage} send={send} />}
    </section>
  );
}

/** Which page the panel looks at, and whether the shown activity applies there (PRODUCT.md §3). */
function Coverage({ workspace, activity, pageUrl, picking, send, onCreate }: CoverageProps) {
  if (!activity) {
    return (
      <p class="empty" data-testid="coverage" data-state="none">
        {picking
          ? 'No activity yet: the first element you click on the page starts one for it.'
          : 'No activity yet. Press “Pick elements” and click on the page to start one for it, or press New.'}
      </p>
    );
  }
  if (!pageUrl) return null;
  if (activityCovers(activity, pageUrl)) {
    return <p class="status ok" data-testid="coverage" data-state="covered">“{activity.name}” applies to this page.</p>;
  }
  const others = workspace.activities.length > 1;
  return (
    <div class="notice" data-testid="coverage" data-state="uncovered" role="status">
      <p>
        {others ? 'No activity covers this page' : `“${activity.name}” does not cover this page`} ({shortUrl(pageUrl)}).
        Picks made here go to “{activity.name}” and add this page to it.
      </p>
      <div class="bar">
        <button type="button" data-testid="add-page-scope" onClick={() => void send({ kind: 'addScope', activityId: activity.id, scope: scopeForPage(pageUrl) })}>
          Add this page
        </button>
        <button type="button" data-testid="new-activity-for-page" onClick={onCreate}>New activity for this page</button>
      </div>
    </div>
  );
}

interface ActivityBarProps {
  workspace: Workspace;
  activity: Activity | undefined;
  page: Extract<TargetTab, { kind: 'web' }> | undefined;
  picking: boolean;
  send: Send;
}

interface CoverageProps {
  workspace: Workspace;
  activity: Activity | undefined;
  pageUrl: string | undefined;
  picking: boolean;
  send: Send;
  onCreate(): void;
}
