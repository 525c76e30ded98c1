import type { TrackedElement } from '@/lib/goals/model';
import type { WorkspaceOp } from '@/lib/goals/operations';
import { elementFacts } from '../posthog';
import type { PostHogCheckAnswer } from './check';
import { describeFilters } from './filters';
import { staticProblems } from './static';

// What the panel does with a page check of PostHog (issue 12): the operation that stores it with
// the element, and the note the row shows. Pure functions, for components/TargetNote.tsx.

/** The operation storing a check, or `null` when it stores nothing (element not on this page). */
export function checkOperation(activityId: string, element: TrackedElement, answer: PostHogCheckAnswer): WorkspaceOp | null {
  if (!answer.found) return null;
  const base = { kind: 'setTargetCheck' as const, activityId, elementId: element.id, selector: element.selector };
  if (!answer.recorded) return { ...base, posthog: null, limit: answer.reason };
  if (!answer.posthog) return { ...base, posthog: null, limit: 'no selector PostHog can match was found for it on its page' };
  return { ...base, posthog: answer.posthog.selector, posthogFilters: answer.posthog.filters ?? null, limit: null };
}

export type TargetNoteState =
  | { kind: 'none' }
  | { kind: 'same'; text: string }
  | { kind: 'twin'; text: string; selector: string; why: string; filters: string }
  | { kind: 'warn'; text: string };

/** The row's PostHog note, from the latest check when there is one, else from what is stored. */
export function postHogNote(element: TrackedElement, answer: PostHogCheckAnswer | null): TargetNoteState {
  if (element.targetLimits?.posthog) return { kind: 'warn', text: `PostHog cannot count it: ${element.targetLimits.posthog}.` };
  const twin = element.targetSelectors?.posthog;
  const extra = answer?.found && answer.recorded && answer.posthog && answer.posthog.others > 0
    ? ` It also counts ${otherClicks(answer.posthog.others)} on this page: nothing PostHog records tells them apart.`
    : '';
  // The step's filters, sent beside the selector when it alone would count other clicks too (issue 12).
  const filters = twin ? describeFilters(element.targetSelectors?.posthogFilters) : '';
  if (twin && (twin !== element.selector || filters)) {
    const text = twin !== element.selector ? `PostHog uses another selector for it${filters ? ', with filters' : ''}.` : 'PostHog counts it with filters beside the selector.';
    return { kind: 'twin', text: `${text}${extra}`, selector: twin, why: whyTwin(element, answer), filters };
  }
  if (twin) return { kind: 'same', text: `PostHog: checked on its page, the selector counts exactly its clicks.${extra}` };
  const problems = staticProblems(element.selector, elementFacts(element));
  if (problems.length === 0) return { kind: 'none' };
  return { kind: 'warn', text: `PostHog: ${problems[0]!.message}. Open its page to let Goalpost check it.` };
}

function whyTwin(element: TrackedElement, answer: PostHogCheckAnswer | null): string {
  const problem = staticProblems(element.selector, elementFacts(element))[0];
  if (problem) return problem.message;
  if (answer?.found && answer.recorded) {
    if (!answer.main.missed.length && answer.main.others && answer.posthog?.filters) {
      return `in PostHog it would also count ${otherClicks(answer.main.others)} on the page (${answer.main.examples.join(', ')}); the filters rule them out`;
    }
    const { main } = answer;
    if (main.missed.length) return `PostHog’s ${main.missed.join(' and ')} compiler would not match it`;
    if (main.others) return `in PostHog it would also count ${otherClicks(main.others)} on the page (${main.examples.join(', ')})`;
  }
  return 'PostHog reads the selector differently from CSS';
}

/** `1 other click`, `3 other clicks`. */
function otherClicks(count: number): string {
  return `${count} other click${count === 1 ? '' : 's'}`;
}
