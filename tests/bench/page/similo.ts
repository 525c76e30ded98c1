import { neighbourTexts, textOf } from '../../../lib/selector/fingerprint';
import { editDistance, pointSimilarity, ratioSimilarity, wordsOf, setSimilarity } from '../../../lib/selector/similarity';

/**
 * A Similo-style baseline for the repair benchmark (Nass et al., TOSEM 2023): the fourteen
 * locator parameters with Similo's published weights and comparisons (equality; edit distance;
 * Similo's location, area and shape similarity), and its rule: the candidate with the highest
 * weighted sum is the answer, always. Neighbour text is read from the element's structural
 * neighbours (Similo reads the text of nearby visible elements); candidates are the rendered
 * elements of the same kind (same tag, or both clickable), which Similo's own runs also restrict.
 */

const WEIGHTS = {
  tag: 1.5, classes: 0.5, name: 1.5, id: 1.5, href: 0.5, alt: 0.5, xpath: 0.5, idxpath: 0.5,
  isButton: 0.5, location: 0.5, area: 0.5, shape: 0.5, text: 1.5, neighbours: 1.5,
};
const CLICKABLE = new Set(['a', 'button', 'input', 'select', 'textarea', 'summary', 'label', 'area']);

export function similoProperties(element: Element): SimiloProperties {
  const rect = element.getBoundingClientRect();
  return {
    tag: element.localName,
    classes: element.getAttribute('class') ?? '',
    name: element.getAttribute('name') ?? '',
    id: element.getAttribute('id') ?? '',
    href: element.getAttribute('href') ?? '',
    alt: element.getAttribute('alt') ?? '',
    xpath: xpathOf(element, false),
    idxpath: xpathOf(element, true),
    isButton: element.localName === 'button' || element.getAttribute('type') === 'submit' || element.getAttribute('role') === 'button',
    x: rect.left + scrollX,
    y: rect.top + scrollY,
    width: rect.width,
    height: rect.height,
    text: textOf(element),
    neighbours: [...wordsOf(neighbourTexts(element).join(' '))],
  };
}

/** The best-scoring rendered candidate of the same kind; `null` only when there is none. */
export function similoLocate(target: SimiloProperties, doc: Document, candidates = similoCandidates(doc)): Element | null {
  let best: Element | null = null;
  let bestScore = -1;
  const neighbours = new Set(target.neighbours);
  for (const candidate of candidates) {
    if (candidate.properties.tag !== target.tag && !(CLICKABLE.has(target.tag) && CLICKABLE.has(candidate.properties.tag))) continue;
    const score = similoScore(target, candidate.properties, neighbours);
    if (score > bestScore) {
      bestScore = score;
      best = candidate.element;
    }
  }
  return best;
}

/** Every rendered element of the body with its properties, read once per page. */
export function similoCandidates(doc: Document): Array<{ element: Element; properties: SimiloProperties }> {
  const candidates = [];
  for (const element of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (element.getClientRects().length === 0) continue;
    candidates.push({ element, properties: similoProperties(element) });
  }
  return candidates;
}

function similoScore(a: SimiloProperties, b: SimiloProperties, aNeighbours: Set<string>): number {
  let score = 0;
  score += WEIGHTS.tag * equal(a.tag, b.tag);
  score += WEIGHTS.classes * similar(a.classes, b.classes);
  score += WEIGHTS.name * equal(a.name, b.name);
  score += WEIGHTS.id * equal(a.id, b.id);
  score += WEIGHTS.href * similar(a.href, b.href);
  score += WEIGHTS.alt * similar(a.alt, b.alt);
  score += WEIGHTS.xpath * similar(a.xpath, b.xpath);
  score += WEIGHTS.idxpath * similar(a.idxpath, b.idxpath);
  score += WEIGHTS.isButton * (a.isButton === b.isButton ? 1 : 0);
  score += WEIGHTS.location * pointSimilarity(a.x, a.y, b.x, b.y);
  score += WEIGHTS.area * ratioSimilarity(a.width * a.height, b.width * b.height);
  score += WEIGHTS.shape * (a.height > 0 && b.height > 0 ? ratioSimilarity(a.width / a.height, b.width / b.height) : 0);
  score += WEIGHTS.text * similar(a.text, b.text);
  score += WEIGHTS.neighbours * setSimilarity(aNeighbours, new Set(b.neighbours));
  return score;
}

function equal(a: string, b: string): number {
  return a !== '' && a === b ? 1 : 0;
}

/** Similo's string similarity: 1 − Levenshtein distance / longer length (capped at 120 characters for time). */
function similar(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const x = a.slice(0, 120);
  const y = b.slice(0, 120);
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}

/** Absolute XPath (`/html[1]/body[1]/div[2]/a[1]`), or from the nearest ancestor with an id (`//*[@id='x']/a[1]`). */
function xpathOf(element: Element, fromId: boolean): string {
  const steps: string[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const id = node.getAttribute('id');
    if (fromId && id) {
      steps.unshift(`//*[@id='${id}']`);
      return steps.join('/').replace('///', '//');
    }
    let index = 1;
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === node.localName) index++;
    steps.unshift(`${node.localName}[${index}]`);
  }
  return `/${steps.join('/')}`;
}

export interface SimiloProperties {
  tag: string;
  classes: string;
  name: string;
  id: string;
  href: string;
  alt: string;
  xpath: string;
  idxpath: string;
  isButton: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  neighbours: string[];
}
