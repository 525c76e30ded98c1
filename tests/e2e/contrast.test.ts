import { describe, expect, it } from 'vitest';
import { contrastRatio, over, parseColor, sampleRatio } from './contrast';

const WHITE = { r: 255, g: 255, b: 255, a: 1 };

describe('contrast', () => {
  it('reads the colour forms computed styles give', () => {
    expect(parseColor('rgb(194, 65, 12)')).toEqual({ r: 194, g: 65, b: 12, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('color(srgb 1 0.5 0 / 0.5)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.5 });
    expect(parseColor('canvas')).toBeNull();
  });

  it('gives WCAG’s ratios', () => {
    expect(contrastRatio(WHITE, { r: 0, g: 0, b: 0, a: 1 })).toBeCloseTo(21, 5);
    expect(contrastRatio(WHITE, parseColor('rgb(194, 65, 12)')!)).toBeCloseTo(5.18, 2);
    // White on #e8590c, the old primary button: fails 4.5:1.
    expect(contrastRatio(WHITE, parseColor('rgb(232, 89, 12)')!)).toBeLessThan(4.5);
  });

  it('composites translucent text and backgrounds', () => {
    expect(over({ r: 0, g: 0, b: 0, a: 0.5 }, WHITE)).toMatchObject({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    // White text at half opacity on a pale orange: the disabled button issue 15 saw.
    const ratio = sampleRatio({ text: 'Send', where: 'button', color: 'rgba(255, 255, 255, 0.5)', backgrounds: ['rgba(232, 89, 12, 0.5)', 'rgb(255, 255, 255)'] }, WHITE);
    expect(ratio).toBeLessThan(2);
  });
});
