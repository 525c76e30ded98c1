import type { TrackedElement } from '@/lib/goals/model';

/** An element as the limits list names it: its label (`Button “Buy”`) or, failing that, its selector. */
export function describeLabel(element: TrackedElement): string {
  return element.label.trim() || element.selector;
}
