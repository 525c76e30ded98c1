import { useEffect, useState } from 'preact/hooks';
import { countMark, withBaselines, type CountMark } from '@/lib/panel/count-marks';
import type { MatchInfo } from '@/lib/panel/page-query';

/** Marks per row key (`element id|selector`), against the first count seen on this tab. */
export function useCountMarks(tabId: number | undefined, keys: string[], matches: (MatchInfo | undefined)[]): CountMark[] {
  const [baselines, setBaselines] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => setBaselines(new Map()), [tabId]);

  const counts: [string, number][] = [];
  keys.forEach((key, index) => {
    const info = matches[index];
    if (info?.ok) counts.push([key, info.count]);
  });
  const countsKey = JSON.stringify(counts);
  useEffect(() => {
    setBaselines((current) => {
      const next = withBaselines(current, counts);
      return next.size === current.size ? current : next;
    });
    // `countsKey` stands for `counts`.
  }, [countsKey]);

  return keys.map((key, index) => {
    const info = matches[index];
    return info?.ok ? countMark(baselines.get(key), info.count) : { kind: 'steady' };
  });
}
