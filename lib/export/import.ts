import * as v from 'valibot';
import { parse as parseSelector } from 'css-what';
import type { WorkspaceWriter } from '@/lib/goals/writer';
import { newId, type Activity, type Workspace } from '@/lib/goals/model';
import { CanonicalSchema, canonicalTargetSelectors, FORMAT, type CanonicalActivity } from './canonical';

// Import of a canonical file (PRODUCT.md §4): everything is checked before anything is written,
// the write goes through the workspace's single writer (so it cannot race a pick or a panel edit),
// and a refused file changes nothing.

/** Reads and checks a file; the first problem comes back with the field's path and the reason. */
export function parseImport(text: string): ParseResult {
  if (text.length > MAX_FILE_CHARS) return refuse('(file)', `is ${(text.length / 1e6).toFixed(1)} MB: a Goalpost activity file is far smaller (limit 5 MB)`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse('(file)', `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('(file)', 'must be a JSON object with "format": "goalpost/activity@1"');
  const format = (data as { format?: unknown }).format;
  if (format !== FORMAT) {
    const found = typeof format === 'string' ? `“${format.slice(0, 60)}”` : 'missing';
    return refuse('format', `is ${found}: this version of Goalpost reads "${FORMAT}" files`);
  }
  const checked = v.safeParse(CanonicalSchema, data);
  if (!checked.success) return refuse(issuePath(checked.issues[0]), issueReason(checked.issues[0]));
  const problem = referenceProblem(checked.output);
  return problem ? { ok: false, error: problem } : { ok: true, file: checked.output };
}

const MAX_FILE_CHARS = 5_000_000;

/** Whether importing would meet an activity already stored (same id, else same name). */
export function findDuplicate(workspace: Workspace, file: CanonicalActivity): Activity | undefined {
  return workspace.activities.find((activity) => activity.id === file.id)
    ?? workspace.activities.find((activity) => sameName(activity.name, file.name));
}

/** The workspace after the import (pure). A duplicate is replaced in place, or kept beside the copy. */
export function applyImport(workspace: Workspace, file: CanonicalActivity, choice: DuplicateChoice, now: number): Workspace {
  const duplicate = findDuplicate(workspace, file);
  if (duplicate && choice === 'replace') {
    const activity = { ...fromCanonical(file, now), createdAt: duplicate.createdAt };
    return {
      activities: workspace.activities.map((item) => (item.id === duplicate.id ? activity : item)),
      currentActivityId: activity.id,
    };
  }
  const taken = workspace.activities.some((item) => item.id === file.id);
  const activity = fromCanonical(file, now, taken ? newId('act') : file.id);
  activity.name = uniqueName(workspace, file.name);
  return { activities: [...workspace.activities, activity], currentActivityId: activity.id };
}

/** The whole import against storage: check, then apply to the stored workspace in one write. Never throws. */
export async function importIntoWorkspace(text: string, choice: DuplicateChoice, writer: Pick<WorkspaceWriter, 'update'>): Promise<ImportOutcome> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  try {
    const next = await writer.update((workspace, now) => applyImport(workspace, parsed.file, choice, now));
    return { ok: true, activityId: next.currentActivityId!, name: next.activities.find((item) => item.id === next.currentActivityId)!.name };
  } catch (error) {
    return refuse('(storage)', `could not be saved: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
  }
}

export function fromCanonical(file: CanonicalActivity, now: number, id = file.id): Activity {
  return {
    id,
    name: file.name,
    scopes: file.scopes.map((scope) => ({ ...scope })),
    pages: [...file.pages],
    elements: file.elements.map((element) => ({
      id: element.id,
      selector: element.selector,
      action: element.action.kind === 'link' ? { kind: 'link', href: element.action.href } : { kind: element.action.kind },
      label: element.label,
      pageUrl: element.pageUrl,
      ...(element.frames ? { frames: [...element.frames] } : {}),
      ...(element.shadowHosts ? { shadowHosts: [...element.shadowHosts] } : {}),
      ...(element.targetSelectors?.posthog ? { targetSelectors: canonicalTargetSelectors(element.targetSelectors.posthog, element.targetSelectors.posthogFilters) } : {}),
      ...(element.targetLimits?.posthog ? { targetLimits: { posthog: element.targetLimits.posthog } } : {}),
      ...(element.fingerprint ? { fingerprint: element.fingerprint } : {}),
      // Not picked on a page here: removing it from the picker asks first, as for a typed row.
      origin: 'typed' as const,
      createdAt: now,
    })),
    metrics: file.metrics.map((metric) => ({
      id: metric.id,
      name: metric.name,
      counting: metric.counting,
      ...(metric.windowSeconds === undefined ? {} : { windowSeconds: metric.windowSeconds }),
      elementIds: [...metric.elementIds],
    })),
    createdAt: now,
    updatedAt: now,
  };
}

export function formatImportError(error: ImportError): string {
  return `${error.path}: ${error.reason}`;
}

/** What JSON Schema cannot say: ids are unique, metrics name elements of the file, selectors parse. */
function referenceProblem(file: CanonicalActivity): ImportError | undefined {
  const elementIds = new Map<string, number>();
  for (const [index, element] of file.elements.entries()) {
    const first = elementIds.get(element.id);
    if (first !== undefined) return { path: `elements[${index}].id`, reason: `“${element.id}” is already the id of elements[${first}]` };
    elementIds.set(element.id, index);
    const invalid = selectorError(element.selector);
    if (invalid) return { path: `elements[${index}].selector`, reason: invalid };
    const posthog = element.targetSelectors?.posthog;
    const invalidPostHog = posthog === undefined ? null : selectorError(posthog);
    if (invalidPostHog) return { path: `elements[${index}].targetSelectors.posthog`, reason: invalidPostHog };
  }
  const metricIds = new Map<string, number>();
  for (const [index, metric] of file.metrics.entries()) {
    const first = metricIds.get(metric.id);
    if (first !== undefined) return { path: `metrics[${index}].id`, reason: `“${metric.id}” is already the id of metrics[${first}]` };
    metricIds.set(metric.id, index);
    const listed = new Set<string>();
    for (const [position, id] of metric.elementIds.entries()) {
      const path = `metrics[${index}].elementIds[${position}]`;
      if (!elementIds.has(id)) return { path, reason: `names no element of this file (“${id}”)` };
      if (listed.has(id)) return { path, reason: `lists “${id}” twice` };
      listed.add(id);
    }
  }
  return undefined;
}

function selectorError(selector: string): string | undefined {
  try {
    parseSelector(selector);
    return undefined;
  } catch (error) {
    return `is not a valid CSS selector (${error instanceof Error ? error.message : String(error)})`;
  }
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path || '(file)';
}

function issueReason(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return `is not a field of a ${FORMAT} file`;
  if (issue.type === 'strict_object' && issue.received === 'undefined') return 'is required but missing';
  return issue.message;
}

function uniqueName(workspace: Workspace, name: string): string {
  const taken = (candidate: string) => workspace.activities.some((item) => sameName(item.name, candidate));
  if (!taken(name)) return name;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (imported)` : `${name} (imported ${n})`;
    if (!taken(candidate)) return candidate;
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function refuse(path: string, reason: string): { ok: false; error: ImportError } {
  return { ok: false, error: { path, reason } };
}

export type DuplicateChoice = 'replace' | 'keepBoth';

export interface ImportError {
  /** Where in the file, e.g. `metrics[1].counting`, or `(file)` for the whole file. */
  path: string;
  reason: string;
}

export type ParseResult = { ok: true; file: CanonicalActivity } | { ok: false; error: ImportError };

export type ImportOutcome = { ok: true; activityId: string; name: string } | { ok: false; error: ImportError };
