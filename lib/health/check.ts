import type { ElementFingerprint } from '../goals/model';
import { labelFor } from '../picker/describe';
import { frameDocument } from '../picker/tree';
import { describeInWords } from '../picker/words';
import { candidateSelectors, checkHealth, fingerprintOf, type SelectorCandidate } from '../selector';

// The health check as the page agent runs it in the page (PRODUCT.md §5 Health, issue 14): for
// each goal of the page, what its selector finds now, whether that is still the element picked,
// and when it is not, the element found again by its fingerprint with a new selector for it.

/** Checks every target in `doc`; pure in the sense that it only reads the page. */
export function checkGoals(doc: Document, targets: readonly HealthTarget[]): HealthReport {
  return { url: doc.location?.href ?? '', goals: targets.map((target) => checkGoal(doc, target)) };
}

export function checkGoal(doc: Document, target: HealthTarget): GoalHealth {
  const scope = scopeOf(doc, target);
  if (!scope) return { id: target.id, status: 'lost', count: 0, repair: null, reason: 'no-scope' };
  const matches = query(scope, target.selector);
  if (!target.fingerprint) {
    // Without a fingerprint only the count speaks; one clear match can give the row its fingerprint.
    if (matches.length === 0) return { id: target.id, status: 'lost', count: 0, repair: null, reason: 'no-fingerprint' };
    return matches.length === 1 ? { id: target.id, status: 'ok', count: 1, backfill: fingerprintOf(matches[0]!) } : { id: target.id, status: 'ok', count: matches.length };
  }
  const health = checkHealth(target.fingerprint, matches, scope, { expectsOne: target.expectsOne });
  if (health.status === 'ok') return { id: target.id, status: 'ok', count: matches.length };
  return { id: target.id, status: health.status, count: matches.length, repair: health.repair ? proposal(health.repair.element, health.repair.confidence) : null };
}

/** A new selector for the element found again, and what the row needs to describe it. */
function proposal(element: Element, confidence: number): RepairProposal {
  const [best, ...alternatives] = candidateSelectors(element);
  return {
    selector: best!.selector,
    alternatives,
    words: describeInWords(element),
    label: labelFor(element),
    tag: element.localName,
    href: linkHref(element),
    confidence: Math.round(confidence * 100) / 100,
    fingerprint: fingerprintOf(element),
  };
}

/** What changes between two checks as the panel shows it; the watch compares these. */
export function reportKey(report: HealthReport): string {
  return JSON.stringify(report.goals.map((goal) => [goal.id, goal.status, goal.count, goal.status === 'ok' ? !!goal.backfill : goal.repair?.selector ?? null]));
}

/** The document or shadow root a target's selector is evaluated in; `null` when a frame or host on the way is gone. */
function scopeOf(doc: Document, target: HealthTarget): Document | ShadowRoot | null {
  let scope: Document | ShadowRoot = doc;
  try {
    for (const selector of target.frames ?? []) {
      const frame: Element | null = scope.querySelector(selector);
      const inner: Document | null = frame && frameDocument(frame);
      if (!inner) return null;
      scope = inner;
    }
    for (const selector of target.shadowHosts ?? []) {
      const root: ShadowRoot | null | undefined = scope.querySelector(selector)?.shadowRoot;
      if (!root) return null;
      scope = root;
    }
  } catch {
    return null;
  }
  return scope;
}

function query(scope: Document | ShadowRoot, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function linkHref(element: Element): string | null {
  if (element.localName !== 'a') return null;
  const href: unknown = (element as HTMLAnchorElement).href;
  return typeof href === 'string' && href ? href : element.getAttribute('href');
}

export interface HealthTarget {
  /** The row's element id, echoed in the answer. */
  id: string;
  selector: string;
  frames?: string[];
  shadowHosts?: string[];
  fingerprint?: ElementFingerprint;
  /** False for a selector the user wrote to match several elements (typed or edited). */
  expectsOne: boolean;
}

export interface HealthReport {
  url: string;
  goals: GoalHealth[];
}

/**
 * `ok`: the selector still finds the element (`backfill`: a fingerprint for a row that had none).
 * Otherwise the goal needs attention; `repair` is the element found again, or `null` (with the
 * reason when it could not even be looked for).
 */
export type GoalHealth =
  | { id: string; status: 'ok'; count: number; backfill?: ElementFingerprint }
  | { id: string; status: 'lost' | 'ambiguous' | 'changed'; count: number; repair: RepairProposal | null; reason?: 'no-fingerprint' | 'no-scope' };

export interface RepairProposal {
  /** Unique for the element in its document or shadow root, like a pick's. */
  selector: string;
  alternatives: SelectorCandidate[];
  /** `Button “Buy tea”`, for the panel. */
  words: string;
  /** The row label, as the picker writes it. */
  label: string;
  tag: string;
  href: string | null;
  /** relocate's confidence, 0–1. */
  confidence: number;
  fingerprint: ElementFingerprint;
}
