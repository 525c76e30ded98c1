// Similarity of two feature values in [0, 1], as Similo compares locator parameters (Nass et al.,
// "Similarity-based web element localization for robust test automation", TOSEM 2023): equality
// for names, edit distance for short strings, shared words for text, distance for positions.

/** Longest strings compared by edit distance; longer ones are compared by their words. */
const EDIT_DISTANCE_MAX = 48;

/** 1 − edit distance / longer length for short strings; shared words (Dice) for long ones. */
export function stringSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  if (a.length > EDIT_DISTANCE_MAX || b.length > EDIT_DISTANCE_MAX) return wordSimilarity(a, b);
  const longer = Math.max(a.length, b.length);
  // The distance is at least the difference in length: skip the table when that already says "unlike".
  if (Math.abs(a.length - b.length) / longer > 0.6) return 1 - Math.abs(a.length - b.length) / longer;
  return 1 - editDistance(a, b) / longer;
}

/**
 * Edit-distance similarity with chance taken out: two unrelated short words still share a third
 * of their letters ("RSS" and "Advertise" score 0.33), which would let any sibling pass for the
 * element; only what is alike beyond `CHANCE` counts.
 */
export function textSimilarity(a: string, b: string): number {
  const raw = stringSimilarity(a, b);
  return raw >= 1 ? 1 : Math.max(0, (raw - CHANCE) / (1 - CHANCE));
}

const CHANCE = 0.4;

/**
 * Two link targets: the same path (and query) is 1; otherwise the share of path segments in
 * common, in order, so that `/magazine/2013/…/becoming-them` and `/magazine/2010/…/the-fun-stuff`
 * are far apart although their characters mostly agree. Another host costs a little.
 */
export function urlSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  if (a === '' || b === '') return 0;
  const [hostA, pathA] = splitUrl(a);
  const [hostB, pathB] = splitUrl(b);
  const hostFactor = hostA === hostB ? 1 : 0.9;
  if (pathA === pathB) return hostFactor;
  const segments = (path: string) => path.split(/[/?&=#]+/).filter(Boolean);
  return hostFactor * 0.9 * sequenceSimilarity(segments(pathA), segments(pathB));
}

function splitUrl(url: string): [host: string, path: string] {
  const match = /^\/\/([^/]*)(.*)$/.exec(url);
  return match ? [match[1]!.replace(/^www\./, ''), match[2] || '/'] : ['', url];
}

/** Dice coefficient of the two texts' word sets (case-insensitive). */
export function wordSimilarity(a: string, b: string): number {
  return setSimilarity(wordsOf(a), wordsOf(b));
}

/** Dice coefficient of two sets: 2·|A∩B| / (|A|+|B|); 0 when both are empty. */
export function setSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** min / max of two sizes (areas, aspect ratios); 1 when equal. */
export function ratioSimilarity(a: number, b: number): number {
  if (a === b) return 1;
  if (a <= 0 || b <= 0) return 0;
  return Math.min(a, b) / Math.max(a, b);
}

/** Similo's location similarity: 1 at the same point, falling to 0 at `reach` CSS px apart. */
export function pointSimilarity(ax: number, ay: number, bx: number, by: number, reach = 100): number {
  return Math.max(0, reach - Math.hypot(ax - bx, ay - by)) / reach;
}

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 1 − edit distance / longer length over two sequences of names (tag paths). */
export function sequenceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length);
}
