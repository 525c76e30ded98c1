import { describe, expect, it } from 'vitest';
import { boxesPath, isVisibleIn } from './geometry';

describe('geometry', () => {
  it('draws all boxes as one path', () => {
    expect(boxesPath([{ x: 1, y: 2, width: 3, height: 4 }, { x: 10, y: 0, width: 5, height: 5 }]))
      .toBe('M1 2h3v4h-3zM10 0h5v5h-5z');
    expect(boxesPath([])).toBe('');
  });

  it('tells boxes in the viewport from boxes outside it', () => {
    expect(isVisibleIn({ x: -10, y: -10, width: 20, height: 20 }, 100, 100)).toBe(true);
    expect(isVisibleIn({ x: 0, y: 150, width: 20, height: 20 }, 100, 100)).toBe(false);
    expect(isVisibleIn({ x: -30, y: 0, width: 20, height: 20 }, 100, 100)).toBe(false);
  });
});
