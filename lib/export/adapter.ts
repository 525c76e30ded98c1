import type { Activity, Metric, TrackedElement } from '@/lib/goals/model';
import { dialectProblem, type DialectTarget } from './dialect';

// What every target adapter shares: which elements a metric counts, and the checks that refuse an
// export before anything is written or sent (PRODUCT.md §2: flagged per target, never silent).

export function metricElements(activity: Activity, metric: Metric): TrackedElement[] {
  const elements: TrackedElement[] = [];
  for (const id of metric.elementIds) {
    const element = activity.elements.find((item) => item.id === id);
    if (element && !elements.includes(element)) elements.push(element);
  }
  return elements;
}

/** Everything that stops an activity from going to a target, one sentence each. */
export function exportProblems(activity: Activity, target: DialectTarget): string[] {
  const problems: string[] = [];
  if (activity.metrics.length === 0) problems.push('The activity has no goal metrics yet: group its elements into a metric first.');
  const seen = new Set<string>();
  for (const metric of activity.metrics) {
    const name = metric.name.trim();
    if (seen.has(name)) problems.push(`Two metrics are named “${name}”; the target identifies metrics by name, so rename one.`);
    seen.add(name);
    const elements = metricElements(activity, metric);
    if (elements.length === 0) problems.push(`Metric “${name}” has no elements.`);
    for (const element of elements) {
      const problem = dialectProblem(element.selector, target);
      if (problem) problems.push(`Metric “${name}”: ${problem}`);
    }
  }
  return problems;
}

/** Names that stay unique across activities in a project or container: "Activity · Metric". */
export function qualifiedName(activity: Activity, metric: Metric): string {
  return `${activity.name.trim()} · ${metric.name.trim()}`;
}

export function windowWarnings(activity: Activity, targetName: string): string[] {
  return activity.metrics
    .filter((metric) => metric.windowSeconds !== undefined)
    .map((metric) => `${targetName} has no “within ${metric.windowSeconds} s of page load” rule: metric “${metric.name}” is exported without its time window.`);
}

export type AdapterResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; problems: string[] };
