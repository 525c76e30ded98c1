import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fingerprintOf', () => {
  it('records tag, text, stable attributes (a link as its path) and non-generated classes', () => {
    document.body.innerHTML = `
      <nav id="menu" aria-label="Main">
        <ul>
          <li><a href="/home">Home</a></li>
          <li><a id="nav-pricing" class="nav-link sc-bdVaJa is-active" href="/pricing?plan=pro#top" data-testid="pricing" title="See plans">Pricing</a></li>
          <li><a href="https://blog.example/">Blog</a></li>
        </ul>
      </nav>`;
    const fingerprint = fingerprintOf(document.querySelector('[data-testid=pricing]')!);
    expect(fingerprint.tag).toBe('a');
    expect(fingerprint.text).toBe('Pricing');
    expect(fingerprint.attributes).toEqual({ 'id': 'nav-pricing', 'href': '/pricing?plan=pro', 'data-testid': 'pricing', 'title': 'See plans' });
    expect(fingerprint.classes).toEqual(['nav-link']);
    expect(fingerprint.ancestors).toEqual(['nav#menu “Main”']);
    expect(fingerprint.neighbours).toEqual(['Home', 'Blog']);
    expect(fingerprint.position).toEqual({ index: 2, count: 3 });
    expect(fingerprint.path).toBe('html/body/nav/ul/li/a');
    expect(fingerprintOf(document.querySelectorAll('a')[2]!).attributes.href).toBe('//blog.example/');
  });

  it('leaves out generated ids and per-visit values; keeps a submit button’s value', () => {
    document.body.innerHTML = `
      <form action="/subscribe"><label for="email">Your email</label><input id=":r1:" name="email" type="email" placeholder="you@example.com">
      <input id="send-4f3a9c2e1b" type="submit" value="Subscribe"></form>`;
    const email = fingerprintOf(document.querySelector('input[name=email]')!);
    expect(email.attributes).toEqual({ name: 'email', type: 'email', placeholder: 'you@example.com' });
    expect(email.neighbours[0]).toBe('Your email');
    expect(email.ancestors).toEqual(['form']);
    const submit = fingerprintOf(document.querySelector('input[type=submit]')!);
    expect(submit.attributes).toEqual({ type: 'submit', value: 'Subscribe' });
  });

  it('names an element without text by its label or image, and records what it shows', () => {
    document.body.innerHTML = `
      <a href="/story"><img src="https://cdn.example/img/story-hero.jpg?w=640" alt=""></a>
      <button aria-label="Close dialog"><svg><path d="M0 0"/></svg></button>
      <a href="/story">Read the story</a>`;
    const [imageLink, , textLink] = document.querySelectorAll('a, button');
    expect(fingerprintOf(imageLink!)).toMatchObject({ text: '', media: 'story-hero.jpg' });
    expect(fingerprintOf(document.querySelector('button')!)).toMatchObject({ text: 'Close dialog', media: 'svg' });
    expect(fingerprintOf(textLink!).media).toBeUndefined();
  });

  it('reads the heading of the element’s section as a neighbour', () => {
    document.body.innerHTML = `
      <section><h2>Green tea</h2><p>Fresh leaves.</p><div class="actions"><button>Buy</button></div></section>
      <section><h2>Coffee</h2><p>Roasted.</p><div class="actions"><button>Buy</button></div></section>`;
    const second = fingerprintOf(document.querySelectorAll('button')[1]!);
    expect(second.neighbours).toContain('Coffee');
    expect(second.neighbours).not.toContain('Green tea');
  });

  it('caps what it reads on a huge element', () => {
    document.body.innerHTML = `<div id="wall">${'<p>word word word word word</p>'.repeat(5000)}</div>`;
    const fingerprint = fingerprintOf(document.getElementById('wall')!);
    expect(fingerprint.text.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(fingerprint).length).toBeLessThan(2000);
  });
});
