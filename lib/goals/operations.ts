import { addElement, createActivity, findSameLocation, locationText, removeElement } from './model';
import type { Activity, ElementFingerprint, Metric, PickedElement, PostHogStepFilters, TrackedAction, TrackedElement, UrlScope, Workspace } from './model';
import type { SelectorCandidate } from '../selector';
import { activityCovers, normalizeUrl, scopeForPage, scopeProblem } from './url-scope';

// Every change to the workspace is one of these operations, applied by the single writer in the
// background to the *latest* stored value (lib/goals/writer.ts). An operation says what the user
// meant ("rename metric m1"), not what the whole workspace should become, so two panels editing at
// once both keep their edits. Removals answer with the operation that undoes them.

/** Applies one operation. Pure: the same workspace and operation always give the same result. */
export function applyOperation(workspace: Workspace, op: WorkspaceOp, now: number): Applied {
  const handler = HANDLERS[op.kind] as (ws: Workspace, op: WorkspaceOp, now: number) => Applied;
  return handler(workspace, op, now);
}

const HANDLERS: { [K in WorkspaceOp['kind']]: (ws: Workspace, op: Extract<WorkspaceOp, { kind: K }>, now: number) => Applied } = {
  repair: (ws) => done(ws),

  createActivity: (ws, op, now) => {
    const name = cleanName(op.name);
    if (name === null) return refused('An activity needs a name.');
    if (ws.activities.some((activity) => activity.id === op.activityId)) return done(ws);
    // "New" never makes a second activity of the same name (issue 15): the new one is numbered.
    const activity = { ...createActivity(uniqueName(name, ws.activities.map((item) => item.name)), now, op.activityId), scopes: op.scopes };
    return done({ activities: [...ws.activities, activity], currentActivityId: activity.id });
  },

  renameActivity: (ws, op, now) => {
    const name = cleanName(op.name);
    if (name === null) return refused('An activity needs a name.');
    return withActivity(ws, op.activityId, (activity) => ({ ...activity, name, updatedAt: now }));
  },

  selectActivity: (ws, op) => {
    if (!ws.activities.some((activity) => activity.id === op.activityId)) return refused(GONE_ACTIVITY);
    return done({ ...ws, currentActivityId: op.activityId });
  },

  deleteActivity: (ws, op) => {
    const index = ws.activities.findIndex((activity) => activity.id === op.activityId);
    const activity = ws.activities[index];
    if (!activity) return refused(GONE_ACTIVITY);
    const activities = ws.activities.filter((item) => item.id !== op.activityId);
    const wasCurrent = ws.currentActivityId === op.activityId;
    const currentActivityId = wasCurrent ? (activities[Math.min(index, activities.length - 1)]?.id ?? null) : ws.currentActivityId;
    return done({ activities, currentActivityId }, { kind: 'restoreActivity', activity, index, wasCurrent }, `Deleted activity “${activity.name}”.`);
  },

  restoreActivity: (ws, op) => {
    if (ws.activities.some((activity) => activity.id === op.activity.id)) return done(ws);
    const activities = insertAt(ws.activities, op.index, op.activity);
    return done({ activities, currentActivityId: op.wasCurrent ? op.activity.id : ws.currentActivityId });
  },

  addScope: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      const problem = scopeProblem(op.scope);
      if (problem) return problem;
      if (activity.scopes.some((scope) => sameScope(scope, op.scope))) return activity;
      return { ...activity, scopes: [...activity.scopes, op.scope], updatedAt: now };
    }),

  updateScope: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      const problem = scopeProblem(op.scope);
      if (problem) return problem;
      const index = activity.scopes.findIndex((scope) => sameScope(scope, op.previous));
      if (index === -1) return 'This URL was changed or removed in another window; your edit was not applied.';
      const scopes = activity.scopes.map((scope, i) => (i === index ? op.scope : scope));
      return { ...activity, scopes, updatedAt: now };
    }),

  removeScope: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => ({
      ...activity,
      scopes: activity.scopes.filter((scope) => !sameScope(scope, op.scope)),
      updatedAt: now,
    })),

  recordPick: (ws, op, now) => recordPick(ws, op.pick, now, op.pageTitle),

  // The picker's "select again to unselect" (PRODUCT.md §1) takes the rows back out of the list,
  // metrics included, and answers with their undo like Delete does (issue 11: no click loses work).
  unrecordPick: (ws, op, now) => {
    const activity = ws.activities.find((item) => item.id === op.activityId);
    if (!activity) return refused(GONE_ACTIVITY);
    const items = activity.elements
      .map((element, index) => ({ element, index, metricIds: metricsOf(activity, element.id) }))
      .filter(({ element }) => op.elementIds.includes(element.id));
    if (items.length === 0) return done(ws);
    let next = activity;
    for (const { element } of items) next = removeElement(next, element.id, now);
    const label = items.length === 1 ? `Removed ${elementInWords(items[0]!.element)} in the picker.` : `Removed ${items.length} elements in the picker.`;
    return done(replaceActivity(ws, next), { kind: 'restoreElements', activityId: activity.id, items }, label);
  },

  addElement: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      if (findSameLocation(activity.elements, op.pick)) return `${locationText(op.pick)} is already in this activity.`;
      return coverPage(addElement(activity, op.pick, now), op.pick.pageUrl);
    }),

  updateElement: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity, element) => {
      if (op.selector !== undefined) {
        const selector = op.selector.trim();
        if (selector === '') return 'A selector cannot be empty.';
        const moved = { ...element, selector };
        if (findSameLocation(activity.elements, moved, element.id)) return `Another row already uses ${locationText(moved)}.`;
      }
      const reselected = op.selector !== undefined && op.selector.trim() !== element.selector;
      const updated: TrackedElement = {
        ...element,
        ...(reselected ? { selector: op.selector!.trim(), origin: 'edited' as const } : {}),
        ...(op.action !== undefined ? { action: op.action } : {}),
        // The element the new selector finds, in words: the label (and the exported one) follows the edit (issue 15).
        ...(op.label !== undefined && op.label.trim() !== '' ? { label: op.label.trim() } : {}),
      };
      // What was found for the old selector (issue 12) says nothing of the new one: checked again on the page.
      if (reselected || (op.action !== undefined && op.action.kind !== element.action.kind)) {
        delete updated.targetSelectors;
        delete updated.targetLimits;
      }
      const elements = activity.elements.map((item) => (item.id === element.id ? updated : item));
      return { ...activity, elements, updatedAt: now };
    }),

  // The page agent's PostHog check (issue 12), for the selector the row had when it was asked.
  setTargetCheck: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity, element) => {
      if (element.selector !== op.selector) return activity; // edited meanwhile: a newer check follows
      const updated: TrackedElement = { ...element };
      const { posthog: _selector, posthogFilters: _filters, ...rest } = element.targetSelectors ?? {};
      if (op.posthog) {
        // The filters belong to that selector: stored with it, or dropped with it.
        updated.targetSelectors = { ...rest, posthog: op.posthog, ...(op.posthogFilters ? { posthogFilters: op.posthogFilters } : {}) };
      } else if (Object.keys(rest).length) updated.targetSelectors = rest;
      else delete updated.targetSelectors;
      if (op.limit) updated.targetLimits = { ...element.targetLimits, posthog: op.limit };
      else delete updated.targetLimits;
      if (JSON.stringify(updated) === JSON.stringify(element)) return activity;
      const elements = activity.elements.map((item) => (item.id === element.id ? updated : item));
      return { ...activity, elements, updatedAt: now };
    }),

  // A row's label described again from the live page (issue 15). Only for the selector it was
  // described for: an edit that landed meanwhile keeps its own label.
  relabelElement: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity, element) => {
      const label = op.label.trim();
      if (element.selector !== op.selector || label === '' || element.label === label) return activity;
      const elements = activity.elements.map((item) => (item.id === element.id ? { ...item, label } : item));
      return { ...activity, elements, updatedAt: now };
    }),

  removeElement: (ws, op, now) => {
    const activity = ws.activities.find((item) => item.id === op.activityId);
    if (!activity) return refused(GONE_ACTIVITY);
    const index = activity.elements.findIndex((element) => element.id === op.elementId);
    const element = activity.elements[index];
    if (!element) return refused(GONE_ELEMENT);
    const metricIds = metricsOf(activity, element.id);
    const next = replaceActivity(ws, removeElement(activity, element.id, now));
    const undo: WorkspaceOp = { kind: 'restoreElement', activityId: activity.id, element, index, metricIds };
    return done(next, undo, `Deleted ${elementInWords(element)}.`);
  },

  restoreElement: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      if (activity.elements.some((element) => element.id === op.element.id)) return activity;
      if (findSameLocation(activity.elements, op.element)) {
        return `${locationText(op.element)} was added again meanwhile, so the deleted row was not restored.`;
      }
      const metrics = activity.metrics.map((metric) =>
        op.metricIds.includes(metric.id) ? { ...metric, elementIds: [...metric.elementIds, op.element.id] } : metric);
      return { ...activity, elements: insertAt(activity.elements, op.index, op.element), metrics, updatedAt: now };
    }),

  // Health (PRODUCT.md §5, issue 14): the user accepts the element found again by its fingerprint.
  // The row keeps its id, metrics and origin; what pointed at the old element is replaced, and the
  // undo puts it back.
  repairElement: (ws, op, now) => {
    const activity = ws.activities.find((item) => item.id === op.activityId);
    const element = activity?.elements.find((item) => item.id === op.elementId);
    if (!activity) return refused(GONE_ACTIVITY);
    if (!element) return refused(GONE_ELEMENT);
    if (element.selector !== op.expected) return refused(`This row’s selector was changed meanwhile (now “${element.selector}”), so the repair was not applied.`);
    const moved = { ...element, selector: op.repair.selector };
    if (findSameLocation(activity.elements, moved, element.id)) return refused(`Another row already uses ${locationText(moved)}; the repair would make two rows count the same element.`);
    const next = withRepair(activity, element, op.repair, now);
    const undo: WorkspaceOp = { kind: 'unrepairElement', activityId: activity.id, elementId: element.id, expected: op.repair.selector, previous: repairOf(element) };
    return done(replaceActivity(ws, next), undo, `Repaired “${element.selector}” → “${op.repair.selector}”.`);
  },

  unrepairElement: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity, element) => {
      if (element.selector !== op.expected) return `This row’s selector was changed meanwhile (now “${element.selector}”), so the repair was not undone.`;
      return withRepair(activity, element, op.previous, now);
    }),

  // A row recorded before fingerprints existed gets one when its selector finds exactly one
  // element on its page (issue 14, backfill); a row that has one, or was edited since, is left as is.
  setFingerprint: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity, element) => {
      if (element.fingerprint || element.selector !== op.selector) return activity;
      const elements = activity.elements.map((item) => (item.id === element.id ? { ...item, fingerprint: op.fingerprint } : item));
      return { ...activity, elements, updatedAt: now };
    }),

  // Rows removed together (in the picker) come back together, each at its place and in its metrics.
  // One added again meanwhile is not doubled: the row there now joins the metrics instead.
  restoreElements: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      let { elements, metrics } = activity;
      for (const { element, index, metricIds } of [...op.items].sort((a, b) => a.index - b.index)) {
        if (elements.some((item) => item.id === element.id)) continue;
        const twin = findSameLocation(elements, element);
        const member = twin?.id ?? element.id;
        if (!twin) elements = insertAt(elements, index, element);
        metrics = metrics.map((metric) => (metricIds.includes(metric.id) ? setMember(metric, member, true) : metric));
      }
      return { ...activity, elements, metrics, updatedAt: now };
    }),

  addMetric: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      if (activity.metrics.some((metric) => metric.id === op.metric.id)) return activity;
      return { ...activity, metrics: [...activity.metrics, op.metric], updatedAt: now };
    }),

  updateMetric: (ws, op, now) =>
    withMetric(ws, op.activityId, op.metricId, (metric) => {
      const next: Metric = { ...metric };
      if (op.name !== undefined) {
        const name = cleanName(op.name);
        if (name === null) return 'A metric needs a name.';
        next.name = name;
      }
      if (op.counting !== undefined) next.counting = op.counting;
      if (op.windowSeconds === null) delete next.windowSeconds;
      else if (op.windowSeconds !== undefined) {
        if (!Number.isInteger(op.windowSeconds) || op.windowSeconds < 1) return 'The time window is a whole number of seconds, 1 or more.';
        next.windowSeconds = op.windowSeconds;
      }
      return next;
    }, now),

  removeMetric: (ws, op, now) => {
    const activity = ws.activities.find((item) => item.id === op.activityId);
    if (!activity) return refused(GONE_ACTIVITY);
    const index = activity.metrics.findIndex((metric) => metric.id === op.metricId);
    const metric = activity.metrics[index];
    if (!metric) return refused(GONE_METRIC);
    const next = { ...activity, metrics: activity.metrics.filter((item) => item.id !== metric.id), updatedAt: now };
    return done(replaceActivity(ws, next), { kind: 'restoreMetric', activityId: activity.id, metric, index }, `Deleted metric “${metric.name}”.`);
  },

  restoreMetric: (ws, op, now) =>
    withActivity(ws, op.activityId, (activity) => {
      if (activity.metrics.some((metric) => metric.id === op.metric.id)) return activity;
      // Elements deleted meanwhile stay deleted; the metric keeps the others.
      const known = new Set(activity.elements.map((element) => element.id));
      const metric = { ...op.metric, elementIds: op.metric.elementIds.filter((id) => known.has(id)) };
      return { ...activity, metrics: insertAt(activity.metrics, op.index, metric), updatedAt: now };
    }),

  setMembership: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity) => {
      const metric = activity.metrics.find((item) => item.id === op.metricId);
      if (!metric) return GONE_METRIC;
      const metrics = activity.metrics.map((item) => (item.id === op.metricId ? setMember(item, op.elementId, op.member) : item));
      return { ...activity, metrics, updatedAt: now };
    }),

  moveElement: (ws, op, now) =>
    withElement(ws, op.activityId, op.elementId, (activity) => {
      if (!activity.metrics.some((metric) => metric.id === op.toMetricId)) return GONE_METRIC;
      const metrics = activity.metrics.map((metric) => {
        if (metric.id === op.fromMetricId) return setMember(metric, op.elementId, false);
        if (metric.id === op.toMetricId) return setMember(metric, op.elementId, true);
        return metric;
      });
      return { ...activity, metrics, updatedAt: now };
    }),
};

/**
 * A pick goes to the current activity (the one the panel shows). Picking on a page outside its
 * scopes adds that page, so the user can browse on and keep picking (PRODUCT.md §3). With no
 * activity yet, the first one is created for the page.
 */
function recordPick(ws: Workspace, pick: PickedElement, now: number, pageTitle?: string): Applied {
  const current = ws.activities.find((activity) => activity.id === ws.currentActivityId) ?? ws.activities.at(-1);
  if (!current) {
    const activity = { ...createActivity(activityNameFor(pick.pageUrl, pageTitle), now), scopes: [scopeForPage(pick.pageUrl)] };
    return done({ activities: [addElement(activity, pick, now)], currentActivityId: activity.id });
  }
  const updated = coverPage(addElement(current, pick, now), pick.pageUrl);
  return done({ ...replaceActivity(ws, updated), currentActivityId: updated.id });
}

/** What a repair changes on a row, as it is now. */
function repairOf(element: TrackedElement): ElementRepair {
  return {
    selector: element.selector,
    action: element.action,
    label: element.label,
    ...(element.fingerprint ? { fingerprint: element.fingerprint } : {}),
    ...(element.alternatives ? { alternatives: element.alternatives } : {}),
  };
}

function withRepair(activity: Activity, element: TrackedElement, repair: ElementRepair, now: number): Activity {
  const { fingerprint: _fingerprint, alternatives: _alternatives, ...rest } = element;
  const updated: TrackedElement = { ...rest, ...repair };
  return { ...activity, elements: activity.elements.map((item) => (item.id === element.id ? updated : item)), updatedAt: now };
}

/** Adds an exact scope for a web page the activity does not cover yet. */
function coverPage(activity: Activity, pageUrl: string): Activity {
  if (normalizeUrl(pageUrl) === null || activityCovers(activity, pageUrl)) return activity;
  return { ...activity, scopes: [...activity.scopes, scopeForPage(pageUrl)] };
}

/**
 * A new activity's name: the page's title, as the user knows the page (issue 15); without one,
 * `shop.example/checkout`. Short and recognisable; the user renames it.
 */
export function activityNameFor(pageUrl: string, pageTitle?: string): string {
  const title = (pageTitle ?? '').replace(/\s+/g, ' ').trim();
  if (title !== '' && !/^(https?:|about:|moz-extension:|chrome-extension:)/i.test(title)) {
    return title.length > MAX_TITLE_NAME ? `${title.slice(0, MAX_TITLE_NAME - 1).trimEnd()}…` : title;
  }
  try {
    const url = new URL(pageUrl);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'New activity';
  }
}

/** `name`, or `name (2)`, `name (3)`… : the first that none of `taken` uses (compared without case). */
export function uniqueName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((item) => item.trim().toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  const base = name.replace(/ \(\d+\)$/, '');
  for (let number = 2; ; number++) {
    const candidate = `${base} (${number})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

const MAX_TITLE_NAME = 60;

/** The element as the undo toast names it: its label in words (`Button “Buy”`), else its selector. */
function elementInWords(element: TrackedElement): string {
  return /^[A-Z]/.test(element.label) && !/ by hand$/.test(element.label) ? element.label : `“${element.selector}”`;
}

function withActivity(ws: Workspace, activityId: string, change: (activity: Activity) => Activity | string): Applied {
  const activity = ws.activities.find((item) => item.id === activityId);
  if (!activity) return refused(GONE_ACTIVITY);
  const next = change(activity);
  if (typeof next === 'string') return refused(next);
  return done(next === activity ? ws : replaceActivity(ws, next));
}

function withElement(ws: Workspace, activityId: string, elementId: string,
  change: (activity: Activity, element: TrackedElement) => Activity | string): Applied {
  return withActivity(ws, activityId, (activity) => {
    const element = activity.elements.find((item) => item.id === elementId);
    return element ? change(activity, element) : GONE_ELEMENT;
  });
}

function withMetric(ws: Workspace, activityId: string, metricId: string, change: (metric: Metric) => Metric | string, now: number): Applied {
  return withActivity(ws, activityId, (activity) => {
    const metric = activity.metrics.find((item) => item.id === metricId);
    if (!metric) return GONE_METRIC;
    const next = change(metric);
    if (typeof next === 'string') return next;
    return { ...activity, metrics: activity.metrics.map((item) => (item.id === metricId ? next : item)), updatedAt: now };
  });
}

function metricsOf(activity: Activity, elementId: string): string[] {
  return activity.metrics.filter((metric) => metric.elementIds.includes(elementId)).map((metric) => metric.id);
}

function replaceActivity(ws: Workspace, activity: Activity): Workspace {
  return { ...ws, activities: ws.activities.map((item) => (item.id === activity.id ? activity : item)) };
}

function setMember(metric: Metric, elementId: string, member: boolean): Metric {
  const has = metric.elementIds.includes(elementId);
  if (has === member) return metric;
  return { ...metric, elementIds: member ? [...metric.elementIds, elementId] : metric.elementIds.filter((id) => id !== elementId) };
}

function insertAt<T>(items: T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(index, items.length));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

function sameScope(a: UrlScope, b: UrlScope): boolean {
  return a.kind === b.kind && a.value.trim() === b.value.trim();
}

function cleanName(name: string): string | null {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed.slice(0, 120);
}

function done(workspace: Workspace, undo?: WorkspaceOp, undoLabel?: string): Applied {
  return undo ? { ok: true, workspace, undo: { op: undo, label: undoLabel ?? 'Deleted.' } } : { ok: true, workspace };
}

function refused(message: string): Applied {
  return { ok: false, message };
}

const GONE_ACTIVITY = 'This activity no longer exists (it may have been deleted in another window).';
const GONE_ELEMENT = 'This element is no longer in the activity (it may have been deleted in another window).';
const GONE_METRIC = 'This metric no longer exists (it may have been deleted in another window).';

export type WorkspaceOp =
  /** Re-reads the stored value and sets aside whatever fails its schema (see writer.ts). */
  | { kind: 'repair' }
  | { kind: 'createActivity'; activityId: string; name: string; scopes: UrlScope[] }
  | { kind: 'renameActivity'; activityId: string; name: string }
  | { kind: 'selectActivity'; activityId: string }
  | { kind: 'deleteActivity'; activityId: string }
  | { kind: 'restoreActivity'; activity: Activity; index: number; wasCurrent: boolean }
  | { kind: 'addScope'; activityId: string; scope: UrlScope }
  | { kind: 'updateScope'; activityId: string; previous: UrlScope; scope: UrlScope }
  | { kind: 'removeScope'; activityId: string; scope: UrlScope }
  /** `pageTitle`: the tab's title, which names the activity when the pick starts the first one. */
  | { kind: 'recordPick'; pick: PickedElement; pageTitle?: string }
  /** The picker unselected these rows of the activity (issue 11); answers with `restoreElements`. */
  | { kind: 'unrecordPick'; activityId: string; elementIds: string[] }
  | { kind: 'addElement'; activityId: string; pick: PickedElement }
  | { kind: 'updateElement'; activityId: string; elementId: string; selector?: string; action?: TrackedAction; label?: string }
  | { kind: 'relabelElement'; activityId: string; elementId: string; selector: string; label: string }
  | { kind: 'setTargetCheck'; activityId: string; elementId: string; selector: string; posthog: string | null; posthogFilters?: PostHogStepFilters | null; limit: string | null }
  | { kind: 'removeElement'; activityId: string; elementId: string }
  | { kind: 'restoreElement'; activityId: string; element: TrackedElement; index: number; metricIds: string[] }
  | { kind: 'restoreElements'; activityId: string; items: RemovedElement[] }
  | { kind: 'addMetric'; activityId: string; metric: Metric }
  | { kind: 'updateMetric'; activityId: string; metricId: string; name?: string; counting?: Metric['counting']; windowSeconds?: number | null }
  | { kind: 'removeMetric'; activityId: string; metricId: string }
  | { kind: 'restoreMetric'; activityId: string; metric: Metric; index: number }
  | { kind: 'setMembership'; activityId: string; metricId: string; elementId: string; member: boolean }
  | { kind: 'moveElement'; activityId: string; elementId: string; fromMetricId: string; toMetricId: string }
  /** `expected` is the selector the repair replaces: a row edited meanwhile is not overwritten. */
  | { kind: 'repairElement'; activityId: string; elementId: string; expected: string; repair: ElementRepair }
  | { kind: 'unrepairElement'; activityId: string; elementId: string; expected: string; previous: ElementRepair }
  | { kind: 'setFingerprint'; activityId: string; elementId: string; selector: string; fingerprint: ElementFingerprint };

/** The parts of a row a repair replaces: the selector and what describes the element it points at. */
export interface ElementRepair {
  selector: string;
  action: TrackedAction;
  label: string;
  fingerprint?: ElementFingerprint;
  alternatives?: SelectorCandidate[];
}

/** A row taken out of an activity: where it was and which metrics counted it. */
export interface RemovedElement {
  element: TrackedElement;
  index: number;
  metricIds: string[];
}

/** How to take a removal back, and what the undo bar says. */
export interface Undo {
  op: WorkspaceOp;
  label: string;
}

export type Applied = { ok: true; workspace: Workspace; undo?: Undo } | { ok: false; message: string };
