// A row is marked when the page changed under it (PRODUCT.md §3, SPA navigation): its selector
// now matches nothing, or more elements than when the panel first counted it on this tab.

/** Compares a fresh count with the first one seen for the row on this tab. */
export function countMark(baseline: number | undefined, count: number): CountMark {
  if (baseline === undefined || count === baseline) return { kind: 'steady' };
  if (count === 0) return { kind: 'lost', was: baseline };
  if (count > baseline) return { kind: 'grew', was: baseline };
  return { kind: 'steady' };
}

/** Remembers the first count of each row; later counts never overwrite it. */
export function withBaselines(baselines: ReadonlyMap<string, number>, counts: Iterable<[key: string, count: number]>): Map<string, number> {
  const next = new Map(baselines);
  for (const [key, count] of counts) if (!next.has(key)) next.set(key, count);
  return next;
}

export type CountMark = { kind: 'steady' } | { kind: 'lost'; was: number } | { kind: 'grew'; was: number };
