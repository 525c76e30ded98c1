import { checkGoals, reportKey, type HealthReport, type HealthTarget } from './check';

// The page agent's answer to a health request (lib/page-agent/handlers.ts). Without `known` it
// checks once. With the key of the report the panel already shows, it answers as soon as the
// report differs, watching the DOM in between (a single-page app that re-renders, a late widget),
// or when `timeoutMs` passes: the panel asks again at once, so a goal that breaks while the page
// is open is shown without polling. One watch per watcher: a panel's newer request replaces its
// older one, and two panels do not cancel each other.

/** Quiet time after a DOM change before checking again; checks are at least this far apart. */
const SETTLE_MS = 400;
const MIN_INTERVAL_MS = 1000;

export function answerHealth(doc: Document, request: HealthRequest): HealthReport | Promise<HealthAnswer> {
  const report = checkGoals(doc, request.targets);
  if (request.known === undefined || reportKey(report) !== request.known) return report;
  return watch(doc, request, report);
}

function watch(doc: Document, request: HealthRequest, initial: HealthReport): Promise<HealthAnswer> {
  const watchers = registry();
  const key = request.watcher ?? '';
  watchers.get(key)?.();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Date.now();
    const finish = (answer: HealthAnswer) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      if (watchers.get(key) === cancel) watchers.delete(key);
      resolve(answer);
    };
    const check = () => {
      last = Date.now();
      const report = checkGoals(doc, request.targets);
      if (reportKey(report) !== request.known) finish(report);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(check, Math.max(SETTLE_MS, MIN_INTERVAL_MS - (Date.now() - last)));
    });
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const deadline = setTimeout(() => finish(initial), request.timeoutMs ?? 15_000);
    // A replaced watch answers something the panel ignores, never `null`: askPage would take
    // that for a missing agent and ask again.
    const cancel = () => finish({ replaced: true });
    watchers.set(key, cancel);
  });
}

function registry(): Map<string, () => void> {
  const scope = globalThis as unknown as { __goalpostHealthWatchers?: Map<string, () => void> };
  scope.__goalpostHealthWatchers ??= new Map();
  return scope.__goalpostHealthWatchers;
}

export interface HealthRequest {
  targets: HealthTarget[];
  /** Who is watching (one panel), so that its newer request replaces its older one. */
  watcher?: string;
  /** The key (see reportKey) of the report the panel shows: answer only when it changes. */
  known?: string;
  timeoutMs?: number;
}

export type HealthAnswer = HealthReport | { replaced: true };
