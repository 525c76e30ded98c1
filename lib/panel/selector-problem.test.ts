import { describe, expect, it } from 'vitest';
import { checkSelector } from './selector-problem';

const refused = (text: string) => {
  const result = checkSelector(text);
  if (result.ok) throw new Error(`${text} was accepted`);
  return result;
};
const marked = (text: string) => {
  const { at } = refused(text);
  return at ? text.slice(at.start, at.end) : null;
};

describe('typed selector problems, in words', () => {
  it('accepts a good selector', () => {
    expect(checkSelector('main a.buy[data-id="x"], #go > button:nth-child(2)')).toEqual({ ok: true });
  });

  it('never shows the browser’s own message', () => {
    for (const text of ['a[', 'a[href=/x]', 'a >', '> a', 'a,,b', '.1col', '#', 'a]', 'a:hovr', 'a "x"', 'a(b)', 'a:nth-child(', '.md:flex', 'a@b']) {
      const { message } = refused(text);
      expect(message, text).not.toMatch(/Failed to execute|querySelector|is not a valid selector|SyntaxError|Unmatched|Expected/);
    }
  });

  it('names an escape, marks it, and keeps the engine’s rewrite and what was meant', () => {
    const result = refused('#form\\:subscribe button');
    expect(result.message).toContain('Character 6 is a CSS escape (\\:) for ":"');
    expect(marked('#form\\:subscribe button')).toBe('\\:');
    expect(result.suggestion).toBe('[id="form:subscribe"] button');
    expect(result.intended).toBe('#form\\:subscribe button');
  });

  it('says which bracket or quote is never closed, and repairs it', () => {
    expect(refused('a[data-x')).toMatchObject({ message: expect.stringContaining('opened at character 2 (“[”) is never closed: add “]”'), repairs: ['a[data-x]'] });
    expect(marked('a[data-x')).toBe('[');
    expect(refused('a[title="Buy')).toMatchObject({ message: expect.stringContaining('quote at character 9 is never closed'), repairs: ['a[title="Buy"]'] });
    expect(refused('button:not(.x')).toMatchObject({ repairs: ['button:not(.x)'] });
    expect(refused('a]')).toMatchObject({ message: '“]” at character 2 closes nothing: there is no “[” before it.', repairs: ['a'] });
  });

  it('asks for quotes around an attribute value that needs them', () => {
    expect(refused('a[href=/checkout?item=1]')).toMatchObject({ message: 'The value /checkout?item=1 of [href] needs quotes around it: [href="/checkout?item=1"].', repairs: ['a[href="/checkout?item=1"]'] });
    expect(marked('a[href=/x]')).toBe('/x');
  });

  it('points at a combinator or comma with nothing on one side', () => {
    expect(refused('nav >')).toMatchObject({ message: '“>” at character 5 has no element after it.', repairs: ['nav'] });
    expect(refused('> a')).toMatchObject({ message: '“>” at character 1 has no element before it.', repairs: ['a'] });
    expect(refused('a,,b').message).toBe('The comma at character 2 has no element after it.');
    expect(refused('a, b,').message).toBe('The comma at character 5 has no element after it.');
  });

  it('explains class and id names a selector cannot spell', () => {
    expect(refused('.1col')).toMatchObject({ message: '.1col at character 1: in a selector, a class name cannot start with a digit.', intended: '[class~="1col"]', repairs: [] });
    expect(refused('#123 a')).toMatchObject({ repairs: ['[id="123"] a'], intended: '[id="123"] a' });
    expect(refused('.')).toMatchObject({ message: 'The “.” at character 1 needs a class name right after it.' });
    expect(refused('.btn@2x')).toMatchObject({ message: '“@” at character 5 cannot be part of a class name in a selector.', intended: '[class~="btn@2x"]' });
  });

  it('reads Tailwind’s .md:flex as a class with a colon, to look for on the page', () => {
    const result = refused('nav .md:flex a');
    expect(result.message).toContain('.md:flex reads as “.md” followed by :flex');
    expect(marked('nav .md:flex a')).toBe('.md:flex');
    expect(result.intended).toBe('nav .md\\:flex a');
    expect(refused('a:hovr').message).toBe(':hovr is not something browsers know (a typo?). Pseudo-classes are words like :hover or :nth-child(2).');
    expect(marked('a:hovr')).toBe(':hovr');
  });

  it('says an empty field needs a selector, without marking anything', () => {
    expect(refused('  ')).toMatchObject({ at: null, repairs: [] });
  });
});
