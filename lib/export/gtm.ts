import type { Activity, Metric } from '@/lib/goals/model';
import { exportProblems, metricElements, qualifiedName, windowWarnings, type AdapterResult } from './adapter';
import { splitSelectorList } from './dialect';
import { scopesToRegex } from './url-scope';

// Google Tag Manager container import file (PRODUCT.md §4): one trigger per metric, matching the
// clicked element or any of its children (`sel, sel *`) through the Click Element built-in variable.
// Import it in GTM with Admin → Import container → "Merge": the file holds triggers and built-in
// variables only, so nothing already in the container is replaced unless a trigger has the same name.

export function toGtmContainer(activity: Activity): AdapterResult<GtmContainerFile> {
  const problems = exportProblems(activity, 'gtm');
  if (problems.length > 0) return { ok: false, problems };
  const builtInVariable: GtmBuiltInVariable[] = [{ type: 'CLICK_ELEMENT', name: 'Click Element' }];
  if (activity.scopes.length > 0) builtInVariable.push({ type: 'PAGE_URL', name: 'Page URL' });
  const warnings = [...windowWarnings(activity, 'GTM'), ...submitWarnings(activity)];
  if (activity.metrics.some((metric) => metric.counting === 'once')) warnings.push(ONCE_WARNING);
  const trigger = activity.metrics.map((metric) => metricTrigger(activity, metric));
  return { ok: true, value: { exportFormatVersion: 2, containerVersion: { trigger, builtInVariable } }, warnings };
}

const ONCE_WARNING =
  'A GTM trigger fires on every matching click; “once per visitor” is up to the tag or analytics tool it fires.';

export function serializeGtm(container: GtmContainerFile): string {
  return `${JSON.stringify(container, null, 2)}\n`;
}

function metricTrigger(activity: Activity, metric: Metric): GtmTrigger {
  const elements = metricElements(activity, metric);
  const onlyLinks = elements.every((element) => element.action.kind === 'link');
  const filter: GtmCondition[] = [condition('CSS_SELECTOR', '{{Click Element}}', clickSelector(elements.map((element) => element.selector)))];
  if (activity.scopes.length > 0) filter.push(condition('MATCH_REGEX', '{{Page URL}}', scopesToRegex(activity.scopes)));
  return { name: qualifiedName(activity, metric), type: onlyLinks ? 'LINK_CLICK' : 'CLICK', filter };
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

function submitWarnings(activity: Activity): string[] {
  return activity.metrics
    .filter((metric) => metricElements(activity, metric).some((element) => element.action.kind === 'submit'))
    .map((metric) => `Metric “${metric.name}” tracks a form submit; GTM gets a click trigger on the form (a Form Submission trigger is not generated).`);
}

export interface GtmContainerFile {
  exportFormatVersion: 2;
  containerVersion: { trigger: GtmTrigger[]; builtInVariable: GtmBuiltInVariable[] };
}

export interface GtmTrigger {
  name: string;
  type: 'CLICK' | 'LINK_CLICK';
  filter: GtmCondition[];
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
  type: 'CLICK_ELEMENT' | 'PAGE_URL';
  name: 'Click Element' | 'Page URL';
}
