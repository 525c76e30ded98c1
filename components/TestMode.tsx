import { useEffect, useState } from 'preact/hooks';
import type { Activity, Metric, Workspace } from '@/lib/goals/model';
import { activityCovers } from '@/lib/goals/url-scope';
import { sendMessage } from '@/lib/messaging';
import { ensureSiteAccess } from '@/lib/test-mode/access';
import type { TestEntry, TestSession } from '@/lib/test-mode/session';
import { testSessionsItem } from '@/lib/test-mode/storage';
import { outcomeInWords, toneOf } from '@/lib/test-mode/words';
import { useItem } from './export/useItem';
import './test-mode.css';

/**
 * "Test goals" (issue 13): a switch for the target tab; while on, the page flashes what each click
 * counts for and this lists the counts per metric, across the tab's page loads. Nothing is sent.
 */
export function TestMode({ tab, workspace, activity }: { tab: { id: number; url: string } | undefined; workspace: Workspace | undefined; activity: Activity | undefined }) {
  const sessions = useItem(testSessionsItem);
  const [error, setError] = useState<string>();
  /** Switching on: the page is not watched until the background's answer (its script is then listening). */
  const [starting, setStarting] = useState(false);
  const tabId = tab?.id;
  const url = tab?.url;
  const session = tabId === undefined ? undefined : sessions?.[tabId];
  const tested = session && workspace?.activities.find((candidate) => candidate.id === session.activityId);

  useEffect(() => setError(undefined), [tabId, url]);

  /** Starts (or resumes) the test of `target` in the tab, asking for the site first when needed. */
  const start = async (target: Activity) => {
    if (tabId === undefined || !url) return;
    setError(undefined);
    if (!(await ensureSiteAccess(tabId, url))) {
      setError('Goalpost needs access to this site to follow your clicks from page to page.');
      return;
    }
    setStarting(true);
    try {
      const status = await sendMessage('setTestMode', { tabId, on: true, activityId: target.id });
      setError(status.error);
    } finally {
      setStarting(false);
    }
  };
  const stop = async () => {
    if (tabId === undefined) return;
    setError(undefined);
    await sendMessage('setTestMode', { tabId, on: false });
  };
  const usable = tabId !== undefined && url !== undefined && activity !== undefined && activity.metrics.length > 0;

  return (
    <section class="test-mode" aria-labelledby="test-mode-heading" data-testid="test-mode-panel" data-state={starting ? 'starting' : session ? 'on' : 'off'}>
      <div class="bar">
        <label class="switch" id="test-mode-heading">
          <input
            type="checkbox" role="switch" data-testid="test-mode" checked={session !== undefined}
            disabled={session === undefined && !usable}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              // The box shows the stored state; the click only asks for a change.
              event.currentTarget.checked = session !== undefined;
              void (on && activity ? start(activity) : stop());
            }}
          />
          <span>Test goals</span>
        </label>
        {session && (
          <button type="button" class="small" data-testid="test-reset" onClick={() => tabId !== undefined && void sendMessage('resetTestMode', { tabId })}>
            Reset counts
          </button>
        )}
      </div>
      {!session && <Idle activity={activity} url={url} />}
      {starting && <p class="status" aria-busy="true">Starting test mode on this page…</p>}
      {session && tested && !starting && <Counts session={session} activity={tested} url={url} />}
      {session && !tested && <p class="warn">The activity under test was deleted. Switch test mode off.</p>}
      {session?.problem && (
        <p class="warn" role="alert" data-testid="test-problem">
          {session.problem}{' '}
          {tested && url && /Allow it/.test(session.problem) && (
            <button type="button" class="link" onClick={() => void start(tested)}>Allow on this site</button>
          )}
        </p>
      )}
      {error && <p class="error" role="alert" data-testid="test-error">{error}</p>}
    </section>
  );
}

function Idle({ activity, url }: { activity: Activity | undefined; url: string | undefined }) {
  if (!url) return <p class="status">Open a web page (http or https) to test goals on it.</p>;
  if (!activity || activity.metrics.length === 0) return <p class="status">Add a goal metric to test it on the page.</p>;
  return <p class="status">Click through the page as a visitor would: each click that counts flashes, and the counts show here. Nothing is sent.</p>;
}

function Counts({ session, activity, url }: { session: TestSession; activity: Activity; url: string | undefined }) {
  const pages = session.pages.length;
  return (
    <>
      <p class="status" data-testid="test-status">
        Testing “{activity.name}” in this tab{pages > 1 ? ` · ${pages} pages so far` : ''}. The page works as usual; nothing is sent.
      </p>
      {url && !activityCovers(activity, url) && (
        <p class="warn" data-testid="test-out-of-scope">This page is outside “{activity.name}”’s pages: its clicks do not count.</p>
      )}
      <ul class="test-counts">
        {activity.metrics.map((metric) => (
          <li key={metric.id} data-testid="test-count" data-metric-id={metric.id}>
            <span class="name">{metric.name}</span>
            <span class="rule">{ruleInWords(metric)}</span>
            <strong class="n" data-testid="test-count-value">{session.counts[metric.id] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {session.recent.length > 0 && (
        <>
          <h3>Latest clicks</h3>
          <ol class="test-events">{session.recent.map((entry) => <Entry key={entry.id} entry={entry} />)}</ol>
        </>
      )}
    </>
  );
}

function Entry({ entry }: { entry: TestEntry }) {
  return (
    <>
      {entry.outcomes.map((outcome) => (
        <li key={`${entry.id}-${outcome.metricId}`} data-testid="test-event" data-tone={toneOf(outcome.verdict)}>
          <span class="what">{outcomeInWords(outcome)}</span>
          <span class="element">{outcome.element}</span>
        </li>
      ))}
    </>
  );
}

function ruleInWords(metric: Metric): string {
  const rule = metric.counting === 'once' ? 'once per visitor' : 'every click';
  return metric.windowSeconds === undefined ? rule : `${rule}, within ${metric.windowSeconds} s of load`;
}
