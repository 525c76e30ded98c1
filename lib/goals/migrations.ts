import { normalizeUrl, scopeForPage } from './url-scope';

// Migrations of the stored workspace, by the version they lead to (@wxt-dev/storage runs them in
// order). They never throw: a value they do not recognise goes through unchanged, and the schema
// check afterwards quarantines it with a visible message (lib/goals/writer.ts) instead of WXT
// logging a failed migration and leaving the user with nothing.

export const WORKSPACE_VERSION = 3;

export const WORKSPACE_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  // v1 (the walking skeleton) created activities without URL scopes, so none of them covered any
  // page; v2 gives each one an exact scope per web page it was picked on, and fills lists that
  // v1 could leave out.
  2: (stored) => {
    if (!isRecord(stored) || !Array.isArray(stored.activities)) return stored;
    return { ...stored, activities: stored.activities.map(activityToV2) };
  },
  // v3 records how each row's selector came about (issues 11, 15): a row the user typed or edited is
  // removed from the picker only after asking. Rows of v2 say nothing; the picker records ranked
  // alternatives with every pick, so a row without them was typed by hand. Fingerprints, per-target
  // selectors and container warnings are new optional fields that v2 rows simply lack.
  3: (stored) => {
    if (!isRecord(stored) || !Array.isArray(stored.activities)) return stored;
    return { ...stored, activities: stored.activities.map(activityToV3) };
  },
};

function activityToV3(activity: unknown): unknown {
  if (!isRecord(activity) || !Array.isArray(activity.elements)) return activity;
  const elements = activity.elements.map((element: unknown) => {
    if (!isRecord(element) || element.origin !== undefined) return element;
    const picked = Array.isArray(element.alternatives) && element.alternatives.length > 0;
    return { ...element, origin: picked ? 'picked' : 'typed' };
  });
  return { ...activity, elements };
}

function activityToV2(activity: unknown): unknown {
  if (!isRecord(activity)) return activity;
  const pages = Array.isArray(activity.pages) ? activity.pages : [];
  const scopes = Array.isArray(activity.scopes) && activity.scopes.length > 0
    ? activity.scopes
    : pages.filter((page): page is string => typeof page === 'string' && normalizeUrl(page) !== null).map(scopeForPage);
  return {
    ...activity,
    pages,
    scopes,
    elements: Array.isArray(activity.elements) ? activity.elements : [],
    metrics: Array.isArray(activity.metrics) ? activity.metrics : [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
