// The activity / metric / element model of PRODUCT.md §3. Pure data and pure functions:
// storage, panel and export all speak these types.
import type { SelectorCandidate } from '../selector';

export function createActivity(name: string, now: number, id = newId('act')): Activity {
  return { id, name, scopes: [], pages: [], elements: [], metrics: [], createdAt: now, updatedAt: now };
}

/** Adds a picked element to an activity, unless the same element (selector, frames and shadow hosts) is already listed. */
export function addElement(activity: Activity, pick: PickedElement, now: number): Activity {
  if (findSameLocation(activity.elements, pick)) return activity;
  const element: TrackedElement = { id: newId('el'), createdAt: now, ...pick };
  const pages = activity.pages.includes(pick.pageUrl) ? activity.pages : [...activity.pages, pick.pageUrl];
  return { ...activity, elements: [...activity.elements, element], pages, updatedAt: now };
}

/**
 * Whether two rows point at the same elements: the same selector in the same frames and shadow
 * hosts (issue 11). `#buy` at the top level and `#buy` inside a widget's shadow root are two elements.
 */
export function sameLocation(a: Locatable, b: Locatable): boolean {
  return a.selector === b.selector && sameList(a.frames, b.frames) && sameList(a.shadowHosts, b.shadowHosts);
}

/** The row of `elements` at the same location as `target`, other than `except`. */
export function findSameLocation<T extends Locatable & { id?: string }>(elements: readonly T[], target: Locatable, except?: string): T | undefined {
  return elements.find((element) => (except === undefined || element.id !== except) && sameLocation(element, target));
}

/** Where a row's selector applies, in words, for messages: "“#buy” inside “shop-widget”". */
export function locationText(target: Locatable): string {
  const scopes = [...(target.frames ?? []), ...(target.shadowHosts ?? [])];
  return scopes.length === 0 ? `“${target.selector}”` : `“${target.selector}” inside “${scopes.join(' › ')}”`;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => item === right[index]);
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
  /** How the row's selector came about: picked on the page, typed by hand (Add element), or edited by hand after. */
  origin?: ElementOrigin;
  /** What identifies the element besides its selector, recorded at pick time (issue 14): finds it again after a redesign. */
  fingerprint?: ElementFingerprint;
  /**
   * Selectors for one export target where the main selector would not match there (issue 12): PostHog
   * compiles selectors into its own matcher, so an element may need a PostHog-safe twin.
   */
  targetSelectors?: TargetSelectors;
  /**
   * Why an export target cannot count this element, found by checking it on its page (issue 12), in
   * words: e.g. PostHog's autocapture records no click on it. Shown before export, never dropped.
   */
  targetLimits?: TargetLimits;
  /** Set when the pick covers a large area or several actionable elements and the user recorded it anyway (issue 11). */
  container?: ContainerWarning;
}

/** What finds an element on a page: its selector, inside the frames and shadow hosts on the way (PRODUCT.md §1). */
export type Locatable = Pick<PickedElement, 'selector' | 'frames' | 'shadowHosts'>;

export type ElementOrigin = 'picked' | 'typed' | 'edited';

/** Per-target selectors, used instead of `selector` by that target's export only. */
export interface TargetSelectors {
  posthog?: string;
  /**
   * Filters PostHog's action step matches beside `posthog` (issue 12), when the selector alone would
   * also count other clicks: exact values read off the element's recorded `$elements_chain`.
   */
  posthogFilters?: PostHogStepFilters;
}

/** An action step's `href` (the chain's first href) and `text` (any text of the chain), matched exactly. */
export interface PostHogStepFilters {
  href?: string;
  text?: string;
}

/**
 * Only the `href` and `text` of `filters`, in that order: what an element stores and a file carries
 * (a step's other filters are not kept); undefined when it has neither.
 */
export function postHogStepFilters(filters: PostHogStepFilters | undefined): PostHogStepFilters | undefined {
  if (!filters || (filters.href === undefined && filters.text === undefined)) return undefined;
  return { ...(filters.href !== undefined ? { href: filters.href } : {}), ...(filters.text !== undefined ? { text: filters.text } : {}) };
}

/** Per-target reasons, in words, why that target cannot count the element. */
export interface TargetLimits {
  posthog?: string;
}

/** Why a pick is a container: any click inside this area counts. */
export interface ContainerWarning {
  /** Size of the element at pick time, CSS px. */
  width: number;
  height: number;
  /** Actionable elements (links, buttons, …) inside it at pick time. */
  actionables: number;
}

/**
 * The element as recorded at pick time, besides its selector (issue 14, after Similo's locator
 * features): enough to recognise it on a changed page. Text is trimmed and capped; attribute values
 * are the stable ones only (an `href` is kept as its path).
 */
export interface ElementFingerprint {
  tag: string;
  /** Trimmed visible text (or the accessible name when it has no text). */
  text: string;
  /** Stable attributes by name: href, name, aria-label, test ids, role, type, alt, title, id, placeholder… */
  attributes: Record<string, string>;
  /** Class names that do not look generated. */
  classes: string[];
  /** Short descriptions of the nearest labelled ancestors (landmarks, headings, named regions), nearest first. */
  ancestors: string[];
  /** Text next to the element (its label, the siblings' text), nearest first. */
  neighbours: string[];
  /** Its position among siblings of the same tag (its list): 1-based index and size; null when alone. */
  position: { index: number; count: number } | null;
  /** Its box in page coordinates at pick time; null when it was not rendered. */
  box: { x: number; y: number; width: number; height: number } | null;
  /** Tags from the document's root down to the element, e.g. `html/body/main/ul/li/a`. */
  path: string;
  /**
   * What the element shows besides text: the file name of its first image, `svg` for an inline
   * icon. Tells an image link from the headline link next to it that goes to the same page.
   */
  media?: string;
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
