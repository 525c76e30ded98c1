import { describe, expect, it } from 'vitest';
import { alternativesFor, shortHint } from './alternatives';

const candidate = (selector: string, matchCount = 1, hints: never[] | string[] = []) => ({ selector, matchCount, hints: hints as never[] });

describe('alternatives under Edit', () => {
  it('prefers the live page’s candidates, without the current selector or repeats', () => {
    const stored = [candidate('#old')];
    const fresh = [candidate('#buy'), candidate('button.buy', 2, ['multiple-matches']), candidate('#buy')];
    expect(alternativesFor('#buy', stored, fresh)).toEqual([{ ...candidate('button.buy', 2, ['multiple-matches']), live: true }]);
  });

  it('shows the stored ones, with their pick-time counts, when the page cannot say', () => {
    expect(alternativesFor('#buy', [candidate('#buy'), candidate('main button')], undefined)).toEqual([{ ...candidate('main button'), live: false }]);
  });

  it('words the stability hint shortly, by the rules a row’s hint follows', () => {
    expect(shortHint(candidate('#buy'))).toEqual({ level: 'stable', text: 'stable' });
    expect(shortHint(candidate('[data-testid="nav-link"]'))).toEqual({ level: 'stable', text: 'stable' });
    expect(shortHint(candidate('button'))).toEqual({ level: 'fragile', text: 'tags only' });
    expect(shortHint(candidate('li:nth-child(2) a'))).toEqual({ level: 'fragile', text: 'uses position' });
    expect(shortHint(candidate('button.buy'))).toEqual({ level: 'caution', text: 'classes only' });
  });
});
