import type { ContainerWarning } from '../goals/model';
import { createActionableCheck, parentInDocument, resolveTarget, type Resolved } from './actionable';
import { containerWarning } from './container';
import { describeElement } from './describe';
import { viewportBox } from './geometry';
import { deepHit, elementsStackAt, meaningfulTarget } from './hit-test';
import { perElement } from './per-element';
import type { PathEntry } from './protocol';
import { boundaryOf } from './tree';
import { describeInWords } from './words';

/** Elements under the hit looked at for an actionable one it covers (a transparent layer over a button). */
const COVERED_DEPTH = 6;

/**
 * What the picker reads from the page, kept until the DOM changes (`reset()`): what the pointer at
 * a point means (issue 11 item 1), elements in words, path-bar names, container warnings. The
 * hover path asks on every pointer move, so each answer is worked out once per element.
 */
export function createPageReader(doc: Document, hooks: ReaderHooks): PageReader {
  const view = doc.defaultView!;
  const actionable = createActionableCheck();
  const containers = perElement((element) => containerWarning(element, viewportBox(element), { width: view.innerWidth, height: view.innerHeight }));
  const containerOf = (element: Element) => containers.get(element);
  // A tracked area (an activity row that covers half the page) does not swallow the clicks inside it.
  const tracksHere = (element: Element) => hooks.isTracked(element) && containerOf(element) === null;
  /** What a click on each element under the pointer means, while the DOM and the tracked elements stay as they are. */
  const resolved = perElement((raw): Resolved => {
    const found = resolveTarget(raw, tracksHere, actionable.isActionable);
    if (found.why !== 'exact') return found;
    const target = meaningfulTarget(raw);
    return { target, trail: trailBetween(target, raw), why: 'exact' };
  });
  /** The `trackedVersion` those answers hold for (read at the first answer: the hooks may not be ready before). */
  let resolvedFor = Number.NaN;
  const resolve = (raw: Element): Resolved => {
    const version = hooks.trackedVersion();
    if (version !== resolvedFor) {
      resolved.clear();
      resolvedFor = version;
    }
    return resolved.get(raw);
  };
  const words = perElement(describeInWords);
  const names = perElement((element): PathName => {
    const known = { name: describeElement(element, 1), boundary: boundaryOf(element) };
    // A change in any shadow root or frame on the path must drop these names too.
    if (known.boundary) hooks.onBoundary(element.parentNode!);
    return known;
  });
  const labels = perElement((element): Label => {
    const style = element.ownerDocument.defaultView?.getComputedStyle(element);
    return { words: words.get(element), name: describeElement(element, 3), rtl: style?.direction === 'rtl' };
  });

  /** An actionable element under `stack[0]` at this point that it hides from the pointer. */
  const coveredBy = (stack: Element[]): Element | null => {
    const top = stack[0];
    if (!top) return null;
    let looked = 0;
    for (const under of stack.slice(1)) {
      if (under.contains(top)) continue;
      if (++looked > COVERED_DEPTH) break;
      for (let element: Element | null = under; element && !element.contains(top); element = parentInDocument(element)) {
        if (actionable.isActionable(element)) return element;
      }
    }
    return null;
  };

  return {
    pointAt(x, y, exact) {
      const { element: raw, stack } = deepHit(doc, x, y, hooks.isOwn);
      if (!raw) return null;
      if (exact) return { target: raw, trail: [], why: 'exact', raw, covered: null };
      const resolved = resolve(raw);
      return { ...resolved, raw, covered: resolved.why === 'exact' ? coveredBy(stack) : null };
    },
    stackAt(x, y, exact) {
      const elements = elementsStackAt(doc, x, y, hooks.isOwn);
      return exact ? elements : [...new Set(elements.map((element) => resolve(element).target))];
    },
    wordsOf: (element) => words.get(element),
    pathName: (element) => names.get(element),
    labelOf: (element) => labels.get(element),
    containerOf,
    isActionable: (element) => actionable.isActionable(element),
    reset() {
      for (const cache of [words, names, labels, containers, resolved]) cache.clear();
      actionable.reset();
    },
  };
}

/** From `raw` up to (not including) `target`, its ancestor: the way back down. */
function trailBetween(target: Element, raw: Element): Element[] {
  const trail: Element[] = [];
  for (let element: Element | null = raw; element && element !== target; element = parentInDocument(element)) trail.push(element);
  return trail;
}

export interface ReaderHooks {
  /** Our own overlay, seen through. */
  isOwn(element: Element): boolean;
  /** An element of the activity (or one just picked). */
  isTracked(element: Element): boolean;
  /** Changes whenever the answers of `isTracked` may have changed. */
  trackedVersion(): number;
  /** A shadow root or frame document the path bar named something in: watch it for changes. */
  onBoundary(root: Node): void;
}

export interface PageReader {
  /** What the pointer at (x, y) means: the target a click picks, and what lies around it. */
  pointAt(x: number, y: number, exact: boolean): Pointed | null;
  /** The targets under (x, y), topmost first, each once: what Space cycles through. */
  stackAt(x: number, y: number, exact: boolean): Element[];
  /** `Button “Buy”` (lib/picker/words.ts). */
  wordsOf(element: Element): string;
  pathName(element: Element): PathName;
  /** What the hover label says of an element, and which way its text runs. */
  labelOf(element: Element): Label;
  /** Why picking this element would count more than the user may think, if it would. */
  containerOf(element: Element): ContainerWarning | null;
  isActionable(element: Element): boolean;
  /** The DOM changed: read everything again. */
  reset(): void;
}

export interface Pointed extends Resolved {
  /** The element under the pointer itself. */
  raw: Element;
  /** A link or button the target lies over and hides from clicks, if any (a transparent layer). */
  covered: Element | null;
}

export interface Label {
  words: string;
  /** `button#buy.primary.large` (lib/picker/describe.ts). */
  name: string;
  rtl: boolean;
}

export type PathName = Pick<PathEntry, 'name' | 'boundary'>;
