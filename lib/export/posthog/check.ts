import type { TrackedAction } from '@/lib/goals/model';
import { resolvePick, type Locatable } from '@/lib/picker/pick';
import { splitSelectorList } from '../dialect';
import { autocaptureVerdict, type DomEvent } from './chain';
import type { Compiler } from './compiler';
import { postHogStepFilters, type PostHogStepFilters } from '@/lib/goals/model';
import { currentIndex } from './index-cache';
import { judgeSelector, type PageIndex } from './page';
import { postHogSafeSelector } from './safe-selector';
import { staticProblems } from './static';

// The page agent's PostHog check (issue 12): with the element's page open, does its selector count
// in PostHog exactly the clicks it is meant for, under both compilers? When not, which selector
// does. The panel stores the answer's selector as the element's `targetSelectors.posthog`.

export function postHogCheck(doc: Document, request: PostHogCheckRequest): PostHogCheckAnswer {
  const event: DomEvent = request.action === 'submit' ? 'submit' : 'click';
  if (request.frames && request.frames.length > 0) {
    return { found: true, recorded: false, event, reason: 'it is inside a frame: PostHog’s autocapture on this page does not record clicks inside frames' };
  }
  const matched = resolvePick(doc, request);
  if (matched.length === 0) return { found: false };
  const intended = [...new Set(matched.map((element) => (event === 'submit' ? (element.closest('form') ?? element) : element)))];
  const unrecorded = intended.map((element) => autocaptureVerdict(element, event)).find((verdict) => !verdict.recorded);
  if (unrecorded && !unrecorded.recorded) return { found: true, recorded: false, event, reason: unrecorded.reason };
  const index = currentIndex(doc);
  const main = judgeList(index, request.selector, doc, request, event);
  if (main.missed.length === 0 && main.others === 0) {
    return { found: true, recorded: true, event, main, posthog: { selector: request.selector, others: 0 } };
  }
  // A twin is written for one element; a selector meant for several is only reported.
  if (intended.length !== 1) return { found: true, recorded: true, event, main, posthog: null };
  // The twin stored by an earlier check (with its filters), while it still counts exactly this element: no new search.
  if (request.known && (request.known !== request.selector || request.knownFilters)) {
    const filters = request.knownFilters;
    const known = judgeSelector(index, request.known, intended, event, { limit: 1, stopOnMiss: true, filters });
    if (!known.error && known.missed.length === 0 && known.others.length === 0) return { found: true, recorded: true, event, main, posthog: { selector: request.known, ...(filters ? { filters } : {}), others: 0 } };
  }
  const safe = postHogSafeSelector(index, intended[0]!, event);
  // The twin search writes exact href / text filters only: stored in the element's shape.
  const filters = postHogStepFilters(safe?.filters);
  return { found: true, recorded: true, event, main, posthog: safe && { selector: safe.selector, ...(filters ? { filters } : {}), others: safe.others } };
}

/** Each selector of a `,` list is its own PostHog step, meant for the elements it matches in CSS. */
function judgeList(index: PageIndex, selector: string, doc: Document, request: PostHogCheckRequest, event: DomEvent): MainVerdict {
  const missed = new Set<Compiler>();
  let others = 0;
  const examples: string[] = [];
  for (const single of splitSelectorList(selector)) {
    const elements = resolvePick(doc, { ...request, selector: single }).map((element) => (event === 'submit' ? (element.closest('form') ?? element) : element));
    const judged = judgeSelector(index, single, elements, event, { limit: 50 });
    for (const compiler of judged.missed) missed.add(compiler);
    others += judged.others.length;
    for (const other of judged.others.slice(0, 3 - examples.length)) examples.push(shortName(other));
  }
  const reasons = staticProblems(selector).map((problem) => problem.message);
  return { missed: [...missed], others, examples, reasons };
}

function shortName(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return text ? `${element.localName} “${text}”` : element.localName;
}

export interface PostHogCheckRequest extends Locatable {
  action: TrackedAction['kind'];
  /** The PostHog selector stored for the element, kept when it still counts exactly its clicks. */
  known?: string;
  /** The step filters stored with it (issue 12), judged with it. */
  knownFilters?: PostHogStepFilters;
}

export interface MainVerdict {
  /** Compilers under which PostHog would not count the element's own click with the main selector. */
  missed: Compiler[];
  /** Other recorded clicks on the page it would count too. */
  others: number;
  /** A few of them, in words. */
  examples: string[];
  /** Why, from the selector's shape (static rules). */
  reasons: string[];
}

export type PostHogCheckAnswer =
  | { found: false }
  | { found: true; recorded: false; event: DomEvent; reason: string }
  | { found: true; recorded: true; event: DomEvent; main: MainVerdict; posthog: { selector: string; filters?: PostHogStepFilters; others: number } | null };
