import type { ElementFingerprint } from '../goals/model';
import {
  accessibleName, attributesOf, boxOf, classesOfFingerprint, labelledAncestors, listPosition, mediaOf, neighbourTexts, tagPath, textOf,
} from './fingerprint';
import { pointSimilarity, ratioSimilarity, sequenceSimilarity, setSimilarity, textSimilarity, urlSimilarity, wordsOf } from './similarity';

// Finds a recorded element again on a changed page (issue 14). Every candidate is scored by the
// weighted similarity of its features to the fingerprint, as Similo does (Nass et al., TOSEM 2023:
// tag, name, id, visible text and neighbour text weigh 1.5, the rest 0.5); the weights below add
// the attributes Similo has no place for (test ids, ARIA labels) and the regions around the
// element. Unlike Similo, which always answers with its best-scoring candidate (88.6% located,
// 11.4% wrong on 48 sites), relocate answers only when one candidate is clearly best: a goal that
// silently counts the wrong element is worse than one reported lost.

/** Weight of each feature; a feature the fingerprint has no value for does not count. */
const WEIGHTS = {
  tag: 1.5,
  text: 1.5,
  noText: 0.75,
  media: 1,
  neighbours: 1.5,
  ancestors: 0.5,
  classes: 0.5,
  path: 0.5,
  position: 0.5,
  location: 0.5,
  area: 0.5,
  shape: 0.5,
} as const;

/** Attributes by weight and by how they compare: names equal or not, text and URLs by similarity. */
const ATTRIBUTE_WEIGHTS: Readonly<Record<string, { weight: number; compare: 'equal' | 'similar' | 'url' }>> = {
  'id': { weight: 1.5, compare: 'equal' },
  'name': { weight: 1.5, compare: 'equal' },
  'data-testid': { weight: 1.5, compare: 'equal' },
  'data-test-id': { weight: 1.5, compare: 'equal' },
  'data-test': { weight: 1.5, compare: 'equal' },
  'data-qa': { weight: 1.5, compare: 'equal' },
  'data-cy': { weight: 1.5, compare: 'equal' },
  'data-e2e': { weight: 1.5, compare: 'equal' },
  'data-goalpost': { weight: 1.5, compare: 'equal' },
  'href': { weight: 1, compare: 'url' },
  'aria-label': { weight: 1, compare: 'similar' },
  'alt': { weight: 0.5, compare: 'similar' },
  'title': { weight: 0.5, compare: 'similar' },
  'placeholder': { weight: 0.5, compare: 'similar' },
  'value': { weight: 0.5, compare: 'similar' },
  'action': { weight: 0.5, compare: 'url' },
  'src': { weight: 0.5, compare: 'similar' },
  'role': { weight: 0.5, compare: 'equal' },
  'type': { weight: 0.5, compare: 'equal' },
  'for': { weight: 0.5, compare: 'equal' },
};
/** `data-track…` attributes: analytics names. */
const OTHER_ATTRIBUTE = { weight: 1, compare: 'equal' } as const;

/** A best candidate scoring below this is "not found": too little of the element is left. */
export const MIN_SCORE = 0.5;
/** …and so is one that does not beat the next candidate by this much. */
export const MIN_MARGIN = 0.06;
/** …or by this much when the next candidate has the same tag, text and identifying attributes. */
export const TWIN_MARGIN = 0.25;
/** Candidates scored in full (neighbours, regions) after a first pass on the cheap features. */
const SHORTLIST = 40;

/** Kinds of element a redesign may turn into one another: a link into a button, a `div` into a `section`. */
const FAMILIES: readonly (readonly string[])[] = [
  ['a', 'button', 'input', 'select', 'textarea', 'summary', 'label', 'area'],
  ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ['div', 'span', 'p', 'section', 'article', 'li', 'header', 'footer', 'aside', 'nav', 'figure', 'td'],
  ['img', 'picture', 'svg'],
];
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'head', 'title', 'base', 'br', 'wbr', 'html', 'body']);

/**
 * The element of `root` that `fingerprint` describes, with how sure that is, or `null` when none
 * is clearly it (below MIN_SCORE, or not MIN_MARGIN ahead of the next candidate).
 */
export function relocate(fingerprint: ElementFingerprint, root: ParentNode, options: RelocateOptions = {}): Relocated | null {
  const ranked = rankCandidates(fingerprint, root);
  const [best] = ranked;
  if (!best) return null;
  const runnerUp = ranked.find((other) => other !== best && !sameObject(best, other));
  const margin = best.score - (runnerUp?.score ?? 0);
  // Twins in everything but their place (the same link in a desktop and a mobile menu) are told
  // apart only by where they are, which is what a redesign changes: a wider lead is asked for.
  const needed = runnerUp && sameIdentity(best, runnerUp) ? TWIN_MARGIN : options.minMargin ?? MIN_MARGIN;
  if (best.score < (options.minScore ?? MIN_SCORE) || margin < needed) return null;
  return { element: best.element, confidence: best.score, margin };
}

/** How much `element` looks like the recorded one, from 0 (nothing alike) to 1 (the same in every feature). */
export function similarity(fingerprint: ElementFingerprint, element: Element): number {
  const target = prepare(fingerprint);
  const profile = profileOf(element);
  return fullScore(target, profile);
}

/** Candidates of `root` best first, each with its score (the shortlist only: see SHORTLIST). */
export function rankCandidates(fingerprint: ElementFingerprint, root: ParentNode): Scored[] {
  const target = prepare(fingerprint);
  const family = FAMILIES.find((tags) => tags.includes(fingerprint.tag));
  const shortlist: Array<{ profile: Profile; cheap: number }> = [];
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const tag = element.localName;
    if (SKIPPED.has(tag)) continue;
    if (tag !== fingerprint.tag && !(family?.includes(tag) ?? false)) continue;
    const profile = profileOf(element);
    shortlist.push({ profile, cheap: cheapScore(target, profile) });
  }
  shortlist.sort((a, b) => b.cheap - a.cheap);
  const scored = shortlist.slice(0, SHORTLIST).map(({ profile }) => ({ element: profile.element, score: fullScore(target, profile), text: profile.text }));
  return scored.sort((a, b) => b.score - a.score);
}

/** The fingerprint with its word sets computed once. */
function prepare(fingerprint: ElementFingerprint): Target {
  return {
    fingerprint,
    classes: new Set(fingerprint.classes),
    neighbourWords: wordsOf(fingerprint.neighbours.join(' ')),
    ancestors: new Set(fingerprint.ancestors),
    ancestorKinds: new Set(fingerprint.ancestors.map(kindOf)),
    path: fingerprint.path.split('/').slice(-PATH_DEPTH),
  };
}

/** A candidate's features; the costly ones (neighbours, regions) read only for the shortlist. */
function profileOf(element: Element): Profile {
  return {
    element,
    tag: element.localName,
    text: textOf(element) || accessibleName(element),
    attributes: attributesOf(element),
    classes: new Set(classesOfFingerprint(element)),
    path: tagPath(element).split('/').slice(-PATH_DEPTH),
    position: listPosition(element),
    box: boxOf(element),
    media: mediaOf(element).media,
  };
}

const PATH_DEPTH = 30;

/** The features read from the element alone, normalised by their own weights. */
function cheapScore(target: Target, profile: Profile): number {
  const sum = { score: 0, weight: 0 };
  ownFeatures(target, profile, sum);
  return sum.weight === 0 ? 0 : sum.score / sum.weight;
}

function fullScore(target: Target, profile: Profile): number {
  const sum = { score: 0, weight: 0 };
  fullScoreInto(target, profile, sum);
  return sum.weight === 0 ? 0 : sum.score / sum.weight;
}

function fullScoreInto(target: Target, profile: Profile, sum: Sum): void {
  ownFeatures(target, profile, sum);
  const fingerprint = target.fingerprint;
  if (fingerprint.neighbours.length > 0) {
    const neighbours = neighbourTexts(profile.element);
    // A candidate with the recorded text beside it is the element's neighbour, not the element.
    const besideIt = fingerprint.text !== '' && neighbours.some((text) => text.toLowerCase() === fingerprint.text.toLowerCase());
    add(sum, WEIGHTS.neighbours, besideIt ? 0 : setSimilarity(target.neighbourWords, wordsOf(neighbours.join(' '))), 'neighbours');
  }
  if (fingerprint.ancestors.length > 0) {
    const ancestors = labelledAncestors(profile.element);
    // The same regions, or at least regions of the same kinds (a `nav` whose id changed).
    const exact = setSimilarity(target.ancestors, new Set(ancestors));
    const kinds = setSimilarity(target.ancestorKinds, new Set(ancestors.map(kindOf)));
    add(sum, WEIGHTS.ancestors, Math.max(exact, kinds * 0.6), 'ancestors');
  }
}

function ownFeatures(target: Target, profile: Profile, sum: Sum): void {
  const fingerprint = target.fingerprint;
  add(sum, WEIGHTS.tag, profile.tag === fingerprint.tag ? 1 : 0.3, 'tag');
  // An element without text (an icon, an image link) is told from its captioned twin by that absence.
  if (fingerprint.text) add(sum, WEIGHTS.text, textSimilarity(fingerprint.text.toLowerCase(), profile.text.toLowerCase()), 'text');
  else add(sum, WEIGHTS.noText, profile.text === '' ? 1 : 0, 'text');
  for (const [name, value] of Object.entries(fingerprint.attributes)) {
    const rule = ATTRIBUTE_WEIGHTS[name] ?? OTHER_ATTRIBUTE;
    const theirs = profile.attributes[name];
    const alike = theirs === undefined ? 0 : rule.compare === 'equal' ? (theirs === value ? 1 : 0)
      : rule.compare === 'url' ? urlSimilarity(value, theirs) : textSimilarity(value, theirs);
    add(sum, rule.weight, alike, name);
  }
  if (fingerprint.media) {
    const theirs = profile.media;
    add(sum, WEIGHTS.media, theirs === fingerprint.media ? 1 : theirs ? 0.5 : 0, 'media');
  }
  if (target.classes.size > 0) add(sum, WEIGHTS.classes, setSimilarity(target.classes, profile.classes), 'classes');
  add(sum, WEIGHTS.path, sequenceSimilarity(target.path, profile.path), 'path');
  if (fingerprint.position) add(sum, WEIGHTS.position, positionSimilarity(fingerprint.position, profile.position), 'position');
  const box = fingerprint.box;
  if (box) {
    const theirs = profile.box;
    add(sum, WEIGHTS.location, theirs ? pointSimilarity(box.x + box.width / 2, box.y + box.height / 2, theirs.x + theirs.width / 2, theirs.y + theirs.height / 2, LOCATION_REACH) : 0, 'location');
    add(sum, WEIGHTS.area, theirs ? ratioSimilarity(box.width * box.height, theirs.width * theirs.height) : 0, 'area');
    add(sum, WEIGHTS.shape, theirs ? shapeSimilarity(box, theirs) : 0, 'shape');
  }
}

/** CSS px between the two centres at which location stops counting (Similo uses 100). */
const LOCATION_REACH = 200;

/** Aspect ratios compared; two flat (zero-height) boxes are alike. */
function shapeSimilarity(a: NonNullable<ElementFingerprint['box']>, b: NonNullable<ElementFingerprint['box']>): number {
  if (a.height <= 0 || b.height <= 0) return a.height <= 0 && b.height <= 0 ? 1 : 0;
  return ratioSimilarity(a.width / a.height, b.width / b.height);
}

function positionSimilarity(recorded: NonNullable<ElementFingerprint['position']>, now: ElementFingerprint['position']): number {
  if (!now) return 0;
  if (now.index === recorded.index) return now.count === recorded.count ? 1 : 0.8;
  return Math.max(0, 0.5 - Math.abs(now.index - recorded.index) / 6);
}

function add(sum: Sum, weight: number, similarity: number, feature = ''): void {
  sum.score += weight * similarity;
  sum.weight += weight;
  sum.parts?.push({ feature, weight, similarity });
}

/** Each feature's weight and similarity for one candidate: what the benchmark prints to explain a verdict. */
export function explainScore(fingerprint: ElementFingerprint, element: Element): Array<{ feature: string; weight: number; similarity: number }> {
  const sum: Sum = { score: 0, weight: 0, parts: [] };
  fullScoreInto(prepare(fingerprint), profileOf(element), sum);
  return sum.parts!;
}

/** A region's kind without its name: `nav#menu “Main”` → `nav`. */
function kindOf(region: string): string {
  return region.split(/[#[ ]/, 1)[0]!;
}

/**
 * Two candidates that are one thing to a visitor: one inside the other with the same text (a link
 * and the `span` inside it). VON Similo groups such visually overlapping elements; here the inner
 * one is not counted as a rival of the best.
 */
function sameObject(a: Scored, b: Scored): boolean {
  const nested = a.element.contains(b.element) || b.element.contains(a.element);
  return nested && a.text === b.text;
}

/** Same tag, text and stable attributes: only their place tells them apart. */
function sameIdentity(a: Scored, b: Scored): boolean {
  if (a.element.localName !== b.element.localName || a.text !== b.text) return false;
  const ours = attributesOf(a.element);
  const theirs = attributesOf(b.element);
  const names = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const name of names) if (name !== 'id' && ours[name] !== theirs[name]) return false;
  return true;
}

export interface RelocateOptions {
  minScore?: number;
  minMargin?: number;
}

export interface Relocated {
  element: Element;
  /** The best candidate's similarity to the fingerprint, 0–1. */
  confidence: number;
  /** How far ahead of the next candidate it is. */
  margin: number;
}

export interface Scored {
  element: Element;
  score: number;
  text: string;
}

interface Target {
  fingerprint: ElementFingerprint;
  classes: Set<string>;
  neighbourWords: Set<string>;
  ancestors: Set<string>;
  ancestorKinds: Set<string>;
  path: string[];
}

interface Profile {
  element: Element;
  tag: string;
  text: string;
  attributes: Record<string, string>;
  classes: Set<string>;
  path: string[];
  position: ElementFingerprint['position'];
  box: ElementFingerprint['box'];
  media: string | undefined;
}

interface Sum {
  score: number;
  weight: number;
  parts?: Array<{ feature: string; weight: number; similarity: number }>;
}
