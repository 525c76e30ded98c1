import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectorArb } from '@/tests/contract/arbitraries';
import { dialectProblem, portableProblem, splitSelectorList } from './dialect';

describe('portable selector dialect', () => {
  it.each([
    'button', '#buy-tea', '.buy', 'a.buy.primary', '[data-testid="buy"]', "[name='email']",
    'ul > li:nth-child(2)', 'li:nth-of-type(3) a', 'main .card > a.buy', '#a, .b, [c="d, e"]',
  ])('accepts %s', (selector) => {
    expect(portableProblem(selector)).toBeUndefined();
  });

  it.each([
    ['a:hover', 'pseudo-class “:hover”'],
    ['li:nth-child(2n+1)', 'use a plain number'],
    ['a::before', 'pseudo-element'],
    ['*', 'universal'],
    ['h2 ~ a', 'sibling combinator'],
    ['h2 + a', 'adjacent combinator'],
    ['[href^="https"]', 'use [href="value"] with “=” only'],
    ['[data-x]', 'use [data-x="value"]'],
    ['[data-x=buy]', 'must be quoted: [data-x="buy"]'],
    ['[data-x="buy" i]', 'case flag'],
    ['a:not(.b)', 'pseudo-class “:not”'],
    ['a[', 'not a valid CSS selector'],
    ['  ', 'empty'],
  ])('refuses %s and says why', (selector, reason) => {
    expect(portableProblem(selector)).toContain(reason);
  });

  it('names an escape, its position and a working alternative', () => {
    expect(portableProblem('#form\\:submit')).toBe(
      'it contains the escape “\\:” at position 6, which tracking runtimes cannot use. Use [id="form:submit"] instead',
    );
    expect(portableProblem('.w-1\\.5')).toContain('position 5');
  });

  it('names the target in the message', () => {
    expect(dialectProblem('a:hover', 'posthog')).toMatch(/^PostHog cannot use “a:hover”: /);
    expect(dialectProblem('a:hover', 'gtm')).toMatch(/^Google Tag Manager cannot use/);
    expect(dialectProblem('#ok', 'adobe-target')).toBeUndefined();
  });

  it('accepts every selector the generator of portable selectors makes', () => {
    fc.assert(fc.property(selectorArb, (selector) => portableProblem(selector) === undefined), { numRuns: 300 });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      portableProblem(text);
      splitSelectorList(text);
    }), { numRuns: 500 });
  });

  it('splits lists at top-level commas only', () => {
    expect(splitSelectorList('#a, [title="x, y"] b ,c')).toEqual(['#a', '[title="x, y"] b', 'c']);
  });
});
