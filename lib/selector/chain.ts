import { compound } from './compose';
import { type Feature, childIndex, emittableTag, ownFeatures, shiftGuard } from './features';
import { idIssue, isPlainIdent } from './names';
import { type Candidate, type Root, type Search, type StabilityHintKind, overBudget, queryAll, specialSelector } from './search';

/** A chain of positions is always worse than any selector the search found. */
const CHAIN_COST = 200;

/**
 * Last resort: `>` steps with `:nth-child`, from the element up towards `top` (an anchor, or the
 * root) until the selector is unique; from the top of a document (`body > …`) or from an anchor
 * it always is. Then the positions uniqueness does not need are removed, the element's own first
 * (the element keeps its own best part, e.g. its `aria-label`, so that a new sibling cannot take
 * its place).
 */
export function chain(element: Element, top: Root | Element, prefix: string, search: Search): Candidate {
  const matchesOnly = (trial: Step[]) => {
    const matches = queryAll(search.root, joinChain(prefix, trial), search);
    return matches.length === 1 && matches[0] === element;
  };
  const steps: Step[] = [];
  for (let node: Element | null = element; node && node !== top; node = node.parentElement) {
    if (steps.length > 0) steps[0] = { ...steps[0]!, child: true };
    const special = prefix === '' ? specialSelector(node, search.root) : null;
    if (special) {
      steps.unshift({ text: special, loose: null, child: true, hints: [] });
      break;
    }
    steps.unshift(stepFor(node, node === element));
    // Stopped early (a loaded machine), the chain still anchors on the nearest ancestor with a
    // stable id rather than running up to the body, where any banner would shift it.
    const anchor = node !== element && prefix === '' && overBudget(search) ? idAnchor(node, search.root) : null;
    if (anchor) {
      steps[0] = { text: anchor, loose: null, child: false, hints: [] };
      break;
    }
    const reachedTop = node.parentElement === null || node.parentElement === top;
    // Below the top, the first step joins the prefix as a descendant; at the top, as a child.
    steps[0] = { ...steps[0]!, child: reachedTop && prefix !== '' };
    if (reachedTop) break;
    // Out of budget, the chain climbs to the top without checks: unique by construction.
    if (!overBudget(search) && matchesOnly(steps)) break;
  }
  const kept = withoutNeedlessChildJoins(withoutNeedlessPositions(withoutNeedlessSteps(steps, matchesOnly, search), matchesOnly, search), prefix !== '', matchesOnly, search);
  const hints = new Set<StabilityHintKind>(kept.flatMap((step) => step.hints));
  if (kept.some((step) => step.text.includes(':nth-child('))) hints.add('position');
  return { selector: joinChain(prefix, kept), cost: CHAIN_COST + kept.length, hints: [...hints] };
}

/** `#id` for an ancestor whose id is stable, needs no escape and is unique in the root (one lookup by id). */
function idAnchor(node: Element, root: Root): string | null {
  const id = node.getAttribute('id');
  if (id === null || !isPlainIdent(id) || idIssue(id) !== null) return null;
  return root.querySelectorAll(`#${id}`).length === 1 ? `#${id}` : null;
}

function stepFor(node: Element, isTarget: boolean): Step {
  const index = childIndex(node);
  const tag = emittableTag(node) ?? '';
  if (!isTarget) return index === null ? { text: tag || '*', loose: null, child: true, hints: [] } : { text: `${tag}:nth-child(${index})`, loose: tag || null, child: true, hints: [] };
  // The element keeps its best part, and next to its position a guard against shifted siblings.
  const best = ownFeatures(node).find((feature) => feature.match.kind !== 'nth');
  const loose = best ? compound(best.tag, [best]) : tag;
  const hints = best?.hint ? [best.hint] : [];
  if (index === null) return { text: loose || '*', loose: null, child: true, hints };
  const guard = shiftGuard(node, best ? [best] : []);
  const positioned = compound(best?.tag ?? guard?.tag ?? (tag || null), [best, guard].filter((part): part is Feature => !!part));
  return { text: `${positioned}:nth-child(${index})`, loose: loose || null, child: true, hints: guard?.hint ? [...hints, guard.hint] : hints, looseHints: hints };
}

/** Joins steps by a descendant combinator instead of a `>` chain through wrappers, where uniqueness allows. */
function withoutNeedlessSteps(steps: Step[], matchesOnly: (trial: Step[]) => boolean, search: Search): Step[] {
  let current = steps;
  for (let i = 1; i < current.length - 1; i++) {
    if (overBudget(search)) break;
    const trial = [...current.slice(0, i), ...current.slice(i + 1)];
    trial[i] = { ...trial[i]!, child: false };
    if (matchesOnly(trial)) {
      current = trial;
      i--;
    }
  }
  return current;
}

/** Drops `:nth-child` from steps, the element's own step first, where uniqueness survives it. */
function withoutNeedlessPositions(steps: Step[], matchesOnly: (trial: Step[]) => boolean, search: Search): Step[] {
  let current = steps;
  for (let i = current.length - 1; i >= 0; i--) {
    const loose = current[i]!.loose;
    if (loose === null || overBudget(search)) continue;
    const trial = current.map((step, at) => (at === i ? { ...step, text: loose, loose: null, hints: step.looseHints ?? [] } : step));
    if (matchesOnly(trial)) current = trial;
  }
  return current;
}

/**
 * Turns `>` joins into descendant joins, the element's own first, where uniqueness allows: a
 * wrapper put in between later (a new layout `div`) then leaves the selector matching the element,
 * whereas `a > div > div` would move up onto the wrapped parent and silently count it instead.
 */
function withoutNeedlessChildJoins(steps: Step[], anchored: boolean, matchesOnly: (trial: Step[]) => boolean, search: Search): Step[] {
  let current = steps;
  // The first step is joined to something only below an anchor.
  for (let i = current.length - 1; i >= (anchored ? 0 : 1); i--) {
    if (!current[i]!.child || overBudget(search)) continue;
    const trial = current.map((step, at) => (at === i ? { ...step, child: false } : step));
    if (matchesOnly(trial)) current = trial;
  }
  return current;
}

function joinChain(prefix: string, steps: Step[]): string {
  let out = prefix;
  for (const step of steps) out = out === '' ? step.text : `${out}${step.child ? ' > ' : ' '}${step.text}`;
  return out;
}

interface Step {
  text: string;
  /** The same step without its position, or `null` when it has none to drop. */
  loose: string | null;
  /** Joined to the step before by `>` rather than a space. */
  child: boolean;
  /** What the step's parts say about its stability (a guard that may change on its own). */
  hints: StabilityHintKind[];
  /** The hints of `loose`, when they differ. */
  looseHints?: StabilityHintKind[];
}
