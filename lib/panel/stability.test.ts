import { describe, expect, it } from 'vitest';
import { overallStability, stabilityHints } from './stability';

const levelOf = (selector: string, count?: number) => overallStability(stabilityHints(selector, count));

describe('stability hints', () => {
  it('calls stable attributes and ids stable', () => {
    expect(levelOf('[data-testid="buy"]')).toBe('stable');
    expect(levelOf('#buy-tea')).toBe('stable');
    expect(stabilityHints('#buy-tea')[0]!.text).toBe('Uses the id “buy-tea”.');
  });

  it('flags positions, generated names, state classes and bare tags as fragile', () => {
    expect(stabilityHints('main > div:nth-child(3) > a')[0]!.text).toMatch(/position \(:nth-child\)/);
    expect(stabilityHints('.css-1x2y3z')[0]!.text).toMatch(/looks generated/);
    expect(levelOf('.Button_primary__x1y2z')).toBe('fragile');
    expect(levelOf('#item-20240611')).toBe('fragile');
    expect(levelOf('a.active')).toBe('fragile');
    expect(levelOf('main div a')).toBe('fragile');
  });

  it('notes long chains and several matches as a caution', () => {
    expect(levelOf('.a .b .c .d .e')).toBe('caution');
    expect(levelOf('.buy', 3)).toBe('caution');
    expect(stabilityHints('.buy', 3).map((hint) => hint.text)).toContain('Matches 3 elements: a click on any of them counts.');
  });

  it('says nothing about a selector it cannot parse', () => {
    expect(stabilityHints('a[')).toEqual([]);
  });
});
