import { describe, expect, it } from 'vitest';
import { matchesText, plural, shortUrl } from './format';

describe('panel wording', () => {
  it('shortens URLs and leaves what is not one alone', () => {
    expect(shortUrl('https://shop.example/checkout?step=2#pay')).toBe('shop.example/checkout?step=2');
    expect(shortUrl('not a url')).toBe('not a url');
  });

  it('counts matches in words', () => {
    expect([0, 1, 2].map(matchesText)).toEqual(['0 matches', '1 match', '2 matches']);
    expect([0, 1, 2].map((count) => plural(count, 'action'))).toEqual(['0 actions', '1 action', '2 actions']);
  });
});
