import type { Activity, Metric, TrackedElement } from '@/lib/goals/model';
import { exportProblems, metricElements, windowWarnings, type AdapterResult } from './adapter';
import { splitSelectorList } from './dialect';

// Adobe Target (PRODUCT.md §4, issue 12): metrics have no consumer on their own; the Admin API takes
// them inside an A/B activity: `POST https://mc.adobe.io/{tenant}/target/activities/ab` with
// `Content-Type: application/vnd.adobe.target.v3+json` (adobe/aio-lib-target `createABActivity`,
// spec/target_api.json). The file is that request body, complete: the activity in state "saved",
// entered through at.js's global mbox, two experiences showing the page's own content (an A/A split
// until offers are added), and one click-tracking metric per goal metric. The first goal metric is
// the primary goal, `metricLocalId` 32767 as in Adobe's examples; the others follow from 1.
// A click on any of a metric's elements counts (seed 000 "Click tracking").

/** at.js fires this mbox on every page: the activity's entry point. */
export const GLOBAL_MBOX = 'target-global-mbox';
export const PRIMARY_METRIC_LOCAL_ID = 32767;

export const API_ONLY_WARNING =
  'An activity created through Target’s Admin API can then only be edited through the API (not in the Target UI): review the file before you send it.';

export function toAdobeTargetActivity(activity: Activity): AdapterResult<AdobeTargetActivity> {
  const problems = exportProblems(activity, 'adobe-target');
  if (problems.length > 0) return { ok: false, problems };
  const metrics = activity.metrics.map((metric, index) => targetMetric(activity, metric, index === 0 ? PRIMARY_METRIC_LOCAL_ID : index));
  const empty = metrics.filter((metric) => metric.clickTrackSelectors.length === 0).map((metric) => metric.name);
  if (empty.length > 0) {
    return { ok: false, problems: empty.map((name) => `Metric “${name}”: none of its elements can be seen by Target’s click tracking (all are inside shadow roots or frames).`) };
  }
  return {
    ok: true,
    value: {
      name: activity.name.trim(),
      state: 'saved',
      priority: 0,
      options: [],
      locations: { mboxes: [{ locationLocalId: 0, name: GLOBAL_MBOX }] },
      experiences: [
        { experienceLocalId: 0, name: 'Experience A', audienceIds: [], visitorPercentage: 50, optionLocations: [] },
        { experienceLocalId: 1, name: 'Experience B', audienceIds: [], visitorPercentage: 50, optionLocations: [] },
      ],
      metrics,
    },
    warnings: [API_ONLY_WARNING, ...windowWarnings(activity, 'Adobe Target'), ...adobeTargetLimits(activity)],
  };
}

export function serializeAdobeTarget(file: AdobeTargetActivity): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function targetMetric(activity: Activity, metric: Metric, metricLocalId: number): AdobeTargetMetric {
  const selectors: string[] = [];
  for (const element of metricElements(activity, metric)) {
    if (!targetSees(element)) continue;
    for (const single of splitSelectorList(element.selector)) {
      if (!selectors.includes(single)) selectors.push(single);
    }
  }
  return {
    metricLocalId,
    name: metric.name.trim(),
    conversion: true,
    action: { type: COUNTING[metric.counting] },
    mboxes: [],
    clickTrackSelectors: selectors.map((selector) => ({ selector })),
  };
}

/** at.js tracks clicks in the top document's light DOM only. */
export function targetSees(element: TrackedElement): boolean {
  return !element.frames?.length && !element.shadowHosts?.length;
}

/** What Target cannot carry from the activity, each in a sentence (also shown before export). */
export function adobeTargetLimits(activity: Activity): string[] {
  const limits: string[] = [];
  if (activity.scopes.length > 0) {
    const rules = activity.scopes.map((scope) => `${scope.kind === 'exact' ? 'Page URL equals' : scope.kind === 'prefix' ? 'Page URL starts with' : 'Page URL matches the pattern'} ${scope.value}`);
    limits.push(`Target restricts an activity to pages with an audience, not in the activity itself: create an audience “${rules.join(' or ')}” and put its id in locations.mboxes[0].audienceIds before sending.`);
  }
  for (const element of activity.elements) {
    if (!activity.metrics.some((metric) => metric.elementIds.includes(element.id))) continue;
    if (!targetSees(element)) {
      limits.push(`${element.label || element.selector} is inside ${element.frames?.length ? 'a frame' : 'a shadow root'}: Target’s click tracking does not see it; it is left out.`);
    } else if (element.action.kind === 'submit') {
      limits.push(`${element.label || element.selector} is a form: Target counts clicks on it, not its submits.`);
    }
  }
  return limits;
}

// Target's counting settings: "count once per entrant" and "count on every impression".
const COUNTING: Record<Metric['counting'], AdobeTargetMetric['action']['type']> = {
  once: 'count_once',
  every: 'count_landings',
};

/** The A/B activity body of the Admin API v3. */
export interface AdobeTargetActivity {
  name: string;
  state: 'saved';
  priority: number;
  options: { optionLocalId: number; offerId: number }[];
  locations: { mboxes: { locationLocalId: number; name: string; audienceIds?: number[] }[] };
  experiences: { experienceLocalId: number; name: string; audienceIds: number[]; visitorPercentage: number; optionLocations: { locationLocalId: number; optionLocalId: number }[] }[];
  metrics: AdobeTargetMetric[];
}

export interface AdobeTargetMetric {
  metricLocalId: number;
  name: string;
  conversion: true;
  action: { type: 'count_once' | 'count_landings' };
  mboxes: [];
  /** Optional `audienceIds` / `viewLocalId` per selector are not used: the activity's entry does that. */
  clickTrackSelectors: { selector: string }[];
}
