import type { SelectorCandidate } from '../selector';
import type { Locatable } from '../picker/pick';
import type { PostHogCheckAnswer, PostHogCheckRequest } from '../export/posthog/check';
import type { HealthAnswer, HealthRequest } from '../health/watch';

// What the panel can ask the page (lib/panel/ask-page.ts → lib/page-agent/agent.ts). Each request is
// answered by a plain function of the page's document; arguments and answers cross
// `scripting.executeScript`, so both must be JSON-like. Add a request here and its handler in
// handlers.ts.

export interface PageAgentApi {
  /** The first element `target` matches, in words (`Button “Buy”`), and how many it matches. */
  describe(target: Locatable): DescribeAnswer;
  /** Ranked selectors for the first element `target` matches (PRODUCT.md §2 alternatives). */
  candidates(target: Locatable): CandidatesAnswer;
  /**
   * Would PostHog count this element's clicks (or its form's submits) with its selector, under both
   * of its selector compilers, and no other recorded click of the page; if not, which selector does
   * (issue 12, lib/export/posthog/check.ts).
   */
  posthogCheck(request: PostHogCheckRequest): PostHogCheckAnswer;
  /** Health of the page's goals, with repairs (issue 14); with `known`, answers when it changes. */
  health(request: HealthRequest): HealthAnswer;
  /** Scrolls the first element `target` matches into view (to show a repair); false when none. */
  reveal(target: Locatable): boolean;
}

export type PageRequest = keyof PageAgentApi;

export type DescribeAnswer =
  | { found: true; count: number; words: string }
  | { found: false; count: 0 };

export type CandidatesAnswer =
  | { found: true; candidates: SelectorCandidate[] }
  | { found: false };
