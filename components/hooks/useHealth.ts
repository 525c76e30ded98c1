import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Activity, TrackedElement } from '@/lib/goals/model';
import { showHealthBadge } from '@/lib/health/badge';
import { reportKey, type GoalHealth, type HealthReport, type HealthTarget } from '@/lib/health/check';
import { attentionCount, healthTargets } from '@/lib/health/goals';
import { askPage } from '@/lib/panel/ask-page';
import { wakeablePause } from '@/lib/panel/wakeable-pause';
import type { Send } from './useOperations';

// The panel's health check of the target tab (issue 14). One owner (HealthSummary, mounted once)
// asks the page agent and keeps asking whenever the page changes; the rows (RepairNote) read the
// result from this small store, so the page is checked once for all of them.

let current: HealthState = { status: 'idle' };
const listeners = new Set<() => void>();

function publish(state: HealthState): void {
  current = state;
  for (const listener of listeners) listener();
}

/** Runs the health check of `activity`'s goals on the tab while mounted; returns its state. */
export function useHealthCheck(activity: Activity | undefined, tabId: number | undefined, pageUrl: string | undefined, send: Send): HealthState {
  const targets = useMemo(() => (activity && pageUrl ? healthTargets(activity, pageUrl) : []), [activity, pageUrl]);
  const key = JSON.stringify(targets.map((target) => [target.id, target.selector, target.frames, target.shadowHosts, !!target.fingerprint, target.expectsOne]));
  const watcher = useMemo(() => `panel-${Math.random().toString(36).slice(2)}`, []);
  const state = useHealthState();

  useEffect(() => {
    if (tabId === undefined || !activity || targets.length === 0) {
      publish({ status: 'idle' });
      return;
    }
    publish({ status: 'checking', tabId, targets });
    let stopped = false;
    const { pause, wake } = wakeablePause();
    // A reload or navigation ends the page a pending watch was in; Firefox then never answers it,
    // so the loop stops waiting for that answer and asks the new page.
    let interrupt: () => void = () => undefined;
    const onTabUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId || !change.status) return;
      interrupt();
      if (change.status === 'complete') wake();
    };
    const onPermission = () => wake();
    browser.tabs.onUpdated.addListener(onTabUpdated);
    browser.permissions.onAdded.addListener(onPermission);
    const backfilled = new Set<string>();

    void (async () => {
      let known: string | undefined;
      while (!stopped) {
        const interrupted = new Promise<'interrupted'>((resolve) => { interrupt = () => resolve('interrupted'); });
        const result = await Promise.race([askPage(tabId, 'health', { targets, watcher, known, timeoutMs: 15_000 }), interrupted]);
        if (stopped) return;
        if (result === 'interrupted') {
          known = undefined;
          await pause(1000);
          continue;
        }
        if (result.kind === 'ok' && 'goals' in result.answer) {
          const report = result.answer;
          known = reportKey(report);
          publish({ status: 'ok', tabId, targets, report });
          void showHealthBadge(tabId, attentionCount(report));
          backfill(activity, targets, report, backfilled, send);
        } else if (result.kind === 'no-access') {
          known = undefined;
          publish({ status: 'no-access', tabId, targets });
          await pause(3000);
        } else if (result.kind === 'failed') {
          // The page is reloading or navigating: ask again once it has loaded.
          known = undefined;
          await pause(1000);
        }
      }
    })();
    return () => {
      stopped = true;
      wake();
      interrupt();
      browser.tabs.onUpdated.removeListener(onTabUpdated);
      browser.permissions.onAdded.removeListener(onPermission);
    };
    // `key` stands for `targets`; the activity object changes with every stored edit.
  }, [tabId, pageUrl, key]);

  return state;
}

/** The last health state, kept live. */
export function useHealthState(): HealthState {
  const [state, setState] = useState(current);
  useEffect(() => {
    const listener = () => setState(current);
    listeners.add(listener);
    listener();
    return () => void listeners.delete(listener);
  }, []);
  return state;
}

/** The health of one row, as last checked for its current selector; `undefined` when not checked (yet). */
export function useGoalHealth(element: TrackedElement, tabId: number | undefined): GoalHealth | undefined {
  const state = useHealthState();
  if (state.status !== 'ok' || state.tabId !== tabId) return undefined;
  const target = state.targets.find((item) => item.id === element.id);
  if (!target || target.selector !== element.selector) return undefined;
  return state.report.goals.find((goal) => goal.id === element.id);
}

/** Rows recorded before fingerprints existed get one when their selector finds exactly one element (once per row). */
function backfill(activity: Activity, targets: HealthTarget[], report: HealthReport, done: Set<string>, send: Send): void {
  for (const goal of report.goals) {
    if (goal.status !== 'ok' || !goal.backfill || done.has(goal.id)) continue;
    const target = targets.find((item) => item.id === goal.id);
    if (!target || target.fingerprint) continue;
    done.add(goal.id);
    void send({ kind: 'setFingerprint', activityId: activity.id, elementId: goal.id, selector: target.selector, fingerprint: goal.backfill });
  }
}

export type HealthState =
  | { status: 'idle' }
  | { status: 'checking' | 'no-access'; tabId: number; targets: HealthTarget[] }
  | { status: 'ok'; tabId: number; targets: HealthTarget[]; report: HealthReport };
