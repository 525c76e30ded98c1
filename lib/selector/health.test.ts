import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint';
import { checkHealth } from './health';

const SHOP = `
  <main>
    <div class="card"><h2>Green tea</h2><button class="buy">Buy tea</button></div>
    <div class="card"><h2>Coffee</h2><button class="buy">Buy coffee</button></div>
  </main>`;

beforeEach(() => {
  document.body.innerHTML = SHOP;
});

const all = (selector: string) => Array.from(document.querySelectorAll(selector));

describe('checkHealth', () => {
  it('is ok while the selector finds the element it was made for', () => {
    const fingerprint = fingerprintOf(document.querySelectorAll('button')[1]!);
    expect(checkHealth(fingerprint, all('.card:nth-child(2) button'), document)).toEqual({ status: 'ok' });
  });

  it('reports a lost goal with its repair', () => {
    const fingerprint = fingerprintOf(document.querySelectorAll('button')[1]!);
    document.body.innerHTML = SHOP.replaceAll('class="buy"', 'class="btn"');
    const health = checkHealth(fingerprint, all('.buy'), document);
    expect(health).toMatchObject({ status: 'lost', repair: { element: document.querySelectorAll('button')[1] } });
  });

  it('reports an ambiguous goal when it was picked, not when several matches were asked for', () => {
    const fingerprint = fingerprintOf(document.querySelectorAll('button')[0]!);
    expect(checkHealth(fingerprint, all('button'), document)).toMatchObject({ status: 'ambiguous', repair: { element: document.querySelector('button') } });
    expect(checkHealth(fingerprint, all('button'), document, { expectsOne: false })).toEqual({ status: 'ok' });
  });

  it('notices a selector that now points at another element, and proposes the right one', () => {
    const fingerprint = fingerprintOf(document.querySelectorAll('button')[1]!);
    // A new product first: `.card:nth-child(2) button` is now the tea's button.
    document.querySelector('main')!.insertAdjacentHTML('afterbegin', '<div class="card"><h2>Matcha</h2><button class="buy">Buy matcha</button></div>');
    const health = checkHealth(fingerprint, all('.card:nth-child(2) button'), document);
    expect(health).toMatchObject({ status: 'changed', repair: { element: document.querySelectorAll('button')[2] } });
  });

  it('flags a single match that looks nothing like the element even when it cannot find the element', () => {
    const fingerprint = fingerprintOf(document.querySelectorAll('button')[1]!);
    document.body.innerHTML = '<main><p>We are closed.</p><footer><a href="/contact">Contact</a></footer></main>';
    expect(checkHealth(fingerprint, all('a'), document)).toEqual({ status: 'changed', repair: null });
  });
});
