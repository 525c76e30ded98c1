import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateSelector } from './validate';

beforeEach(() => {
  document.body.innerHTML = `
    <form id="form:main">
      <button id="form:submit" class="md:flex btn">Send</button>
      <input name="ctl00$Main$q" type="text">
    </form>
    <nav><a class="nav-link" href="/a">A</a><a class="nav-link is-active" href="/b">B</a></nav>
    <div class="w-1.5 box">one</div><div class="w-1.5 box">two</div>`;
});

describe('validateSelector', () => {
  it('accepts a portable selector and counts its matches in the given root', () => {
    expect(validateSelector('nav a.nav-link', document)).toEqual({ ok: true, matchCount: 2, hints: ['multiple-matches'] });
    expect(validateSelector('[name="ctl00$Main$q"]', document)).toEqual({ ok: true, matchCount: 1, hints: [] });
    expect(validateSelector('a[href="/missing"]', document)).toEqual({ ok: true, matchCount: 0, hints: [] });
  });

  it('counts nothing without a root, but still checks the syntax', () => {
    expect(validateSelector('nav a')).toEqual({ ok: true, matchCount: null, hints: [] });
    expect(validateSelector('nav a[')).toMatchObject({ ok: false });
  });

  it('rejects an escaped ":" in an id with its position and the [id="…"] alternative', () => {
    const result = validateSelector('#form\\:submit', document);
    expect(result).toMatchObject({ ok: false, position: 5, suggestion: '[id="form:submit"]' });
    expect(!result.ok && result.message).toMatch(/Character 6 .*\\:.*":"/);
    expect(validateSelector('[id="form:submit"]', document)).toMatchObject({ ok: true, matchCount: 1 });
  });

  it('rejects every kind of escape, hex escapes included, and names the character', () => {
    for (const [text, at, char] of [
      ['.w-1\\.5', 4, '.'], ['#a\\#b', 2, '#'], ['[name=ctl00\\$Main\\$q]', 11, '$'], ['.w-\\[10px\\]', 3, '['],
      ['#form\\3a submit', 5, ':'], ['\\31 st', 0, '1'], ['a\\', 1, null],
    ] as const) {
      const result = validateSelector(text, document);
      expect(result, text).toMatchObject({ ok: false, position: at });
      if (!result.ok) expect(result.message).toContain(char === null ? 'ends there' : `"${char}"`);
    }
  });

  it('offers a quoted attribute for escaped attribute values', () => {
    expect(validateSelector('[name=ctl00\\$Main\\$q]', document)).toMatchObject({ ok: false, suggestion: '[name="ctl00$Main$q"]' });
  });

  it('offers a class rewrite only when it matches the very same elements', () => {
    // Dropping the escaped class keeps the same match set: the other class says it all.
    expect(validateSelector('div.w-1\\.5.box', document)).toMatchObject({ ok: false, suggestion: 'div.box' });
    // The one match's exact class attribute is an alternative…
    expect(validateSelector('.md\\:flex', document)).toMatchObject({ ok: false, suggestion: '[class="md:flex btn"]' });
    // …until two matches differ in their class attribute: then there is none.
    document.body.insertAdjacentHTML('beforeend', '<button class="md:flex other">Other</button>');
    expect(validateSelector('.md\\:flex', document)).not.toHaveProperty('suggestion');
    // Without a page there is no way to check a class rewrite, so none is offered.
    expect(validateSelector('.md\\:flex')).not.toHaveProperty('suggestion');
  });

  it('names the syntax problem of a broken selector', () => {
    expect(validateSelector('', document)).toEqual({ ok: false, message: 'The selector is empty.' });
    expect(validateSelector('   ', document)).toMatchObject({ ok: false, message: 'The selector is empty.' });
    expect(validateSelector('div >> p', document)).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid CSS selector/) });
    expect(validateSelector('a[href="x', document)).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid CSS selector/) });
    expect(validateSelector('a:unknown-pseudo', document)).toMatchObject({ ok: false, message: expect.stringMatching(/:unknown-pseudo/) });
    expect(validateSelector('a::nonsense', document)).toMatchObject({ ok: false, message: expect.stringMatching(/::nonsense/) });
  });

  it('hints at positions, generated or state names, style classes and the portable dialect', () => {
    const hintsOf = (text: string) => {
      const result = validateSelector(text, document);
      return result.ok ? result.hints : result.message;
    };
    expect(hintsOf('nav a:nth-child(2)')).toEqual(['position']);
    expect(hintsOf('.sc-bdVaJa')).toEqual(['generated-name']);
    expect(hintsOf('a.is-active')).toEqual(['state-name']);
    expect(hintsOf('[aria-expanded="true"]')).toEqual(['state-name']);
    expect(hintsOf('div.mt-4')).toEqual(['style-class']);
    expect(hintsOf('a[href=x]')).toEqual(['not-portable']);
    expect(hintsOf('a[href^="/"]')).toEqual(['multiple-matches', 'not-portable']);
    expect(hintsOf('nav > a + a')).toEqual(['not-portable']);
    expect(hintsOf('a:first-child')).toEqual(['position', 'not-portable']);
    expect(hintsOf('nav a:not(.x)')).toEqual(['multiple-matches', 'not-portable']);
    expect(hintsOf('*')).toEqual(['multiple-matches', 'not-portable']);
    expect(hintsOf('nav a, form button')).toEqual(['multiple-matches']);
  });

  it('never throws, whatever it is given (fuzzed)', () => {
    const alphabet = fc.constantFrom(...'ab#.:[]()"\'\\=~^$*|>+, -_0123456789\n\t*!@«»'.split(''));
    const selectorish = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(selectorish, fc.boolean(), (text, withRoot) => {
        const result = validateSelector(text, withRoot ? document : undefined);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          if (result.position !== undefined) expect(text[result.position]).toBe('\\');
          if (result.suggestion !== undefined) {
            expect(result.suggestion).not.toContain('\\');
            expect(validateSelector(result.suggestion, withRoot ? document : undefined).ok).toBe(true);
          }
        } else if (withRoot) {
          expect(result.matchCount).toBe(document.querySelectorAll(text).length);
        }
      }),
      { numRuns: 1500 },
    );
    // 1,500 runs take 2–8 s on the shared 2-core machine, beyond vitest's 5 s default.
  }, 60_000);

  it('survives inputs that are not strings at all', () => {
    expect(validateSelector(undefined as unknown as string)).toMatchObject({ ok: false });
    expect(validateSelector(42 as unknown as string, document)).toMatchObject({ ok: false });
    expect(validateSelector('a', { querySelectorAll: () => { throw new Error('boom'); } } as unknown as ParentNode)).toMatchObject({ ok: false });
  });
});

describe('validateSelector: suggestions need evidence', () => {
  it('does not offer to drop an escaped class when nothing in the root matches', () => {
    const empty = document.implementation.createHTMLDocument('');
    const result = validateSelector('button.md\\:flex', empty);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.suggestion).toBeUndefined();
  });

  it('still rewrites an escaped id, which keeps its meaning', () => {
    const empty = document.implementation.createHTMLDocument('');
    const result = validateSelector('#form\\:submit', empty);
    expect(result.ok ? undefined : result.suggestion).toBe('[id="form:submit"]');
  });
});
