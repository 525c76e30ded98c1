import type { LinkProblemKind } from '../goals/link-eligibility';
import type { Reason, Verdict } from '../runtime/match';

// What test mode says about a click, on the page's flash and in the panel (issue 13): "Counts for
// Shares", "Too late for Quick look: 6.2 s after load (window 5 s)", "Not counted for Contact: mailto link".

export function outcomeInWords(outcome: { metricName: string; verdict: Verdict }): string {
  if (outcome.verdict.counts) return `Counts for ${outcome.metricName}`;
  return REASONS[outcome.verdict.reason.kind](outcome.metricName, outcome.verdict.reason as never);
}

/** The short tone of an outcome, for colours and icons. */
export function toneOf(verdict: Verdict): 'counts' | 'late' | 'already' | 'not-counted' {
  if (verdict.counts) return 'counts';
  if (verdict.reason.kind === 'late') return 'late';
  if (verdict.reason.kind === 'once') return 'already';
  return 'not-counted';
}

const LINKS: Record<LinkProblemKind, string> = {
  mailto: 'mailto link',
  tel: 'phone (tel:) link',
  javascript: 'javascript: link',
  anchor: 'in-page #anchor link',
  'not-http': 'not an http(s) link',
  unresolvable: 'link without a usable address',
};

const REASONS: { [K in Reason['kind']]: (metric: string, reason: Extract<Reason, { kind: K }>) => string } = {
  scope: (metric) => `Not counted for ${metric}: this page is outside the activity’s pages`,
  'no-track': (metric) => `Not counted for ${metric}: marked data-goalpost-no-track`,
  link: (metric, reason) => `Not counted for ${metric}: ${LINKS[reason.link]}`,
  late: (metric, reason) => `Too late for ${metric}: ${reason.seconds} s after load (window ${reason.windowSeconds} s)`,
  once: (metric) => `Already counted for ${metric}: once per visitor`,
};
