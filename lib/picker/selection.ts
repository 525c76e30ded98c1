import type { Activity, ContainerWarning, PickedElement } from '../goals/model';
import { containerWords } from './container';
import { toPickedElement } from './pick';
import type { Badge, Box, Question } from './protocol';
import { findRows, metricsOf, removalReasons, trackedRows, type FoundRows, type TrackedRow } from './tracked';

/**
 * The activity's elements as the picker holds them (issue 11 items 2, 4, 5): which page elements
 * they are, those just picked and not stored yet, and what choosing an element does: record it,
 * unselect it at once, or ask first.
 */
export function createSelection(doc: Document, hooks: SelectionHooks): Selection {
  let activity: { id: string; rows: TrackedRow[] } | null = null;
  let found: FoundRows = { byElement: new Map(), counts: new Map() };
  /** Picked, not stored yet: shown as selected at once; the stored workspace confirms it (setActivity). */
  let pending = new Set<Element>();
  let version = 0;

  const find = () => {
    found = findRows(doc, activity?.rows ?? []);
    version++;
  };

  const record = (element: Element, container?: ContainerWarning) => {
    const pick = toPickedElement(element, doc.location.href);
    hooks.onPick(container ? { ...pick, container } : pick);
    pending.add(element);
    version++;
  };

  const remove = (rows: readonly TrackedRow[]) => {
    if (!activity || rows.length === 0) return;
    const ids = new Set(rows.map((row) => row.id));
    hooks.onUnpick(activity.id, [...ids]);
    // Shown at once; the stored workspace confirms it a moment later.
    activity = { ...activity, rows: activity.rows.filter((row) => !ids.has(row.id)) };
    find();
  };

  return {
    get version() {
      return version;
    },
    elements: () => found.byElement.keys(),
    isSelected: (element) => found.byElement.has(element) || pending.has(element),
    rowsOf: (element) => found.byElement.get(element) ?? (pending.has(element) ? [] : null),
    setActivity(next) {
      activity = next ? { id: next.id, rows: trackedRows(next) } : null;
      pending = new Set();
      find();
    },
    find,
    badges(visible, max) {
      const list: Badge[] = [];
      const add = (element: Element, rows: readonly TrackedRow[]) => {
        const box = list.length < max ? visible(element) : null;
        if (box) list.push({ box, metrics: metricsOf(rows) });
      };
      for (const [element, rows] of found.byElement) add(element, rows);
      for (const element of pending) if (!found.byElement.has(element)) add(element, []);
      return list;
    },
    choose(element, box) {
      const rows = found.byElement.get(element);
      if (rows) {
        const reasons = removalReasons(rows, found.counts);
        if (reasons.length === 0) return remove(rows);
        return { target: element, view: { kind: 'remove', words: hooks.wordsOf(element), metrics: metricsOf(rows), reasons, box }, yes: () => remove(rows) };
      }
      // Picked a moment ago and not stored yet: a second click waits for it.
      if (pending.has(element)) return;
      const warning = hooks.containerOf(element);
      if (!warning) return record(element);
      return { target: element, view: { kind: 'container', words: hooks.wordsOf(element), text: containerWords(warning), box }, yes: () => record(element, warning) };
    },
  };
}

export interface SelectionHooks {
  onPick(pick: PickedElement): void;
  onUnpick(activityId: string, elementIds: string[]): void;
  wordsOf(element: Element): string;
  containerOf(element: Element): ContainerWarning | null;
}

export interface Selection {
  /** Bumped whenever the set of selected elements changes. */
  readonly version: number;
  /** The page elements the activity's rows find. */
  elements(): Iterable<Element>;
  isSelected(element: Element): boolean;
  /** The rows that find `element` (none yet for a pick not stored yet); null when it is not selected. */
  rowsOf(element: Element): readonly TrackedRow[] | null;
  setActivity(activity: Pick<Activity, 'id' | 'elements' | 'metrics'> | null): void;
  /** Finds the rows on the page again (the DOM changed). */
  find(): void;
  /** A badge for each selected element `visible` gives a box for, at most `max` (each costs a layout read). */
  badges(visible: (element: Element) => Box | null, max: number): Badge[];
  /**
   * The user chose `element` (a click, Enter, Select, its path entry): records it or unselects it
   * at once, or answers the question to ask first (a container, item 2; a removal that could lose
   * work, item 4), whose `yes` does it.
   */
  choose(element: Element, box: Box): PendingQuestion | void;
}

export interface PendingQuestion {
  target: Element;
  view: Question;
  yes(): void;
}
