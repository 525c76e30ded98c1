import { composedChildren, composedParent } from './tree';

/**
 * One keyboard step from `from` (issue 4): ↑ parent, ↓ back down the way the user came up (the
 * `trail`) or else the first child, ←/→ siblings. Null when there is nowhere to go.
 */
export function navigate(from: Element, direction: Direction, trail: readonly Element[]): Step | null {
  return STEPS[direction](from, trail);
}

/** The trail that leads back down from `ancestor` to `element` (the last item is the next step down). */
export function trailDown(ancestor: Element, path: readonly Element[]): Element[] {
  const index = path.indexOf(ancestor);
  return index < 0 ? [] : path.slice(index + 1).reverse();
}

const STEPS: Record<Direction, (from: Element, trail: readonly Element[]) => Step | null> = {
  parent(from, trail) {
    const parent = composedParent(from);
    return parent ? { element: parent, trail: [...trail, from] } : null;
  },
  child(from, trail) {
    const back = trail.at(-1);
    if (back?.isConnected && composedParent(back) === from) return { element: back, trail: trail.slice(0, -1) };
    const [first] = composedChildren(from, 1);
    return first ? { element: first, trail: [] } : null;
  },
  previous: (from) => sibling(from, -1),
  next: (from) => sibling(from, 1),
};

function sibling(from: Element, offset: number): Step | null {
  const parent = composedParent(from);
  if (!parent) return null;
  const siblings = composedChildren(parent);
  const index = siblings.indexOf(from);
  const target = index < 0 ? undefined : siblings[index + offset];
  return target ? { element: target, trail: [] } : null;
}

export type Direction = 'parent' | 'child' | 'previous' | 'next';

export interface Step {
  element: Element;
  trail: Element[];
}
