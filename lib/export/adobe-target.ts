import type { Activity, Metric } from '@/lib/goals/model';
import { exportProblems, metricElements, windowWarnings, type AdapterResult } from './adapter';
import { splitSelectorList } from './dialect';

// Adobe Target success metrics with click tracking (PRODUCT.md §4; seed 000 "Click tracking": a
// click on any of a metric's elements counts). One Target metric per goal metric.

export function toAdobeTargetMetrics(activity: Activity): AdapterResult<AdobeTargetFile> {
  const problems = exportProblems(activity, 'adobe-target');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { metrics: activity.metrics.map((metric) => targetMetric(activity, metric)) },
    warnings: windowWarnings(activity, 'Adobe Target'),
  };
}

export function serializeAdobeTarget(file: AdobeTargetFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function targetMetric(activity: Activity, metric: Metric): AdobeTargetMetric {
  const selectors: string[] = [];
  for (const element of metricElements(activity, metric)) {
    for (const single of splitSelectorList(element.selector)) {
      if (!selectors.includes(single)) selectors.push(single);
    }
  }
  return {
    name: metric.name.trim(),
    conversion: true,
    action: { type: COUNTING[metric.counting] },
    clickTrackSelectors: selectors.map((selector) => ({ selector })),
  };
}

// Target's counting settings: "count once per entrant" and "count on every impression".
const COUNTING: Record<Metric['counting'], AdobeTargetMetric['action']['type']> = {
  once: 'count_once',
  every: 'count_landings',
};

export interface AdobeTargetFile {
  metrics: AdobeTargetMetric[];
}

export interface AdobeTargetMetric {
  name: string;
  conversion: true;
  action: { type: 'count_once' | 'count_landings' };
  clickTrackSelectors: { selector: string }[];
}
