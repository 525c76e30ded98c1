import { perElement } from './per-element';

// What a visitor clicks (PRODUCT.md §1, issue 11 item 1): the nearest actionable element, not the
// text or icon inside it. A click on "Facebook" inside `<button class="share"><b>Facebook</b>`
// counts for the button, and a trigger on the inner `b` would miss clicks on the button's padding.

/** Interactive ARIA roles: a visitor clicks these as they would a button or a link. */
const ROLES = new Set(['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'checkbox', 'switch', 'option', 'radio']);
/** Elements a visitor clicks by their nature. `a` and `area` only with an `href`; `input` unless hidden. */
const TAGS = new Set(['button', 'select', 'textarea', 'label', 'summary']);
/** Never a target of their own: a page that makes the whole page clickable does not make it one goal. */
const PAGE_ROOTS = new Set(['html', 'body']);

/** The same elements as a CSS selector, to count them inside a container (the `cursor` rule aside). */
export const ACTIONABLE_SELECTOR = [
  'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'label', 'summary', '[onclick]',
  ...[...ROLES].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * Whether each element is actionable, with the computed `cursor` of each element kept until
 * `reset()` (call it when the DOM changes): the hover path asks again on every pointer move.
 */
export function createActionableCheck(): ActionableCheck {
  const pointer = perElement((element) => element.ownerDocument.defaultView?.getComputedStyle(element).cursor === 'pointer');
  const hasPointer = (element: Element) => pointer.get(element);
  const isActionable = (element: Element): boolean => {
    const tag = element.localName;
    if (PAGE_ROOTS.has(tag)) return false;
    if (TAGS.has(tag)) return true;
    if ((tag === 'a' || tag === 'area') && element.hasAttribute('href')) return true;
    if (tag === 'input') return element.getAttribute('type')?.toLowerCase() !== 'hidden';
    const role = element.getAttribute('role');
    if (role && ROLES.has(role.trim().split(/\s+/)[0]!.toLowerCase())) return true;
    if (element.hasAttribute('onclick')) return true;
    // `cursor: pointer` is inherited: only the element where it starts was made clickable.
    if (!hasPointer(element)) return false;
    const parent = parentInDocument(element);
    return !parent || !hasPointer(parent);
  };
  return {
    isActionable,
    reset: () => pointer.clear(),
  };
}

/**
 * What a click at `raw` means: the nearest element, from `raw` up, that is already tracked (a
 * click inside a tracked button is a click on it, never a nested duplicate), else the nearest
 * actionable one, else `raw` itself. `trail` leads back down to `raw` (for ↓, see navigation.ts).
 * The walk stays in `raw`'s document: a click in a frame never reaches the page around it.
 */
export function resolveTarget(raw: Element, isTracked: (element: Element) => boolean, isActionable: (element: Element) => boolean): Resolved {
  const trail: Element[] = [];
  let actionable: Resolved | null = null;
  for (let element: Element | null = raw; element; element = parentInDocument(element)) {
    if (isTracked(element)) return { target: element, trail, why: 'tracked' };
    if (!actionable && isActionable(element)) actionable = { target: element, trail: [...trail], why: 'actionable' };
    trail.push(element);
  }
  return actionable ?? { target: raw, trail: [], why: 'exact' };
}

/** The parent element, across shadow roots (to the host) but not out of a frame's document. */
export function parentInDocument(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent?.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

export interface ActionableCheck {
  isActionable(element: Element): boolean;
  /** Forget the computed styles read so far (the DOM changed). */
  reset(): void;
}

export interface Resolved {
  target: Element;
  /** From `raw` up to the target's child: the way back down. */
  trail: Element[];
  /** Why this element: already tracked, the actionable element around `raw`, or `raw` itself. */
  why: 'tracked' | 'actionable' | 'exact';
}
