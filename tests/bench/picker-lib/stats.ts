/** Summary of a list of milliseconds. */
export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { count: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}
