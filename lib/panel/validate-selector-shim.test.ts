import { describe, expect, it } from 'vitest';
import { validateSelector } from './validate-selector-shim';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('validateSelector (panel shim)', () => {
  const doc = page('<form id="form:submit"><button class="md:flex buy">A</button><button class="buy">B</button></form>');

  it('counts matches of a valid selector', () => {
    expect(validateSelector('button.buy', doc)).toEqual({ ok: true, matchCount: 2 });
    expect(validateSelector('  #nothing ', doc)).toEqual({ ok: true, matchCount: 0 });
  });

  it('refuses an escaped id, naming the character and its position, and suggests an attribute', () => {
    const result = validateSelector('#form\\:submit > button', doc);
    expect(result).toMatchObject({ ok: false, position: 5, suggestion: '[id="form:submit"] > button' });
    if (result.ok) return;
    expect(result.message).toContain('“:” at position 6');
    expect(validateSelector(result.suggestion!, doc)).toEqual({ ok: true, matchCount: 2 });
  });

  it('suggests [class~=…] for an escaped class and keeps the rest of the selector', () => {
    const result = validateSelector('form button.md\\:flex.buy', doc);
    expect(result).toMatchObject({ ok: false, suggestion: 'form button[class~="md:flex"].buy' });
  });

  it('decodes hex escapes in the message', () => {
    const result = validateSelector('#\\31 23', doc);
    expect(result).toMatchObject({ ok: false, position: 1, suggestion: '[id="123"]' });
    if (!result.ok) expect(result.message).toContain('“1”');
  });

  it('gives no suggestion when the escape cannot become an attribute', () => {
    const result = validateSelector('[data-x="a\\"b"]', doc);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('suggestion');
  });

  it('explains empty and broken selectors', () => {
    expect(validateSelector('   ', doc)).toMatchObject({ ok: false, message: expect.stringContaining('Type a CSS selector') });
    expect(validateSelector('a[', doc)).toMatchObject({ ok: false, message: expect.stringContaining('not a valid CSS selector') });
  });
});
