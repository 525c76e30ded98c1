// The activity / metric / element model of PRODUCT.md §3. Pure data and pure functions:
// storage, panel and export all speak these types.
import type { SelectorCandidate } from '../selector';

export function createActivity(name: string, now: number, id = newId('act')): Activity {
  return { id, name, scopes: [], pages: [], elements: [], metrics: [], createdAt: now, updatedAt: now };
}

/** Adds a picked element to an activity, unless the same selector is already listed. */
export function addElement(activity: Activity, pick: PickedElement, now: number): Activity {
  if (activity.elements.some((element) => element.selector === pick.selector)) return activity;
  const element: TrackedElement = { id: newId('el'), createdAt: now, ...pick };
  const pages = activity.pages.includes(pick.pageUrl) ? activity.pages : [...activity.pages, pick.pageUrl];
  return { ...activity, elements: [...activity.elements, element], pages, updatedAt: now };
}

export function removeElement(activity: Activity, elementId: string, now: number): Activity {
  return {
    ...activity,
    elements: activity.elements.filter((element) => element.id !== elementId),
    metrics: activity.metrics.map((metric) => ({
      ...metric,
      elementIds: metric.elementIds.filter((id) => id !== elementId),
    })),
    updatedAt: now,
  };
}

/** The tracked action a picked element gets by default (PRODUCT.md §3): links and forms are special. */
export function defaultAction(tagName: string, href: string | null): TrackedAction {
  const tag = tagName.toLowerCase();
  if (tag === 'a' && href !== null) return { kind: 'link', href };
  if (tag === 'form') return { kind: 'submit' };
  return { kind: 'click' };
}

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().slice(0, 8)}`;
}

export type UrlScope = { kind: 'exact' | 'prefix' | 'pattern'; value: string };

export type TrackedAction = { kind: 'click' } | { kind: 'link'; href: string } | { kind: 'submit' };

/** What the picker reports for one picked element. */
export interface PickedElement {
  selector: string;
  action: TrackedAction;
  /** Short human description, e.g. `a.buy "Buy now"`. */
  label: string;
  /** The page (top-level URL) the element was picked on. */
  pageUrl: string;
  /** Selectors of the same-origin iframes from the top document down to the element's document. */
  frames?: string[];
  /** Selectors of the shadow hosts from the element's document down to its shadow root. */
  shadowHosts?: string[];
  /** Ranked alternatives to `selector` (distinct match sets, with live counts and stability hints), PRODUCT.md §2. */
  alternatives?: SelectorCandidate[];
}

export interface TrackedElement extends PickedElement {
  id: string;
  createdAt: number;
}

export interface Metric {
  id: string;
  name: string;
  counting: 'once' | 'every';
  /** Count only clicks within this many seconds after page load. */
  windowSeconds?: number;
  elementIds: string[];
}

export interface Activity {
  id: string;
  name: string;
  scopes: UrlScope[];
  /** Pages the elements were picked on, in the order they were first used. */
  pages: string[];
  elements: TrackedElement[];
  metrics: Metric[];
  createdAt: number;
  updatedAt: number;
}

export interface Workspace {
  activities: Activity[];
  currentActivityId: string | null;
}
