import type { Verdict } from '../runtime/match';

// Test mode's state for one tab (issue 13): which activity is tested, what counted so far across the
// tab's page loads, and the latest events with their reasons. Pure functions; the background keeps
// the value in `storage.session` (lib/test-mode/storage.ts) and is its only writer.

/** Events kept for the panel, newest first. */
export const RECENT_MAX = 20;
/** Pages remembered, the latest ones. */
const PAGES_MAX = 50;

export function newSession(tabId: number, activityId: string, now: number): TestSession {
  return { tabId, activityId, startedAt: now, counts: {}, converted: [], recent: [], pages: [], nextEntry: 1 };
}

/**
 * Records one event reported by a page. The page decided with what it knew; the session is the
 * authority on once-per-visitor across frames and page loads, so a conversion of a metric already
 * converted becomes "already counted" here.
 */
export function recordReport(session: TestSession, report: TestReport, now: number): TestSession {
  const counts = { ...session.counts };
  const converted = [...session.converted];
  const outcomes = report.outcomes.map((outcome): TestOutcome => {
    if (!outcome.verdict.counts) return outcome;
    if (outcome.counting === 'once') {
      if (converted.includes(outcome.metricId)) return { ...outcome, verdict: { counts: false, reason: { kind: 'once' } } };
      converted.push(outcome.metricId);
    }
    counts[outcome.metricId] = (counts[outcome.metricId] ?? 0) + 1;
    return outcome;
  });
  const entry: TestEntry = { id: session.nextEntry, at: now, pageUrl: report.pageUrl, outcomes };
  return {
    ...session,
    counts,
    converted,
    recent: [entry, ...session.recent].slice(0, RECENT_MAX),
    nextEntry: session.nextEntry + 1,
  };
}

/** Notes a page of the tab watched by test mode (its top document), once per address. */
export function notePage(session: TestSession, pageUrl: string): TestSession {
  const page = pageUrl.split('#')[0]!;
  const pages = session.pages.includes(page) ? session.pages : [...session.pages, page].slice(-PAGES_MAX);
  return { ...session, pages, problem: undefined };
}

/** Counts, conversions and events back to nothing; the activity and the tab stay. */
export function resetSession(session: TestSession): TestSession {
  return { ...session, counts: {}, converted: [], recent: [] };
}

export interface TestSession {
  tabId: number;
  activityId: string;
  startedAt: number;
  /** Conversions counted per metric id. */
  counts: Record<string, number>;
  /** Once-per-visitor metrics converted in this test (its visitor is the tester). */
  converted: string[];
  /** The latest events, newest first. */
  recent: TestEntry[];
  /** The pages (top documents, without #fragment) of the tab that test mode watched, in order. */
  pages: string[];
  /** Why the tab's current page is not watched, in words; absent while it is. */
  problem?: string;
  nextEntry: number;
}

export interface TestEntry {
  id: number;
  at: number;
  pageUrl: string;
  outcomes: TestOutcome[];
}

/** One metric's outcome of one event, as a page reports it. */
export interface TestOutcome {
  metricId: string;
  metricName: string;
  counting: 'once' | 'every';
  /** The element in words (`Link “Email us” → mailto:hello@shop.example`). */
  element: string;
  verdict: Verdict;
}

export interface TestReport {
  pageUrl: string;
  outcomes: TestOutcome[];
}

export interface TestSetup {
  activityId: string;
  converted: string[];
}

export interface TestModeStatus {
  on: boolean;
  error?: string;
}

/** Test sessions by tab id. */
export type TestSessions = Record<string, TestSession>;
