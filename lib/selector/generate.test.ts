import { describe, expect, it } from 'vitest';
import { bestSelector } from './generate';
import { TIME_CAP_MS } from './search';

describe('bestSelector out of budget', () => {
  it('still returns a unique, escape-free selector when the work budget is spent at once', () => {
    document.body.innerHTML = `<main>${'<ul><li><a>x</a><a>y</a></li><li><a>z</a></li></ul>'.repeat(20)}</main>`;
    for (const index of [0, 7, 33, 59]) {
      const target = document.querySelectorAll('a')[index]!;
      const { selector } = bestSelector(target, document, { workBudget: 0 });
      expect(selector).not.toContain('\\');
      expect(Array.from(document.querySelectorAll(selector))).toEqual([target]);
    }
  });

  it('finds a shorter selector with a normal budget than without one', () => {
    document.body.innerHTML = `<main>${'<ul><li><a>x</a></li></ul>'.repeat(5)}<nav id="menu"><a>y</a></nav></main>`;
    const target = document.querySelector('#menu a')!;
    expect(bestSelector(target, document).selector).toBe('#menu a');
    expect(bestSelector(target, document, { workBudget: 0 }).selector.length).toBeGreaterThan('#menu a'.length);
  });
});

describe('bestSelector against the clock (issue 14)', () => {
  const page = () => {
    document.body.innerHTML = `<main>${Array.from({ length: 60 }, (_, i) => `<section><ul>${'<li><a class="item">x</a></li>'.repeat(i % 4 + 1)}</ul></section>`).join('')}</main>`;
    return document.querySelectorAll('a')[77]!;
  };

  it('stops when the clock runs out and still answers with a unique, escape-free selector', () => {
    const target = page();
    let now = 0;
    // A machine so loaded that every look at the clock finds 10 ms more gone.
    const result = bestSelector(target, document, { clock: () => (now += 10), timeCapMs: TIME_CAP_MS });
    expect(result.stopped).toBe('clock');
    expect(result.selector).not.toContain('\\');
    expect(Array.from(document.querySelectorAll(result.selector))).toEqual([target]);
  });

  it('gives the same answer on every run while the clock is not the limit (idle machine)', () => {
    const target = page();
    const frozen = () => 0;
    const first = bestSelector(target, document, { clock: frozen });
    const second = bestSelector(target, document, { clock: frozen });
    expect(first.stopped).toBeNull();
    expect(second.selector).toBe(first.selector);
  });

  it('reports the work budget when that ends the search first', () => {
    const target = page();
    expect(bestSelector(target, document, { workBudget: 0, clock: () => 0 }).stopped).toBe('work');
  });
});

describe('the fallback when the search is stopped early', () => {
  it('anchors its chain on the nearest ancestor with a stable id, not on the body', () => {
    document.body.innerHTML = `<div><div id="menu"><ul>${'<li><a>x</a></li>'.repeat(5)}</ul></div></div>`;
    const target = document.querySelectorAll('a')[3]!;
    const { selector } = bestSelector(target, document, { workBudget: 0 });
    expect(selector.startsWith('#menu')).toBe(true);
    expect(Array.from(document.querySelectorAll(selector))).toEqual([target]);
  });
});

describe('an svg stopped early (issue 14)', () => {
  it('is not named by its xmlns declaration, which no attribute selector matches', () => {
    document.body.innerHTML = `<nav id="notebook"><ul>${'<li><button><svg xmlns="http://www.w3.org/2000/svg" width="8"><path d="M0"></path></svg></button></li>'.repeat(4)}</ul></nav>`;
    const target = document.querySelectorAll('svg')[2]!;
    for (const limits of [{ workBudget: 0 }, { clock: () => 1e9, timeCapMs: 0 }, {}]) {
      const { selector } = bestSelector(target, document, limits);
      expect(selector).not.toContain('xmlns');
      expect(Array.from(document.querySelectorAll(selector))).toEqual([target]);
    }
  });
});
