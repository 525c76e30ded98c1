import { describe, expect, it } from 'vitest';
import type { TrackedElement } from '@/lib/goals/model';
import { needsWords, rowTitle } from './row-title';

const row = (fields: Partial<TrackedElement>): TrackedElement => ({
  id: 'el_1', createdAt: 1, selector: '#x', action: { kind: 'click' }, label: '', pageUrl: 'https://shop.example/tea', ...fields,
});

describe('row titles', () => {
  it('tells labels in words from technical ones and placeholders', () => {
    expect(needsWords('Button “Buy”')).toBe(false);
    expect(needsWords('Link “Coffee” → /checkout')).toBe(false);
    expect(needsWords('Component <x-card>')).toBe(false);
    expect(needsWords('button#buy-tea "Buy tea"')).toBe(true);
    expect(needsWords('a.buy')).toBe(true);
    expect(needsWords('Added by hand')).toBe(true);
    expect(needsWords('Edited by hand')).toBe(true);
    expect(needsWords('')).toBe(true);
  });

  it('shows a label in words as it is', () => {
    expect(rowTitle(row({ label: 'Button “Buy”' }))).toEqual({ text: 'Button “Buy”', kind: 'words' });
  });

  it('words an old technical label, with the link’s destination from its action', () => {
    expect(rowTitle(row({ label: 'button#buy-tea "Buy tea"' })).text).toBe('Button “Buy tea”');
    const link = row({ label: 'a.buy "Buy coffee"', action: { kind: 'link', href: 'https://shop.example/checkout?item=coffee' } });
    expect(rowTitle(link)).toEqual({ text: 'Link “Buy coffee” → /checkout?item=coffee', kind: 'derived' });
    expect(rowTitle(row({ label: 'form#subscribe' })).text).toBe('Form');
  });

  it('prefers the recorded fingerprint to the old label', () => {
    const element = row({
      label: 'div.x',
      fingerprint: { tag: 'button', text: 'Subscribe', attributes: { type: 'submit' }, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/button' },
    });
    expect(rowTitle(element).text).toBe('Button “Subscribe”');
  });

  it('keeps a placeholder as it is', () => {
    expect(rowTitle(row({ label: 'Added by hand' }))).toEqual({ text: 'Added by hand', kind: 'placeholder' });
  });
});
