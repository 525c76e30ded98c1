import type { CanonicalElement, CanonicalMetric } from '../export/canonical';
import { linkProblemKind, type LinkProblemKind } from '../goals/link-eligibility';
import type { UrlScope } from '../goals/model';
import { scopeMatches } from '../goals/url-scope';

// The counting rules of PRODUCT.md §5 as one pure function (issue 13): given an activity, one click
// or submit, the page URL, the time since the page started loading and what this visitor already
// converted on, say for every metric the event touches whether it counts, or why not. The site's
// runtime (lib/runtime/runtime.ts) and the extension's test mode (lib/test-mode/) both call it, so
// what the test mode shows is what the runtime counts.
//
// It runs inside the ≤ 3 KB runtime: plain loops, no dependencies beyond the two small rule modules.

/** What excludes an element from counting, on the element or anywhere around it (PRODUCT.md §5, email seeds). */
export const NO_TRACK_ATTRIBUTE = 'data-goalpost-no-track';

/**
 * For each metric with an element on the event's path, in the activity's order: counts, or the reason
 * it does not. Metrics the event does not touch are left out.
 */
export function decide(activity: CountedActivity, event: GoalEvent, context: CountContext): Outcome[] {
  const nodes = event.path.filter((target): target is Element => (target as Node).nodeType === 1);
  const starts = treeStarts(nodes);
  const excluded = nodes.some((node) => node.hasAttribute(NO_TRACK_ATTRIBUTE));
  const inScope = activity.scopes.some((scope) => scopeMatches(scope, context.pageUrl));
  // Each element is looked for once per event, however many metrics share it.
  const found = new Map<string, [CountedElement, Element]>();
  for (const element of activity.elements) {
    const node = firstMatch(element, event.kind, starts, context.frames);
    if (node) found.set(element.id, [element, node]);
  }
  const outcomes: Outcome[] = [];
  for (const metric of activity.metrics) {
    let best: Outcome | undefined;
    for (const elementId of metric.elementIds) {
      const hit = found.get(elementId);
      if (!hit) continue;
      const verdict = judge(metric, hit[1], context, inScope, excluded);
      // One event converts a metric once, even when several of its elements are on the path.
      if (!best || (verdict.counts && !best.verdict.counts)) best = { metric, element: hit[0], node: hit[1], verdict };
      if (verdict.counts) break;
    }
    if (best) outcomes.push(best);
  }
  return outcomes;
}

/**
 * The frame elements from the top window down to `win` (empty in the top window), or `null` when a
 * frame on the way belongs to another origin and cannot be checked: elements recorded with `frames`
 * then match only in the frames they were picked in.
 */
export function frameChain(win: Window): Element[] | null {
  const chain: Element[] = [];
  try {
    for (let current = win; current !== current.top; current = current.parent) {
      const frame = current.frameElement;
      if (!frame) return null;
      chain.unshift(frame);
    }
  } catch {
    return null;
  }
  return chain;
}

/**
 * The page an event happens on, for URL scopes and the conversion's `page_url`: the top document's
 * address (elements inside frames are recorded from the top page), or the frame's own when the top
 * belongs to another origin.
 */
export function pageUrlOf(win: Window): string {
  try {
    return win.top!.location.href;
  } catch {
    return win.location.href;
  }
}

/** Rules in the order a reader checks them: the page, the element, then the metric's own counting. */
function judge(metric: CountedMetric, node: Element, context: CountContext, inScope: boolean, excluded: boolean): Verdict {
  if (!inScope) return { counts: false, reason: { kind: 'scope' } };
  if (excluded) return { counts: false, reason: { kind: 'no-track' } };
  const href = linkHref(node);
  // Against the link's own document: inside a frame, a relative link leads from the frame's page.
  const problem = href === null ? null : linkProblemKind(href, node.ownerDocument.URL);
  if (problem) return { counts: false, reason: { kind: 'link', link: problem } };
  const windowSeconds = metric.windowSeconds;
  if (windowSeconds !== undefined && context.sinceLoadMs > windowSeconds * 1000) {
    // Tenths of a second: "3.4 s after load (window 3 s)" reads right where "3 s" would not.
    return { counts: false, reason: { kind: 'late', seconds: Math.round(context.sinceLoadMs / 100) / 10, windowSeconds } };
  }
  if (metric.counting === 'once' && context.counted(metric.id)) return { counts: false, reason: { kind: 'once' } };
  return { counts: true };
}

/**
 * The href whose eligibility decides (PRODUCT.md §5), or `null` when the clicked element is no link
 * (an `a`/`area` with an href). Read on the live node: an element recorded as a link click whose
 * href went missing on this page is an ordinary clickable thing and counts as a click.
 */
function linkHref(node: Element): string | null {
  const href = node.getAttribute('href');
  if (href !== null && (node.localName === 'a' || node.localName === 'area')) return href;
  return null;
}

/**
 * The nearest node on the path (target outwards) that is this element, for an event of its action.
 * One native `closest` per tree the path crosses, not one `matches` per node: a large activity on a
 * deep page stays cheap.
 */
function firstMatch(element: CountedElement, kind: GoalEvent['kind'], starts: Element[], frames: readonly Element[] | null): Element | null {
  // A click goal counts clicks; a form goal counts submissions (a click on its button is not one yet).
  if ((element.action.kind === 'submit') !== (kind === 'submit')) return null;
  for (const start of starts) {
    let node: Element | null = null;
    try {
      node = start.closest(element.selector);
    } catch {
      // A selector this browser cannot parse matches nothing.
    }
    if (node && inRecordedScope(node, element, frames)) return node;
  }
  return null;
}

/**
 * The innermost path node of each tree the path crosses (the document, each shadow root): `closest`
 * from there walks that tree's part of the path.
 */
function treeStarts(nodes: Element[]): Element[] {
  const roots: Node[] = [];
  const starts: Element[] = [];
  for (const node of nodes) {
    const root = node.getRootNode();
    if (roots.indexOf(root) < 0) {
      roots.push(root);
      starts.push(node);
    }
  }
  return starts;
}

/** Whether a node matching the selector is the recorded element: inside its shadow hosts, inside its frames. */
function inRecordedScope(node: Element, element: CountedElement, frames: readonly Element[] | null): boolean {
  const hosts = element.shadowHosts || [];
  let root = node.getRootNode();
  for (let index = hosts.length - 1; index >= 0; index--) {
    if (!isShadowRoot(root) || !matches(root.host, hosts[index]!)) return false;
    root = root.host.getRootNode();
  }
  if (isShadowRoot(root)) return false;
  const wanted = element.frames || [];
  if (!frames || frames.length !== wanted.length) return false;
  for (let index = 0; index < wanted.length; index++) {
    if (!matches(frames[index]!, wanted[index]!)) return false;
  }
  return true;
}

/** `Element#matches` that treats a selector this browser cannot parse as matching nothing. */
function matches(node: Element, selector: string): boolean {
  try {
    return node.matches(selector);
  } catch {
    return false;
  }
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The parts of a canonical activity (`goalpost/activity@1`) the rules read; a stored Activity fits too. */
export interface CountedActivity {
  id: string;
  name?: string;
  scopes: readonly UrlScope[];
  metrics: readonly CountedMetric[];
  elements: readonly CountedElement[];
}

export type CountedMetric = Pick<CanonicalMetric, 'id' | 'name' | 'counting' | 'windowSeconds' | 'elementIds'>;
export type CountedElement = Pick<CanonicalElement, 'id' | 'selector' | 'action' | 'frames' | 'shadowHosts'>;

/** One click or submit as the rules see it. */
export interface GoalEvent {
  kind: 'click' | 'submit';
  /** `event.composedPath()`: the target first, through open shadow roots, out to the window. */
  path: readonly EventTarget[];
}

export interface CountContext {
  /** The page's URL (`pageUrlOf`), for the activity's URL scopes. */
  pageUrl: string;
  /** Milliseconds since the page started loading (`performance.now()`, whose origin is the navigation's start). */
  sinceLoadMs: number;
  /** Whether this visitor already converted on a once-per-visitor metric. */
  counted(metricId: string): boolean;
  /** The frames from the top window down to the event's document (`frameChain`); `null` when unknown. */
  frames: readonly Element[] | null;
}

export interface Outcome {
  metric: CountedMetric;
  element: CountedElement;
  /** The node on the path that is the element: what a visitor clicked, or the submitted form. */
  node: Element;
  verdict: Verdict;
}

export type Verdict = { counts: true } | { counts: false; reason: Reason };

export type Reason =
  | { kind: 'scope' }
  | { kind: 'no-track' }
  | { kind: 'link'; link: LinkProblemKind }
  | { kind: 'late'; seconds: number; windowSeconds: number }
  | { kind: 'once' };
