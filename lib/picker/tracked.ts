import type { Activity, ContainerWarning, ElementOrigin, Locatable, Metric } from '../goals/model';
import { resolvePick } from './pick';
import type { MetricTag } from './protocol';

// The rows of the activity the picker works for, as the picker needs them (issue 11 items 4, 5):
// found on the page, named by their metrics (one colour each), and whether unselecting one must
// ask first.

/** One colour per metric, in the order of the activity's metrics; never the picker's orange. */
export const METRIC_COLOURS = ['#2b8a3e', '#1864ab', '#7048e8', '#0b7285', '#c2255c', '#5c940d', '#364fc7', '#a61e4d'];
/** The badge of an element no metric counts yet. */
export const NO_METRIC_COLOUR = '#495057';

/** The activity's rows with what the picker shows of them. */
export function trackedRows(activity: Pick<Activity, 'elements' | 'metrics'> | null): TrackedRow[] {
  if (!activity) return [];
  const tags = new Map(activity.metrics.map((metric, index) => [metric.id, metricTag(metric, index)]));
  return activity.elements.map((element) => ({
    id: element.id,
    selector: element.selector,
    ...(element.frames ? { frames: element.frames } : {}),
    ...(element.shadowHosts ? { shadowHosts: element.shadowHosts } : {}),
    origin: element.origin ?? 'picked',
    ...(element.container ? { container: element.container } : {}),
    metrics: activity.metrics.filter((metric) => metric.elementIds.includes(element.id)).map((metric) => tags.get(metric.id)!),
  }));
}

/** Which rows match which elements of the page, and how many elements each row matches. */
export function findRows(doc: Document, rows: readonly TrackedRow[]): FoundRows {
  const byElement = new Map<Element, TrackedRow[]>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const elements = resolvePick(doc, row);
    counts.set(row.id, elements.length);
    for (const element of elements) byElement.set(element, [...(byElement.get(element) ?? []), row]);
  }
  return { byElement, counts };
}

/**
 * Why unselecting these rows must be confirmed first (issue 11 item 4): a selector typed or edited
 * by hand, one that matches several elements (the click would remove more than this one), or a row
 * a metric counts. Empty when a click may remove them at once (still undoable from the panel).
 */
export function removalReasons(rows: readonly TrackedRow[], counts: ReadonlyMap<string, number>): string[] {
  const reasons: string[] = [];
  for (const row of rows) {
    if (row.origin === 'typed') reasons.push(`“${row.selector}” was typed by hand`);
    if (row.origin === 'edited') reasons.push(`“${row.selector}” was edited by hand`);
    const count = counts.get(row.id) ?? 0;
    if (count > 1) reasons.push(`“${row.selector}” matches ${count} elements`);
  }
  if (metricsOf(rows).length > 0) reasons.unshift(`tracked in ${metricsOf(rows).map((tag) => tag.name).join(', ')}`);
  return reasons;
}

/** The metrics counting any of these rows, each once. */
export function metricsOf(rows: readonly TrackedRow[]): MetricTag[] {
  const seen = new Map<string, MetricTag>();
  for (const row of rows) for (const tag of row.metrics) seen.set(tag.name, tag);
  return [...seen.values()];
}

function metricTag(metric: Metric, index: number): MetricTag {
  return { name: metric.name, colour: METRIC_COLOURS[index % METRIC_COLOURS.length]! };
}

export interface TrackedRow extends Locatable {
  id: string;
  origin: ElementOrigin;
  container?: ContainerWarning;
  metrics: MetricTag[];
}

export interface FoundRows {
  byElement: Map<Element, TrackedRow[]>;
  /** Elements matched, by row id. */
  counts: Map<string, number>;
}
