import { afterEach, describe, expect, it } from 'vitest';
import { alternativeSelectors, workingSelectors } from './working-selector';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('working selectors for a refused one, computed in the page', () => {
  it('proposes an attribute the elements of an escaped class share, proven by the same matches', () => {
    document.body.innerHTML = `
      <nav><a class="hidden md:flex" data-testid="nav-link" href="/a">A</a><a class="hidden md:flex" data-testid="nav-link" href="/b">B</a></nav>
      <a class="hidden" href="/c">C</a>`;
    const result = workingSelectors(document, '.md\\:flex');
    expect(result.matched).toBe(2);
    expect(result.proposals[0]).toEqual({ selector: 'a[data-testid="nav-link"]', count: 2, same: true, why: 'an attribute all of them share' });
    expect(result.proposals.every((proposal) => !proposal.selector.includes('\\'))).toBe(true);
  });

  it('falls back to a stable class or the engine when no attribute is shared', () => {
    document.body.innerHTML = '<ul><li><button class="w-1.5 buy-button">Buy</button></li><li><button class="other">Other</button></li></ul>';
    const result = workingSelectors(document, '.w-1\\.5');
    expect(result.matched).toBe(1);
    expect(result.proposals[0]).toMatchObject({ selector: 'button.buy-button', count: 1, same: true });
  });

  it('keeps the escape-free rewrite of an id, and puts a whole class attribute last', () => {
    document.body.innerHTML = '<form id="form:subscribe"><button>Go</button></form>';
    const result = workingSelectors(document, '#form\\:subscribe button');
    expect(result.proposals[0]).toMatchObject({ selector: '[id="form:subscribe"] button', count: 1, same: true });
  });

  it('counts typing repairs and keeps only those that match something', () => {
    document.body.innerHTML = '<a href="/x">X</a>';
    const result = workingSelectors(document, 'a[href=/x', ['a[href="/x"]', 'a[href="/y"]']);
    expect(result.matched).toBeNull();
    expect(result.proposals).toEqual([{ selector: 'a[href="/x"]', count: 1, same: false, why: 'your selector, corrected' }]);
  });

  it('proposes nothing when the refused selector matches nothing here', () => {
    document.body.innerHTML = '<p>Nothing</p>';
    expect(workingSelectors(document, '.md\\:flex')).toEqual({ matched: 0, proposals: [] });
  });
});

describe('alternatives for one element', () => {
  it('widens the engine’s candidates with the element’s own stable names, each set of matches once', () => {
    document.body.innerHTML = `
      <div class="card" data-product="tea"><button class="buy" id="buy-tea" data-testid="buy">Buy tea</button></div>
      <div class="card" data-product="coffee"><button class="buy" data-testid="buy">Buy coffee</button></div>`;
    const element = document.getElementById('buy-tea')!;
    const alternatives = alternativeSelectors(document, element);
    expect(alternatives[0]!.selector).toBe('#buy-tea');
    const selectors = alternatives.map((alternative) => alternative.selector);
    // `[data-product="tea"] button` finds the same one element as `#buy-tea`: one set, said once.
    expect(selectors).not.toContain('[data-product="tea"] button');
    expect(alternatives.find((alternative) => alternative.matchCount === 2)).toMatchObject({ hints: ['multiple-matches'] });
    for (const alternative of alternatives) expect([...document.querySelectorAll(alternative.selector)]).toContain(element);
    const sets = alternatives.map((alternative) => [...document.querySelectorAll(alternative.selector)].map((node) => node.textContent).join());
    expect(new Set(sets).size).toBe(sets.length);
  });
});

describe('ranking of working selectors', () => {
  it('puts the steadiest of those matching the same elements first', () => {
    document.body.innerHTML = '<nav class="site-nav hidden md:flex"><a href="/a">A</a></nav>';
    const result = workingSelectors(document, 'nav.md\\:flex');
    expect(result.proposals.map((proposal) => proposal.selector)[0]).toBe('nav.site-nav');
    expect(result.proposals.map((proposal) => proposal.selector)).not.toContain(' nav');
  });
});
