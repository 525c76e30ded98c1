import type { Activity, Metric, TrackedElement } from '@/lib/goals/model';
import { exportProblems, metricElements, qualifiedName, windowWarnings, type AdapterResult } from './adapter';
import { splitSelectorList } from './dialect';
import { scopesToRegex } from './url-scope';

// Google Tag Manager container import file (PRODUCT.md §4, issue 12), as GTM writes its own exports
// (Admin → Export container): `exportFormatVersion`, `exportTime`, a `containerVersion` with its
// path, account, container and version ids and a `container` of usage context WEB, and triggers that
// carry their account, container and trigger ids and a `fingerprint`. Import it with Admin → Import
// container → "Merge": the file holds triggers and built-in variables only.
//
// One trigger per metric: `LINK_CLICK` ("Just Links") when every element is a link, with the
// parameters GTM writes on it; `FORM_SUBMISSION` filtered on {{Form Element}} for forms (a click on a
// form fires on any click inside it and misses the Enter key); else `CLICK` ("All Elements") matching
// the clicked element or any of its children (`sel, sel *`). A metric mixing forms and clicks gets
// one trigger of each kind. GTM's listeners see only the top document's light DOM: an element inside
// a shadow root ({{Click Element}} is retargeted to its host) or an iframe never fires, so it is left
// out of the file and named in the warnings (and in the limits shown before export).

/** GTM ignores the source ids on import; real exports carry them, so the file carries neutral ones. */
const ACCOUNT_ID = '0';
const CONTAINER_ID = '0';

export function toGtmContainer(activity: Activity, now: Date = new Date()): AdapterResult<GtmContainerFile> {
  const problems = exportProblems(activity, 'gtm');
  if (problems.length > 0) return { ok: false, problems };
  const fingerprint = String(now.getTime());
  const warnings = [...windowWarnings(activity, 'GTM'), ...unseenWarnings(activity)];
  if (activity.metrics.some((metric) => metric.counting === 'once')) warnings.push(ONCE_WARNING);
  const triggers: GtmTrigger[] = [];
  for (const metric of activity.metrics) {
    for (const { accountId, containerId, ...rest } of metricTriggers(activity, metric, fingerprint)) triggers.push({ accountId, containerId, triggerId: String(triggers.length + 1), ...rest });
  }
  const used = new Set(triggers.map((trigger) => trigger.type));
  const builtIns: [GtmBuiltInVariable['type'], GtmBuiltInVariable['name']][] = [];
  if (activity.scopes.length > 0) builtIns.push(['PAGE_URL', 'Page URL']);
  if (used.has('CLICK') || used.has('LINK_CLICK')) builtIns.push(['CLICK_ELEMENT', 'Click Element']);
  if (used.has('FORM_SUBMISSION')) builtIns.push(['FORM_ELEMENT', 'Form Element']);
  const containerPath = `accounts/${ACCOUNT_ID}/containers/${CONTAINER_ID}`;
  const file: GtmContainerFile = {
    exportFormatVersion: 2,
    exportTime: exportTime(now),
    containerVersion: {
      path: `${containerPath}/versions/0`,
      accountId: ACCOUNT_ID,
      containerId: CONTAINER_ID,
      containerVersionId: '0',
      container: { path: containerPath, accountId: ACCOUNT_ID, containerId: CONTAINER_ID, name: activity.name.trim(), usageContext: ['WEB'], fingerprint },
      trigger: triggers,
      builtInVariable: builtIns.map(([type, name]) => ({ accountId: ACCOUNT_ID, containerId: CONTAINER_ID, type, name })),
      fingerprint,
    },
  };
  if (triggers.length === 0) return { ok: false, problems: ['No element of the activity can be seen by GTM (all are inside shadow roots or frames): nothing to export.'] };
  return { ok: true, value: file, warnings };
}

const ONCE_WARNING =
  'A GTM trigger fires on every matching click; “once per visitor” is up to the tag or analytics tool it fires.';

export function serializeGtm(container: GtmContainerFile): string {
  return `${JSON.stringify(container, null, 4)}\n`;
}

/** `2026-02-07 05:11:16`, UTC, as GTM writes `exportTime`. */
function exportTime(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

type TriggerDraft = Omit<GtmTrigger, 'triggerId'>;

function metricTriggers(activity: Activity, metric: Metric, fingerprint: string): TriggerDraft[] {
  const elements = metricElements(activity, metric).filter(gtmSees);
  const forms = elements.filter((element) => element.action.kind === 'submit');
  const clicks = elements.filter((element) => element.action.kind !== 'submit');
  const name = qualifiedName(activity, metric);
  const both = forms.length > 0 && clicks.length > 0;
  const drafts: TriggerDraft[] = [];
  const scope = activity.scopes.length > 0 ? [condition('MATCH_REGEX', '{{Page URL}}', scopesToRegex(activity.scopes))] : [];
  if (clicks.length > 0) {
    const onlyLinks = clicks.every((element) => element.action.kind === 'link');
    const filter = [condition('CSS_SELECTOR', '{{Click Element}}', clickSelector(clicks.map((element) => element.selector))), ...scope];
    const base = { accountId: ACCOUNT_ID, containerId: CONTAINER_ID, name: both ? `${name} (clicks)` : name };
    drafts.push(onlyLinks ? { ...base, type: 'LINK_CLICK', filter, ...listenerParameters(), fingerprint } : { ...base, type: 'CLICK', filter, fingerprint });
  }
  if (forms.length > 0) {
    const selectors = [...new Set(forms.flatMap((element) => splitSelectorList(element.selector)))];
    const filter = [condition('CSS_SELECTOR', '{{Form Element}}', selectors.join(', ')), ...scope];
    drafts.push({ accountId: ACCOUNT_ID, containerId: CONTAINER_ID, name: both ? `${name} (forms)` : name, type: 'FORM_SUBMISSION', filter, ...listenerParameters(), fingerprint });
  }
  return drafts;
}

/**
 * What GTM writes on Link Click and Form Submission triggers: do not hold the navigation or submit
 * for the tags, fire even when another handler cancels it, 2 s timeout, and the id GTM fills in.
 */
function listenerParameters(): Pick<GtmTrigger, 'waitForTags' | 'checkValidation' | 'waitForTagsTimeout' | 'uniqueTriggerId'> {
  return {
    waitForTags: { type: 'BOOLEAN', value: 'false' },
    checkValidation: { type: 'BOOLEAN', value: 'false' },
    waitForTagsTimeout: { type: 'TEMPLATE', value: '2000' },
    uniqueTriggerId: { type: 'TEMPLATE' },
  };
}

/** GTM's click and form listeners sit on the top document: shadow roots and frames hide elements. */
export function gtmSees(element: TrackedElement): boolean {
  return !element.frames?.length && !element.shadowHosts?.length;
}

function unseenWarnings(activity: Activity): string[] {
  const warnings: string[] = [];
  for (const element of activity.elements) {
    if (gtmSees(element)) continue;
    const where = element.frames?.length ? 'inside a frame: GTM’s listeners in the page do not see clicks there' : 'inside a shadow root: GTM’s {{Click Element}} is its host, so no selector of the element can match';
    warnings.push(`${element.label || element.selector} is ${where}; it is left out of the GTM file.`);
  }
  return warnings;
}

/** `a, b` → `a, a *, b, b *`: GTM tests the clicked node itself, which is often a child of the element. */
export function clickSelector(selectors: string[]): string {
  const parts: string[] = [];
  for (const selector of selectors) {
    for (const single of splitSelectorList(selector)) parts.push(single, `${single} *`);
  }
  return [...new Set(parts)].join(', ');
}

function condition(type: GtmCondition['type'], variable: string, value: string): GtmCondition {
  return {
    type,
    parameter: [
      { type: 'TEMPLATE', key: 'arg0', value: variable },
      { type: 'TEMPLATE', key: 'arg1', value },
    ],
  };
}

export interface GtmContainerFile {
  exportFormatVersion: 2;
  /** UTC, `YYYY-MM-DD HH:MM:SS`. */
  exportTime: string;
  containerVersion: {
    path: string;
    accountId: string;
    containerId: string;
    containerVersionId: string;
    container: { path: string; accountId: string; containerId: string; name: string; usageContext: ['WEB']; fingerprint: string };
    trigger: GtmTrigger[];
    builtInVariable: GtmBuiltInVariable[];
    fingerprint: string;
  };
}

export interface GtmTrigger {
  accountId: string;
  containerId: string;
  triggerId: string;
  name: string;
  type: 'CLICK' | 'LINK_CLICK' | 'FORM_SUBMISSION';
  filter: GtmCondition[];
  waitForTags?: { type: 'BOOLEAN'; value: 'true' | 'false' };
  checkValidation?: { type: 'BOOLEAN'; value: 'true' | 'false' };
  waitForTagsTimeout?: { type: 'TEMPLATE'; value: string };
  uniqueTriggerId?: { type: 'TEMPLATE' };
  fingerprint: string;
}

export interface GtmCondition {
  type: 'CSS_SELECTOR' | 'MATCH_REGEX';
  parameter: [GtmParameter, GtmParameter];
}

export interface GtmParameter {
  type: 'TEMPLATE';
  key: 'arg0' | 'arg1';
  value: string;
}

export interface GtmBuiltInVariable {
  accountId: string;
  containerId: string;
  type: 'CLICK_ELEMENT' | 'PAGE_URL' | 'FORM_ELEMENT';
  name: 'Click Element' | 'Page URL' | 'Form Element';
}
