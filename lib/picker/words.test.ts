import { beforeEach, describe, expect, it } from 'vitest';
import { describeInWords } from './words';

const first = (html: string): Element => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('describeInWords', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['<button class="share"><b>Facebook</b></button>', 'Button “Facebook”'],
    ['<a href="/sections/thetwo-way/">The Two-Way</a>', 'Link “The Two-Way” → /sections/thetwo-way/'],
    ['<a href="https://other.example/about">About</a>', 'Link “About” → other.example/about'],
    ['<a href="mailto:hi@example.com">Write to us</a>', 'Link “Write to us” → mailto:hi@example.com'],
    ['<a href="#top">Back to top</a>', 'Link “Back to top” → #top'],
    ['<button aria-label="Close dialog">×</button>', 'Button “Close dialog”'],
    ['<button id="buy"><svg><title>Cart</title><path d="M0 0"/></svg></button>', 'Button “Cart”'],
    ['<input type="submit" value="Sign up">', 'Button “Sign up”'],
    ['<input type="email" placeholder="you@example.com">', 'Email field “you@example.com”'],
    ['<label>Newsletter <input type="checkbox"></label>', 'Label “Newsletter”'],
    ['<div role="tab">Reviews</div>', 'Tab “Reviews”'],
    ['<div class="card"><h2>Tea</h2><p>Green</p></div>', 'Element “Tea Green”'],
    ['<form aria-label="Newsletter"><input name="email"></form>', 'Form “Newsletter”'],
    ['<summary>More details</summary>', 'Disclosure “More details”'],
    ['<img alt="Logo" src="x.png">', 'Image “Logo”'],
    ['<my-button>Go</my-button>', 'Component <my-button> “Go”'],
  ])('%s → %s', (html, words) => {
    expect(describeInWords(first(html))).toBe(words);
  });

  it('names a form control by its label', () => {
    document.body.innerHTML = '<label for="q">Search the shop</label><input id="q" type="search">';
    expect(describeInWords(document.getElementById('q')!)).toBe('Search field “Search the shop”');
  });

  it('cuts long text', () => {
    expect(describeInWords(first(`<button>${'word '.repeat(40)}</button>`))).toMatch(/^Button “(word ){7}word…”$/);
  });

  it('ignores script and style text', () => {
    expect(describeInWords(first('<a href="/x"><style>.a{}</style>Go<script>var a</script></a>'))).toBe('Link “Go” → /x');
  });
});
