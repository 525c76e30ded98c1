import { describe, expect, it } from 'vitest';
import { createActivity } from './model';
import { activityCovers, activityForPage, normalizeUrl, scopeForPage, scopeMatches, scopeProblem } from './url-scope';

describe('URL scope matching', () => {
  const cases: [kind: 'exact' | 'prefix' | 'pattern', value: string, page: string, expected: boolean][] = [
    ['exact', 'https://shop.example/checkout', 'https://shop.example/checkout', true],
    ['exact', 'https://shop.example/checkout', 'https://shop.example/checkout#pay', true],
    ['exact', 'https://Shop.Example/checkout', 'https://shop.example/checkout', true],
    ['exact', 'https://shop.example/checkout', 'https://shop.example/checkout?step=2', false],
    ['exact', 'https://shop.example/checkout', 'https://shop.example/checkout/', false],
    ['exact', 'https://shop.example', 'https://shop.example/', true],
    ['exact', 'https://shop.example:443/', 'https://shop.example/', true],
    ['prefix', 'https://shop.example/products/', 'https://shop.example/products/tea?x=1', true],
    ['prefix', 'https://shop.example/products/', 'https://shop.example/blog/', false],
    ['prefix', 'https://shop.example', 'https://shop.example/anything', true],
    ['prefix', 'https://shop.example/', 'http://shop.example/', false],
    ['pattern', 'https://shop.example/products/*', 'https://shop.example/products/tea', true],
    ['pattern', 'https://shop.example/products/*', 'https://shop.example/products/tea/reviews', true],
    ['pattern', 'https://*.shop.example/*/cart', 'https://eu.shop.example/de/cart', true],
    ['pattern', 'https://*.shop.example/*/cart', 'https://eu.shop.example/de/cart/extra', false],
    ['pattern', '*://shop.example/?q=*', 'http://shop.example/?q=tea', true],
    ['pattern', 'https://shop.example/a.b', 'https://shop.example/aXb', false],
    ['pattern', 'https://shop.example/p/*', 'https://shop.example/p/1#top', true],
  ];
  it.each(cases)('%s %s against %s → %s', (kind, value, page, expected) => {
    expect(scopeMatches({ kind, value }, page)).toBe(expected);
  });

  it('never matches pages that are not http(s)', () => {
    expect(scopeMatches({ kind: 'pattern', value: '*' }, 'about:blank')).toBe(false);
    expect(scopeMatches({ kind: 'prefix', value: 'https://x.example/' }, 'not a url')).toBe(false);
  });

  it('an activity covers a page when any of its scopes does, and nothing without scopes', () => {
    const activity = createActivity('Launch', 1);
    expect(activityCovers(activity, 'https://shop.example/')).toBe(false);
    const scoped = { ...activity, scopes: [scopeForPage('https://a.example/x#h'), { kind: 'prefix' as const, value: 'https://shop.example/' }] };
    expect(activityCovers(scoped, 'https://shop.example/tea')).toBe(true);
    expect(activityCovers(scoped, 'https://a.example/x')).toBe(true);
    expect(activityCovers(scoped, 'https://a.example/y')).toBe(false);
  });

  it('gives a page its own exact scope without the hash', () => {
    expect(scopeForPage('https://shop.example/a?b=1#c')).toEqual({ kind: 'exact', value: 'https://shop.example/a?b=1' });
    expect(normalizeUrl('mailto:a@b.example')).toBeNull();
  });

  it('explains unusable scopes', () => {
    expect(scopeProblem({ kind: 'exact', value: ' ' })).toBe('Enter a URL.');
    expect(scopeProblem({ kind: 'prefix', value: 'shop.example/products' })).toMatch(/not a web address/);
    expect(scopeProblem({ kind: 'pattern', value: 'shop.example/*' })).toMatch(/starts with/);
    expect(scopeProblem({ kind: 'pattern', value: 'https://shop.example/*' })).toBeNull();
    expect(scopeProblem({ kind: 'exact', value: 'https://shop.example/' })).toBeNull();
  });
});

describe('activity for a page', () => {
  const scoped = (id: string, value: string) => ({ ...createActivity(id, 1, id), scopes: [{ kind: 'prefix' as const, value }] });
  const workspace = { activities: [scoped('a', 'https://a.example/'), scoped('b', 'https://b.example/'), scoped('b2', 'https://b.example/x')], currentActivityId: 'a' };

  it('keeps the current activity when it covers the page, else finds the first that does', () => {
    expect(activityForPage(workspace, 'https://a.example/p')?.id).toBe('a');
    expect(activityForPage(workspace, 'https://b.example/x')?.id).toBe('b');
    expect(activityForPage({ ...workspace, currentActivityId: 'b2' }, 'https://b.example/x')?.id).toBe('b2');
    expect(activityForPage(workspace, 'https://c.example/')).toBeUndefined();
  });
});
