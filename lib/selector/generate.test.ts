import { describe, expect, it } from 'vitest';
import { bestSelector } from './generate';

describe('bestSelector out of budget', () => {
  it('still returns a unique, escape-free selector when the work budget is spent at once', () => {
    document.body.innerHTML = `<main>${'<ul><li><a>x</a><a>y</a></li><li><a>z</a></li></ul>'.repeat(20)}</main>`;
    for (const index of [0, 7, 33, 59]) {
      const target = document.querySelectorAll('a')[index]!;
      const { selector } = bestSelector(target, document, 0);
      expect(selector).not.toContain('\\');
      expect(Array.from(document.querySelectorAll(selector))).toEqual([target]);
    }
  });

  it('finds a shorter selector with a normal budget than without one', () => {
    document.body.innerHTML = `<main>${'<ul><li><a>x</a></li></ul>'.repeat(5)}<nav id="menu"><a>y</a></nav></main>`;
    const target = document.querySelector('#menu a')!;
    expect(bestSelector(target, document).selector).toBe('#menu a');
    expect(bestSelector(target, document, 0).selector.length).toBeGreaterThan('#menu a'.length);
  });
});
