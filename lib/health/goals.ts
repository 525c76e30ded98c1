import { defaultAction, type Activity, type TrackedAction, type TrackedElement } from '../goals/model';
import type { WorkspaceOp } from '../goals/operations';
import { activityCovers } from '../goals/url-scope';
import type { GoalHealth, HealthReport, HealthTarget, RepairProposal } from './check';

// Which goals a page's health check covers, and how the panel and the toolbar badge say the
// result (PRODUCT.md §5 Health, issue 14). Pure functions of the activity and the report.

/**
 * The goals of `activity` that belong to the page: those picked (or typed) on it. The query and
 * the hash do not count (campaign parameters, in-page anchors); another path is another page,
 * whose goals are not expected here.
 */
export function goalsOfPage(activity: Activity, pageUrl: string): TrackedElement[] {
  if (!activityCovers(activity, pageUrl)) return [];
  const page = pageKey(pageUrl);
  return page === null ? [] : activity.elements.filter((element) => pageKey(element.pageUrl) === page);
}

export function healthTargets(activity: Activity, pageUrl: string): HealthTarget[] {
  return goalsOfPage(activity, pageUrl).map((element) => ({
    id: element.id,
    selector: element.selector,
    ...(element.frames?.length ? { frames: element.frames } : {}),
    ...(element.shadowHosts?.length ? { shadowHosts: element.shadowHosts } : {}),
    ...(element.fingerprint ? { fingerprint: element.fingerprint } : {}),
    // A selector the user wrote may match several elements on purpose (PRODUCT.md §2).
    expectsOne: element.origin !== 'typed' && element.origin !== 'edited',
  }));
}

export function needsAttention(goal: GoalHealth): boolean {
  return goal.status !== 'ok';
}

export function attentionCount(report: HealthReport): number {
  return report.goals.filter(needsAttention).length;
}

/** "3 of 14 goals need attention on this page", or that all are found. */
export function summaryText(report: HealthReport): string {
  const total = report.goals.length;
  const broken = attentionCount(report);
  if (broken === 0) return total === 1 ? 'The goal on this page is found.' : `All ${total} goals on this page are found.`;
  return `${broken} of ${total} ${total === 1 ? 'goal needs' : broken === 1 ? 'goals needs' : 'goals need'} attention on this page.`;
}

/** What is wrong with a goal, in words. */
export function problemText(goal: Exclude<GoalHealth, { status: 'ok' }>): string {
  if (goal.reason === 'no-scope') return 'The frame or component it was picked in is not on this page now.';
  if (goal.status === 'lost') return 'Its selector matches nothing on this page now.';
  if (goal.status === 'ambiguous') return `Its selector matches ${goal.count} elements now; it matched one when picked.`;
  return 'Its selector now matches another element than the one picked.';
}

/** Why no repair is offered, in words. */
export function noRepairText(goal: Exclude<GoalHealth, { status: 'ok' }>): string {
  if (goal.reason === 'no-scope') return 'Open the part of the page it lives in, or pick it again.';
  if (goal.reason === 'no-fingerprint') return 'It was recorded before Goalpost kept fingerprints, so it cannot be found again: pick it again or edit the selector.';
  return 'Goalpost could not tell which element it is now: pick it again or edit the selector.';
}

/** The badge on the toolbar icon for a tab: the number of goals needing attention, or nothing. */
export function badgeText(count: number): string {
  return count === 0 ? '' : count > 99 ? '99+' : String(count);
}

/** The operation that accepts a repair: the row's action follows the element (a link keeps being a link click, to its new address). */
export function repairOperation(activity: Activity, element: TrackedElement, repair: RepairProposal): WorkspaceOp {
  return {
    kind: 'repairElement',
    activityId: activity.id,
    elementId: element.id,
    expected: element.selector,
    repair: {
      selector: repair.selector,
      action: repairedAction(element.action, repair),
      label: repair.label,
      fingerprint: repair.fingerprint,
      ...(repair.alternatives.length > 0 ? { alternatives: repair.alternatives } : {}),
    },
  };
}

function repairedAction(action: TrackedAction, repair: RepairProposal): TrackedAction {
  const fresh = defaultAction(repair.tag, repair.href);
  // A link click follows the link to its new address; a kind the user chose otherwise stays.
  if (action.kind === 'link') return fresh.kind === 'link' ? fresh : { kind: 'click' };
  if (action.kind === 'submit' && fresh.kind !== 'submit') return fresh;
  return action;
}

function pageKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '') || '/'}`;
  } catch {
    return null;
  }
}
