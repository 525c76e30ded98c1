import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint';
import { relocate, similarity } from './relocate';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** The shop before and after a redesign: classes renamed, a wrapper added, the texts kept. */
const BEFORE = `
  <header class="site-header"><nav id="menu"><a href="/">Home</a><a href="/shop">Shop</a><a href="/about">About</a></nav></header>
  <main>
    <div class="card" data-product="tea"><h2>Green tea</h2><button class="buy">Buy tea</button></div>
    <div class="card" data-product="coffee"><h2>Coffee</h2><a class="buy" href="/checkout?item=coffee">Buy coffee</a></div>
    <form action="/subscribe"><label>Email <input name="email" type="email"></label><button type="submit">Subscribe</button></form>
  </main>`;
const AFTER = `
  <header class="Header_root__x1"><div class="wrap"><nav id="menu"><a href="/">Home</a><a href="/shop">Shop</a><a href="/about">About</a></nav></div></header>
  <main>
    <section class="grid">
      <article class="tile" data-product="tea"><div class="tile-body"><h3>Green tea</h3><button class="btn btn-primary">Buy tea</button></div></article>
      <article class="tile" data-product="coffee"><div class="tile-body"><h3>Coffee</h3><a class="btn btn-primary" href="/checkout?item=coffee">Buy coffee</a></div></article>
    </section>
    <form action="/subscribe"><div class="field"><label>Email <input name="email" type="email"></label></div><button class="btn" type="submit">Subscribe</button></form>
  </main>`;

function fingerprintIn(html: string, selector: string) {
  document.body.innerHTML = html;
  return fingerprintOf(document.querySelector(selector)!);
}

describe('relocate', () => {
  it('finds each element again after classes are renamed, wrappers added and tags changed, texts kept', () => {
    const picks = ['button.buy', 'a.buy', 'button[type=submit]', 'input[name=email]', 'nav a[href="/shop"]'];
    const fingerprints = picks.map((selector) => fingerprintIn(BEFORE, selector));
    document.body.innerHTML = AFTER;
    const expected = ['.tile button', '.tile a', 'form button', 'input[name=email]', 'nav a[href="/shop"]'].map((selector) => document.querySelector(selector));
    fingerprints.forEach((fingerprint, index) => {
      const found = relocate(fingerprint, document);
      expect(found?.element, picks[index]).toBe(expected[index]);
      expect(found!.confidence).toBeGreaterThan(0.5);
      expect(found!.confidence).toBeLessThanOrEqual(1);
    });
  });

  it('says "not found" when the element is gone, rather than pointing at the nearest lookalike', () => {
    const fingerprint = fingerprintIn(BEFORE, 'a.buy');
    document.body.innerHTML = AFTER.replace(/<a class="btn btn-primary"[^>]*>Buy coffee<\/a>/, '<span>Sold out</span>');
    expect(relocate(fingerprint, document)).toBeNull();
  });

  it('says "not found" when two candidates fit equally well', () => {
    const fingerprint = fingerprintIn('<ul><li><a href="/a">Read more</a></li><li><a href="/b">Other</a></li></ul>', 'a[href="/a"]');
    document.body.innerHTML = '<ul><li><a href="/x">Read more</a></li><li><a href="/y">Read more</a></li></ul>';
    expect(relocate(fingerprint, document)).toBeNull();
  });

  it('does not take the element next to it, which now has its text as a neighbour', () => {
    const fingerprint = fingerprintIn('<ul><li>Advertise</li><li>Site map</li><li>Jobs</li></ul>', 'li:nth-child(2)');
    document.body.innerHTML = '<ul class="links"><li>Press</li><li>Jobs</li><li>Advertise</li><li>Site map</li><li>RSS</li></ul>';
    expect(relocate(fingerprint, document)?.element).toBe(document.querySelector('li:nth-child(4)'));
  });

  it('tells an image link from the headline link to the same page', () => {
    const story = '<article><a href="/story"><img src="/img/hero.jpg" alt=""></a><h2><a href="/story">The story</a></h2></article>';
    const fingerprint = fingerprintIn(`<main>${story}</main>`, 'a:has(img)');
    document.body.innerHTML = `<main><div class="feed">${story.replace('hero.jpg', 'hero.jpg?w=800')}</div></main>`;
    expect(relocate(fingerprint, document)?.element).toBe(document.querySelector('a:has(img)'));
  });

  it('is not confused by the span inside the link it finds', () => {
    const fingerprint = fingerprintIn('<p><a href="/join"><span>Join now</span></a></p>', 'a');
    document.body.innerHTML = '<div><p><a href="/join" class="cta"><span class="label">Join now</span></a></p></div>';
    expect(relocate(fingerprint, document)?.element).toBe(document.querySelector('a'));
  });

  it('does not jump to the twin of a link in another menu when only their places differ', () => {
    const menu = (id: string) => `<ul id="${id}"><li><a href="/">Home</a></li><li><a href="/pricing">Pricing</a></li><li><a href="/blog">Blog</a></li></ul>`;
    const fingerprint = fingerprintIn(`<nav>${menu('desktop')}</nav><nav>${menu('mobile')}</nav>`, '#desktop a[href="/pricing"]');
    // The desktop menu changes its id and gains an item just before; the mobile one stays as it was.
    document.body.innerHTML = `<nav>${menu('main-menu').replace('<li><a href="/pricing">', '<li><a href="/new">New</a></li><li><a href="/pricing">')}</nav><nav>${menu('mobile')}</nav>`;
    const found = relocate(fingerprint, document);
    expect(found?.element).not.toBe(document.querySelector('#mobile a[href="/pricing"]'));
  });

  it('looks inside the given root only', () => {
    const fingerprint = fingerprintIn('<button>Go</button>', 'button');
    document.body.innerHTML = '<div id="outside"><button>Go</button></div><div id="inside"><button>Go</button></div>';
    expect(relocate(fingerprint, document.getElementById('inside')!)?.element).toBe(document.querySelector('#inside button'));
  });
});

describe('similarity', () => {
  it('is 1 for the very element and falls for others', () => {
    document.body.innerHTML = BEFORE;
    const tea = document.querySelector('button.buy')!;
    const fingerprint = fingerprintOf(tea);
    expect(similarity(fingerprint, tea)).toBeCloseTo(1, 5);
    expect(similarity(fingerprint, document.querySelector('a.buy')!)).toBeLessThan(0.8);
    expect(similarity(fingerprint, document.querySelector('h2')!)).toBeLessThan(0.5);
  });
});
