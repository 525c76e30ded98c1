import { newId, type Activity, type Metric } from '@/lib/goals/model';
import { rowTitle } from '@/lib/panel/row-title';
import { CommitInput } from './CommitInput';
import type { Send } from './hooks/useOperations';

const DEFAULT_WINDOW_SECONDS = 30;

/** Goal metrics of the activity: name, counting rule, optional time window, and their elements. */
export function MetricList({ activity, send }: { activity: Activity; send: Send }) {
  const add = () => void send({
    kind: 'addMetric',
    activityId: activity.id,
    metric: { id: newId('met'), name: `Metric ${activity.metrics.length + 1}`, counting: 'once', elementIds: [] },
  });
  return (
    <section aria-labelledby="metrics-heading">
      <div class="bar">
        <h2 id="metrics-heading">Goal metrics</h2>
        <button type="button" data-testid="add-metric" onClick={add}>Add metric</button>
      </div>
      {activity.metrics.length === 0 ? (
        <p class="empty">No goal metric yet. A metric counts a success when a visitor clicks any of its elements; add one, then tick it on the elements below.</p>
      ) : (
        <ul class="metrics">
          {activity.metrics.map((metric) => <MetricCard key={metric.id} activity={activity} metric={metric} send={send} />)}
        </ul>
      )}
    </section>
  );
}

function MetricCard({ activity, metric, send }: { activity: Activity; metric: Metric; send: Send }) {
  const update = (change: { name?: string; counting?: Metric['counting']; windowSeconds?: number | null }) =>
    send({ kind: 'updateMetric', activityId: activity.id, metricId: metric.id, ...change });
  const elements = metric.elementIds
    .map((id) => activity.elements.find((element) => element.id === id))
    .filter((element) => element !== undefined);
  const others = activity.metrics.filter((item) => item.id !== metric.id);

  return (
    <li class="card" data-testid="metric-card">
      <div class="bar nowrap">
        <CommitInput class="grow" label="Metric name" testId="metric-name" value={metric.name} onCommit={async (name) => (await update({ name })).ok} />
        <button type="button" class="icon-button" data-testid="delete-metric" aria-label={`Delete metric ${metric.name}`} title={`Delete metric ${metric.name}`}
          onClick={() => void send({ kind: 'removeMetric', activityId: activity.id, metricId: metric.id })}>✕</button>
      </div>
      <div class="bar">
        <select aria-label="Counting" data-testid="metric-counting" value={metric.counting}
          onChange={(event) => void update({ counting: event.currentTarget.value as Metric['counting'] })}>
          <option value="once">Once per visitor</option>
          <option value="every">Every click</option>
        </select>
        <label class="inline">
          <input type="checkbox" data-testid="metric-window-toggle" checked={metric.windowSeconds !== undefined}
            onChange={(event) => void update({ windowSeconds: event.currentTarget.checked ? DEFAULT_WINDOW_SECONDS : null })} />
          only within
        </label>
        {metric.windowSeconds !== undefined && (
          <span class="inline">
            <CommitInput type="number" min={1} class="seconds" label="Seconds after page load" testId="metric-window"
              value={String(metric.windowSeconds)} onCommit={async (value) => (await update({ windowSeconds: Number(value) })).ok} />
            s of page load
          </span>
        )}
      </div>
      {elements.length === 0 ? (
        <p class="status">No elements yet: tick “{metric.name}” on an element below.</p>
      ) : (
        <ul class="metric-elements">
          {elements.map((element) => {
            // Titles, not selectors (issue 15); the selector is the tooltip.
            const title = rowTitle(element).text;
            return (
              <li key={element.id} data-testid="metric-element">
                <span class="metric-element-title" data-testid="metric-element-title" title={element.selector}>{title}</span>
                {others.length > 0 && (
                  <select class="move" aria-label={`Move ${title} to another metric`} data-testid="metric-move" value=""
                    onChange={(event) => void send({ kind: 'moveElement', activityId: activity.id, elementId: element.id, fromMetricId: metric.id, toMetricId: event.currentTarget.value })}>
                    <option value="" disabled>Move to…</option>
                    {others.map((other) => <option key={other.id} value={other.id}>{other.name}</option>)}
                  </select>
                )}
                <button type="button" class="icon-button" aria-label={`Remove ${title} from ${metric.name}`} title={`Remove from ${metric.name}`}
                  onClick={() => void send({ kind: 'setMembership', activityId: activity.id, metricId: metric.id, elementId: element.id, member: false })}>✕</button>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}
