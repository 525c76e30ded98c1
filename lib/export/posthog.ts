import type { Activity, Metric, TrackedElement, UrlScope } from '@/lib/goals/model';
import { exportProblems, metricElements, qualifiedName, windowWarnings, type AdapterResult } from './adapter';
import { splitSelectorList } from './dialect';
import { redact, request, parseWebUrl, type HttpFailure, type HttpOptions } from './http';
import { staticProblems, type ElementFacts } from './posthog/static';
import { pageWithoutQuery, scopeToRegex } from './url-scope';

// PostHog actions (PRODUCT.md §4): one action per metric, one `$autocapture` step per selector and
// URL scope; PostHog ORs the steps, so a click on any element of the metric matches the action.
// PostHog does not run CSS (issue 12): each step's selector is compiled into a regex over the
// element chain posthog-js records (lib/export/posthog/), so an element may carry a PostHog twin
// of its selector, checked on its page, and a selector PostHog would never match is refused here.

/** `Action.name` is a CharField(max_length=400) (products/actions/backend/models/action.py). */
export const POSTHOG_NAME_MAX = 400;

export function toPostHogActions(activity: Activity): AdapterResult<PostHogAction[]> {
  const problems = [...exportProblems(activity, 'posthog'), ...postHogProblems(activity)];
  if (problems.length > 0) return { ok: false, problems };
  const warnings = [...windowWarnings(activity, 'PostHog'), ...postHogWarnings(activity)];
  if (activity.scopes.length === 0) {
    warnings.push('The activity has no URL scope: each step matches the page its element was picked on (URL contains it, query ignored).');
  }
  return { ok: true, value: activity.metrics.map((metric) => action(activity, metric)), warnings };
}

function action(activity: Activity, metric: Metric): PostHogAction {
  const steps: PostHogStep[] = [];
  for (const element of metricElements(activity, metric)) {
    for (const selector of splitSelectorList(postHogSelector(element))) {
      for (const url of stepUrls(activity.scopes, element)) steps.push(step(selector, url, element));
    }
  }
  return { name: qualifiedName(activity, metric), steps };
}

/** The selector PostHog gets for an element: its checked twin when it has one (issue 12). */
export function postHogSelector(element: TrackedElement): string {
  return element.targetSelectors?.posthog ?? element.selector;
}

function step(selector: string, url: StepUrl, element: TrackedElement): PostHogStep {
  const base: PostHogStep = { event: '$autocapture', selector, url: url.url, url_matching: url.matching, ...stepFilters(element) };
  // Without it a step also counts the `change` and `submit` autocapture events inside the element
  // (posthog-js captures click, change and submit: autocapture.ts `_addDomEventHandlers`).
  const properties = [{ key: '$event_type', value: element.action.kind === 'submit' ? 'submit' : 'click', operator: 'exact' as const, type: 'event' as const }];
  return element.action.kind === 'link' ? { ...base, tag_name: 'a', properties } : { ...base, properties };
}

/**
 * The `href` / `text` filters checked on the element's page with its PostHog selector (issue 12),
 * sent exactly as stored: values read off the chain posthog-js records (the attribute as written in
 * the page, not the resolved link Goalpost keeps in `action.href`), matched exactly. Without a check
 * on the page none is sent: the selector alone pins the element.
 */
function stepFilters(element: TrackedElement): Pick<PostHogStep, 'href' | 'href_matching' | 'text' | 'text_matching'> {
  const filters = element.targetSelectors?.posthog ? element.targetSelectors.posthogFilters : undefined;
  return {
    ...(filters?.href !== undefined ? { href: filters.href, href_matching: 'exact' as const } : {}),
    ...(filters?.text !== undefined ? { text: filters.text, text_matching: 'exact' as const } : {}),
  };
}

/** What PostHog cannot count at all: refused with the reason (issue 12). */
function postHogProblems(activity: Activity): string[] {
  const problems: string[] = [];
  for (const metric of activity.metrics) {
    const name = qualifiedName(activity, metric);
    if ([...name].length > POSTHOG_NAME_MAX) problems.push(`The PostHog action name “${name.slice(0, 60)}…” is longer than PostHog’s ${POSTHOG_NAME_MAX} characters: shorten the activity or metric name.`);
    for (const element of metricElements(activity, metric)) {
      const limit = element.targetLimits?.posthog;
      if (limit) problems.push(`Metric “${metric.name.trim()}”: PostHog cannot count ${element.label || element.selector}: ${limit}.`);
      for (const problem of staticProblems(postHogSelector(element), elementFacts(element))) {
        if (problem.kind === 'never') problems.push(`Metric “${metric.name.trim()}”: PostHog would never count “${postHogSelector(element)}”: ${problem.message}. Open its page with the panel: Goalpost then writes a PostHog selector for it.`);
      }
    }
  }
  return [...new Set(problems)];
}

/** What PostHog may count differently from CSS, for selectors not checked on their page. */
function postHogWarnings(activity: Activity): string[] {
  const warnings: string[] = [];
  for (const element of activity.elements) {
    if (!activity.metrics.some((metric) => metric.elementIds.includes(element.id))) continue;
    if (element.targetSelectors?.posthog) continue; // checked on the page
    for (const problem of staticProblems(element.selector, elementFacts(element))) {
      if (problem.kind !== 'never') warnings.push(`${problem.message} (not checked on its page yet: open ${element.pageUrl} with the panel to check it).`);
    }
  }
  return [...new Set(warnings)];
}

/** The element's tag and input type, when its pick recorded them (the input attribute rule). */
export function elementFacts(element: TrackedElement): ElementFacts | undefined {
  const print = element.fingerprint;
  if (!print) return undefined;
  return { tag: print.tag, type: print.attributes.type, contentEditable: print.attributes.contenteditable === 'true' };
}

function stepUrls(scopes: UrlScope[], element: TrackedElement): StepUrl[] {
  if (scopes.length === 0) return [{ url: pageWithoutQuery(element.pageUrl), matching: 'contains' }];
  return scopes.map((scope) => (scope.kind === 'exact' ? { url: scope.value, matching: 'exact' } : { url: scopeToRegex(scope), matching: 'regex' }));
}

/**
 * Creates or updates each action, by name: PostHog keeps names unique per project, so an action
 * Goalpost created before is found in the list and updated (PATCH) instead of clashing (HTTP 400).
 * Never throws; each action gets its own result so a partial failure can be retried alone.
 */
export async function pushToPostHog(
  destination: PostHogDestination,
  apiKey: string,
  actions: PostHogAction[],
  options: HttpOptions = {},
): Promise<PostHogResult[]> {
  const base = projectUrl(destination);
  if (!base.ok) return actions.map((item) => ({ name: item.name, outcome: 'failed', error: base.error }));
  if (!apiKey.trim()) return actions.map((item) => ({ name: item.name, outcome: 'failed', error: 'Enter a PostHog personal API key (it needs the action:write scope).' }));
  const headers = { Authorization: `Bearer ${apiKey.trim()}`, 'Content-Type': 'application/json' };
  const existing = await listActions(base.url, headers, options);
  if (!existing.ok) {
    const error = redact(postHogMessage(existing.failure, destination), apiKey);
    return actions.map((item) => ({ name: item.name, outcome: 'failed', error }));
  }
  const results: PostHogResult[] = [];
  for (const item of actions) {
    const id = existing.ids.get(item.name);
    const url = id === undefined ? base.url : `${base.url}${id}/`;
    const sent = await request(url, { method: id === undefined ? 'POST' : 'PATCH', headers, body: JSON.stringify(item) }, options);
    if (!sent.ok) results.push({ name: item.name, outcome: 'failed', error: redact(postHogMessage(sent.failure, destination, item.name), apiKey) });
    else results.push({ name: item.name, outcome: id === undefined ? 'created' : 'updated', id: actionId(sent.body) ?? id });
  }
  return results;
}

/** Action ids by name, following PostHog's `next` links (same host only, bounded). */
async function listActions(url: string, headers: Record<string, string>, options: HttpOptions): Promise<ListOutcome> {
  const ids = new Map<string, number>();
  let next: string | null = url;
  for (let page = 0; next && page < MAX_LIST_PAGES; page++) {
    const listed = await request(next, { method: 'GET', headers }, options);
    if (!listed.ok) return listed;
    const body = listed.body as { results?: unknown; next?: unknown } | undefined;
    for (const item of Array.isArray(body?.results) ? body.results : []) {
      const record = item as { id?: unknown; name?: unknown };
      if (typeof record.name === 'string' && typeof record.id === 'number') ids.set(record.name, record.id);
    }
    next = typeof body?.next === 'string' && new URL(body.next, url).origin === new URL(url).origin ? new URL(body.next, url).href : null;
  }
  return { ok: true, ids };
}

const MAX_LIST_PAGES = 50;

function projectUrl(destination: PostHogDestination): { ok: true; url: string } | { ok: false; error: string } {
  const host = parseWebUrl(destination.host);
  if (!host.ok) return { ok: false, error: `PostHog host: ${host.error}` };
  if (!/^\d+$/.test(destination.projectId.trim())) {
    return { ok: false, error: `PostHog project id must be a number (Project settings → Project ID), not “${destination.projectId}”.` };
  }
  const root = host.url.href.replace(/\/+$/, '');
  return { ok: true, url: `${root}/api/projects/${destination.projectId.trim()}/actions/` };
}

function actionId(body: unknown): number | undefined {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
}

/** What went wrong, in the user's words, with what to do next. */
export function postHogMessage(failure: HttpFailure, destination: PostHogDestination, actionName?: string): string {
  const host = destination.host.replace(/\/+$/, '');
  if (failure.kind === 'timeout') return `PostHog at ${host} did not answer within ${failure.seconds} s. Nothing was lost: retry from the outbox.`;
  if (failure.kind === 'network') return `Could not reach PostHog at ${host} (${failure.message}). Check the host and your connection, then retry.`;
  const { status, detail } = failure;
  if (status === 400 && /already|exists|unique/i.test(detail)) {
    // PostHog checks names among the project's actions that are not deleted (ActionSerializer.validate),
    // so the clash is a live action Goalpost did not see when it listed them: created meanwhile.
    return `PostHog already has an action named “${actionName}” that was not in the project’s list when Goalpost read it (${detail}). Retry: Goalpost then updates that action; or rename the metric.`;
  }
  if (status === 400) return `PostHog refused ${actionName ? `the action “${actionName}”` : 'the request'}: ${detail || 'bad request'} (400).`;
  if (status === 401) return 'PostHog refused the API key (401). Use a personal API key (not the project key) and check it was copied whole.';
  if (status === 403) return `The API key may not write actions in project ${destination.projectId} (403). Give it the action:write scope and access to this project.`;
  if (status === 404) return `PostHog has no project ${destination.projectId} at ${host} (404). Check the host (US, EU or your own) and the project id.`;
  if (status === 429) return 'PostHog is rate limiting requests (429). Wait a minute, then retry from the outbox.';
  if (status >= 500) return `PostHog had a server error (${status}${detail ? `: ${detail}` : ''}). Nothing was lost: retry from the outbox later.`;
  return `PostHog answered HTTP ${status}${detail ? `: ${detail}` : ''}.`;
}

type StepUrl = { url: string; matching: PostHogStep['url_matching'] };
type ListOutcome = { ok: true; ids: Map<string, number> } | { ok: false; failure: HttpFailure };

export interface PostHogDestination {
  host: string;
  projectId: string;
}

export interface PostHogAction {
  name: string;
  steps: PostHogStep[];
}

export interface PostHogStep {
  event: '$autocapture';
  selector: string;
  url: string;
  url_matching: 'contains' | 'exact' | 'regex';
  tag_name?: string;
  /** Compared with the chain's first href (`elements_chain_href`); sent with `href_matching: "exact"`. */
  href?: string;
  href_matching?: 'contains' | 'exact' | 'regex';
  /** Compared with every text of the chain (`elements_chain_texts`); sent with `text_matching: "exact"`. */
  text?: string;
  text_matching?: 'contains' | 'exact' | 'regex';
  /** Event property filters (ActionStepJSONSerializer `properties`): here `$event_type`. */
  properties?: PostHogPropertyFilter[];
}

export interface PostHogPropertyFilter {
  key: string;
  value: string;
  operator: 'exact';
  type: 'event';
}

export type PostHogResult =
  | { name: string; outcome: 'created' | 'updated'; id: number | undefined }
  | { name: string; outcome: 'failed'; error: string };
