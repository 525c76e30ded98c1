import { describe, expect, it } from 'vitest';
import { countMark, withBaselines } from './count-marks';

describe('count marks', () => {
  it('marks a row that lost all its matches or gained some, not one that shrank but still matches', () => {
    expect(countMark(undefined, 0)).toEqual({ kind: 'steady' });
    expect(countMark(2, 2)).toEqual({ kind: 'steady' });
    expect(countMark(2, 0)).toEqual({ kind: 'lost', was: 2 });
    expect(countMark(1, 3)).toEqual({ kind: 'grew', was: 1 });
    expect(countMark(3, 1)).toEqual({ kind: 'steady' });
  });

  it('keeps the first count seen as the baseline', () => {
    const first = withBaselines(new Map(), [['a', 1]]);
    const later = withBaselines(first, [['a', 0], ['b', 4]]);
    expect([...later]).toEqual([['a', 1], ['b', 4]]);
  });
});
