import { defaultAction, type PickedElement } from '@/lib/goals/model';
import type { FirstMatch } from './page-query';

// A selector typed into the panel (Add element) turned into a pick shaped like the picker's. It is
// checked as it is typed by lib/panel/selector-problem.ts.

/**
 * The pick for a typed selector: its action comes from the first element it matches on the page,
 * its label is that element in words when the page could describe it (issue 15).
 */
export function typedPick(selector: string, pageUrl: string, first: FirstMatch | null, words?: string): PickedElement {
  return {
    selector: selector.trim(),
    action: first ? defaultAction(first.tag, first.href) : { kind: 'click' },
    label: words ?? 'Added by hand',
    pageUrl,
    origin: 'typed',
  };
}
