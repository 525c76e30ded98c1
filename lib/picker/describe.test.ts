import { describe, expect, it } from 'vitest';
import { describeElement, labelFor, sizeText } from './describe';

describe('element descriptions', () => {
  it('shows tag, id and the first classes, cutting generated names', () => {
    document.body.innerHTML = `<a id="buy" class="btn primary large" href="/x">Buy</a><div id="${'x'.repeat(40)}"></div>`;
    expect(describeElement(document.getElementById('buy')!)).toBe('a#buy.btn.primary');
    expect(describeElement(document.getElementById('buy')!, 1)).toBe('a#buy.btn');
    expect(describeElement(document.querySelector('div')!)).toBe(`div#${'x'.repeat(23)}…`);
  });

  it('gives sizes in whole CSS px', () => {
    expect(sizeText({ width: 120.4, height: 39.6 })).toBe('120 × 40');
  });

  it('keeps list labels short even for huge elements', () => {
    document.body.innerHTML = `<main>${'word '.repeat(100_000)}</main>`;
    const label = labelFor(document.querySelector('main')!);
    expect(label.length).toBeLessThan(60);
    expect(label).toMatch(/^main "word word/);
  });

  it('describes SVG elements by their own names', () => {
    document.body.innerHTML = '<svg><path class="bar"></path></svg>';
    expect(describeElement(document.querySelector('path')!)).toBe('path.bar');
  });
});
