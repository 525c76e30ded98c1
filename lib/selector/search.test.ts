import { afterEach, describe, expect, it, vi } from 'vitest';
import { bestSelector } from './generate';
import { TIME_CAP_MS, WORK_BUDGET, newSearch, overBudget, timeUp } from './search';

describe('the wall-clock cap (issue 14)', () => {
  it('ends a search once the clock is past the deadline, and keeps it ended', () => {
    let now = 1000;
    const search = newSearch(document, WORK_BUDGET, () => now, TIME_CAP_MS);
    expect(overBudget(search)).toBe(false);
    now += TIME_CAP_MS;
    expect(overBudget(search)).toBe(false);
    now += 0.1;
    expect(overBudget(search)).toBe(true);
    expect(search.stopped).toBe('clock');
    // A clock that goes back (or a work budget refilled) does not restart it.
    now = 0;
    search.work = 0;
    expect(overBudget(search)).toBe(true);
    expect(timeUp(search)).toBe(true);
    expect(search.stopped).toBe('clock');
  });

  it('timeUp looks at the clock alone and leaves a spent work budget for overBudget to report', () => {
    let now = 0;
    const search = newSearch(document, 10, () => now, TIME_CAP_MS);
    search.work = 11;
    expect(timeUp(search)).toBe(false);
    expect(search.stopped).toBeNull();
    expect(overBudget(search)).toBe(true);
    expect(search.stopped).toBe('work');
    now = 1e9;
    expect(timeUp(search)).toBe(true);
    expect(search.stopped).toBe('work');
  });

  it('keeps the first limit met when both are met at once', () => {
    const search = newSearch(document, 0, () => 0, -1);
    search.work = 1;
    expect(overBudget(search)).toBe(true);
    expect(search.stopped).toBe('work');
  });
});

/**
 * The deadline covers the whole search, fallback included: with a fake clock that moves 1 ms per
 * query (the unit of work that can be long on a big page), wherever the deadline falls, the
 * search runs at most one query past it (the one under way when the clock ran out) and still
 * answers with a selector that matches exactly the element.
 */
describe('bestSelector stops within one query of the deadline (issue 14)', () => {
  afterEach(() => vi.restoreAllMocks());

  const queriesCounted = () => {
    const counter = { queries: 0 };
    for (const target of [document, document.body]) {
      const owner = ownerOf(target, 'querySelectorAll');
      const original = owner.querySelectorAll;
      vi.spyOn(owner, 'querySelectorAll').mockImplementation(function (this: ParentNode, ...args: unknown[]) {
        counter.queries++;
        return original.apply(this, args);
      });
    }
    return counter;
  };

  const MIN_LONGEST: Record<string, number> = { 'nested lookalikes (seed 9)': 20, 'nested lookalikes (seed 11)': 20, 'lookalikes under ids': 5 };
  const pages: Record<string, string> = {
    'nested lookalikes (seed 9)': messyPage(9),
    'nested lookalikes (seed 11)': messyPage(11),
    'lookalikes under ids': `<div id="app"><main id="feed">${Array.from({ length: 30 }, (_, i) => `<article><p><a class="more" href="/a">more</a></p>${i % 2 ? '<a class="more">x</a>' : ''}</article>`).join('')}</main></div>`,
  };

  for (const [name, html] of Object.entries(pages)) {
    it(`on a page of ${name}`, () => {
      document.body.innerHTML = html;
      const anchors = Array.from(document.querySelectorAll('a'));
      const counter = queriesCounted();
      let tested = 0;
      let longest = 0;
      for (const target of anchors) {
        counter.queries = 0;
        const free = bestSelector(target, document, { clock: () => counter.queries, timeCapMs: Number.POSITIVE_INFINITY, workBudget: Number.POSITIVE_INFINITY });
        const total = counter.queries;
        expect(free.stopped).toBeNull();
        // The searches of a few queries have nothing between their checks to test.
        if (total < 5 || tested >= 4) continue;
        tested++;
        longest = Math.max(longest, total);
        // Every deadline from "before the first query" to "after the last but one".
        for (let cap = 0; cap < total; cap++) {
          counter.queries = 0;
          const result = bestSelector(target, document, { clock: () => counter.queries, timeCapMs: cap, workBudget: Number.POSITIVE_INFINITY });
          const overrun = counter.queries - cap;
          expect(overrun, `deadline at query ${cap} of ${total}: ${result.selector}`).toBeLessThanOrEqual(1 + idsAbove(target));
          if (cap === 0) expect(result.stopped).toBe('clock');
          expect(result.selector).not.toContain('\\');
          expect(Array.from(document.querySelectorAll(result.selector))).toEqual([target]);
        }
      }
      expect(tested).toBeGreaterThan(0);
      // At least one search long enough to have a deadline fall inside each kind of step.
      expect(longest).toBeGreaterThanOrEqual(MIN_LONGEST[name]!);
    }, 120_000);
  }
});

/** Nested lists and wrappers that share classes, tags and positions: searches of many queries. */
function messyPage(seed: number): string {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const node = (depth: number): string => {
    if (depth === 0) return `<a class="${pick(['item', 'item', 'item link', 'link'])}"${random() < 0.3 ? ` href="/${pick(['a', 'b'])}"` : ''}>x</a>`;
    const tag = pick(['div', 'div', 'section', 'ul', 'li', 'span']);
    const classes = random() < 0.5 ? ` class="${pick(['c1', 'c2', 'c3', 'c4', 'row', 'col'])}"` : '';
    return `<${tag}${classes}>${Array.from({ length: 1 + Math.floor(random() * 4) }, () => node(depth - 1)).join('')}</${tag}>`;
  };
  return `<main>${node(5)}${node(5)}</main>`;
}

/** The stopped fallback looks each ancestor's id up once (chain.ts, `idAnchor`). */
function idsAbove(element: Element): number {
  let count = 0;
  for (let node = element.parentElement; node; node = node.parentElement) if (node.id) count++;
  return count;
}

function ownerOf(object: object, name: string): any {
  for (let proto = object; proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return proto;
  }
  throw new Error(`no ${name}`);
}
