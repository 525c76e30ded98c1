import type { CountedActivity } from './match';

// The activity a site hands the runtime (inline JSON or a URL) is outside input. The extension checks
// canonical files with valibot (lib/export/canonical.ts); the runtime cannot carry it within 3 KB, so
// this checks what the counting rules read, and names the part that is wrong.

export const FORMAT = 'goalpost/activity@1';

export function readActivity(value: unknown): CountedActivity | { error: string } {
  const part = wrongPart(value as Loose);
  return part ? { error: `the activity is not a ${FORMAT} file (see its “${part}”)` } : value as CountedActivity;
}

function wrongPart(activity: Loose): string | null {
  if (!isObject(activity) || activity.format !== FORMAT) return 'format';
  if (typeof activity.id !== 'string') return 'id';
  if (!listOf(activity.scopes, (scope) => /^(exact|prefix|pattern)$/.test(scope.kind) && typeof scope.value === 'string')) return 'scopes';
  if (!listOf(activity.metrics, (metric) => typeof metric.id === 'string' && typeof metric.name === 'string'
    && /^(once|every)$/.test(metric.counting) && Array.isArray(metric.elementIds))) return 'metrics';
  // Frames and shadow hosts are not checked one by one: a selector that is no string matches nothing.
  if (!listOf(activity.elements, (element) => typeof element.id === 'string' && typeof element.selector === 'string'
    && isObject(element.action) && /^(click|link|submit)$/.test(element.action.kind))) return 'elements';
  return null;
}

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

/** A list of objects that each pass `check`. */
function listOf(value: unknown, check: (item: Loose) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isObject(item) || !check(item)) return false;
  return true;
}

/** Parsed JSON not yet checked: any property may be anything. */
type Loose = { [key: string]: any };
