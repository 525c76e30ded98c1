import { describe, expect, it } from 'vitest';
import { elementsChain } from './chain';
import { chainHref, chainTexts, filtersMatch, likeRegex, urlMatches, type StepFilters } from './filters';
import { parseChain } from './matching';

// The action step's filters beside the selector, as PostHog's `action_to_expr` (posthog/hogql/
// property.py) and the materialized columns `elements_chain_href` / `elements_chain_texts` read them.

const LINK_IN_NAV = 'span:nth-child="1"nth-of-type="1"text="Tea";a.buy:attr__class="buy"attr__href="/tea"href="/tea"nth-child="2"nth-of-type="1"text="Buy tea";nav:attr__href="/nav"href="/nav"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
const matches = (filters: StepFilters, chain: string) => filtersMatch(filters, parseChain(chain));

describe('elements_chain_href and elements_chain_texts', () => {
  it('takes the first href of the chain (the clicked element’s, else the nearest above), never attr__href', () => {
    expect(chainHref(LINK_IN_NAV)).toBe('/tea');
    expect(chainHref('div:attr__href="/x"nth-child="1"nth-of-type="1";a:href="/up"nth-child="1"nth-of-type="1"')).toBe('/up');
    expect(chainHref('div:nth-child="1"nth-of-type="1"')).toBe('');
  });

  it('stops a value at the chain’s escaped quote, as extract() does', () => {
    expect(chainHref('a:href="/say \\"hi\\""nth-child="1"nth-of-type="1"')).toBe('/say \\');
  });

  it('lists every text of the chain once', () => {
    expect(chainTexts(LINK_IN_NAV)).toEqual(['Tea', 'Buy tea']);
    expect(chainTexts('a:text="x";button:text="x"')).toEqual(['x']);
  });

  it('reads the chain posthog-js records: a click on a span inside a link carries the link’s href first', () => {
    document.body.innerHTML = '<nav><a class="buy" href="/tea">Buy <span>tea</span></a></nav>';
    const chain = elementsChain(document.querySelector('span')!);
    expect(chainHref(chain)).toBe('/tea');
    expect(chainTexts(chain)).toContain('tea');
  });
});

describe('the step filters, where PostHog matches them', () => {
  it('href exact (the default) compares the whole first href', () => {
    expect(matches({ href: '/tea' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ href: '/nav' }, LINK_IN_NAV)).toBe(false); // an ancestor's href is not read
    expect(matches({ href: '/te', href_matching: 'exact' }, LINK_IN_NAV)).toBe(false);
  });

  it('href contains is ILIKE %href%: case-insensitive, with _ and % as wildcards', () => {
    expect(matches({ href: '/TE', href_matching: 'contains' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ href: 't_a', href_matching: 'contains' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ href: 'cake', href_matching: 'contains' }, LINK_IN_NAV)).toBe(false);
  });

  it('href regex is match(): unanchored RE2; a pattern RE2 refuses counts nothing', () => {
    expect(matches({ href: '^/t', href_matching: 'regex' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ href: '^/n', href_matching: 'regex' }, LINK_IN_NAV)).toBe(false);
    expect(matches({ href: '(?<=x)a', href_matching: 'regex' }, LINK_IN_NAV)).toBe(false);
  });

  it('text matches any element of the chain, exact, ILIKE or regex', () => {
    expect(matches({ text: 'Buy tea' }, LINK_IN_NAV)).toBe(true); // the link above the clicked span
    expect(matches({ text: 'Buy' }, LINK_IN_NAV)).toBe(false);
    expect(matches({ text: 'buy', text_matching: 'contains' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ text: '^Tea$', text_matching: 'regex' }, LINK_IN_NAV)).toBe(true);
  });

  it('tag_name matches any element of the chain with that tag, not a longer one', () => {
    expect(matches({ tag_name: 'nav' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ tag_name: 'a' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ tag_name: 'a' }, 'article:nth-child="1"nth-of-type="1"')).toBe(false);
    expect(matches({ tag_name: 'button' }, LINK_IN_NAV)).toBe(false);
  });

  it('all filters together (AND), as the step’s expressions are', () => {
    expect(matches({ href: '/tea', text: 'Tea', tag_name: 'nav' }, LINK_IN_NAV)).toBe(true);
    expect(matches({ href: '/tea', text: 'Cake' }, LINK_IN_NAV)).toBe(false);
  });

  it('url: contains is a case-sensitive LIKE, exact equality, regex match(); empty is no filter', () => {
    const url = 'https://shop.example/Tea?x=1';
    expect(urlMatches({ url: 'shop.example/Tea' }, url)).toBe(true);
    expect(urlMatches({ url: 'shop.example/tea' }, url)).toBe(false);
    expect(urlMatches({ url, url_matching: 'exact' }, url)).toBe(true);
    expect(urlMatches({ url: 'https://shop.example/Tea', url_matching: 'exact' }, url)).toBe(false);
    expect(urlMatches({ url: '^https://shop\\.example/', url_matching: 'regex' }, url)).toBe(true);
    expect(urlMatches({ url: '' }, url)).toBe(true);
  });

  it('LIKE escapes: a backslash makes % and _ literal', () => {
    expect(likeRegex('%50\\%%', true).test('save 50% now')).toBe(true);
    expect(likeRegex('%50\\%%', true).test('save 500 now')).toBe(false);
  });
});
