import { beforeEach, describe, expect, it } from 'vitest';
import { locate, resolvePick, toPickedElement } from './pick';

describe('picks in shadow roots', () => {
  beforeEach(() => {
    document.body.innerHTML = '<shop-cart id="cart"></shop-cart><shop-cart class="other"></shop-cart>';
    for (const host of document.querySelectorAll('shop-cart')) {
      const outer = host.attachShadow({ mode: 'open' });
      outer.innerHTML = '<cart-line class="line"></cart-line>';
      const inner = outer.querySelector('cart-line')!.attachShadow({ mode: 'open' });
      inner.innerHTML = '<button class="remove">Remove</button><a class="more" href="/more">More</a>';
    }
  });
  const deepButton = () => document.getElementById('cart')!.shadowRoot!.querySelector('cart-line')!.shadowRoot!.querySelector('button')!;

  it('records the host chain, each selector relative to its own scope', () => {
    const { frames, shadowHosts } = locate(deepButton());
    expect(frames).toEqual([]);
    expect(shadowHosts).toHaveLength(2);
    expect(document.querySelectorAll(shadowHosts[0]!)).toHaveLength(1);
  });

  it('resolves a stored pick back to exactly that element', () => {
    const pick = toPickedElement(deepButton(), 'https://shop.example/');
    expect(pick.shadowHosts).toHaveLength(2);
    expect(pick.frames).toBeUndefined();
    expect(resolvePick(document, pick)).toEqual([deepButton()]);
  });

  it('records links inside shadow roots as link clicks', () => {
    const link = document.getElementById('cart')!.shadowRoot!.querySelector('cart-line')!.shadowRoot!.querySelector('a')!;
    expect(toPickedElement(link, 'https://shop.example/').action).toEqual({ kind: 'link', href: expect.stringMatching(/\/more$/) });
  });

  it('finds nothing when the scope is gone or the selector does not parse', () => {
    expect(resolvePick(document, { selector: 'button', shadowHosts: ['#missing'] })).toEqual([]);
    expect(resolvePick(document, { selector: 'button[' })).toEqual([]);
  });

  it('leaves out the location fields for a plain element', () => {
    document.body.insertAdjacentHTML('beforeend', '<button id="plain">Go</button>');
    const pick = toPickedElement(document.getElementById('plain')!, 'https://shop.example/');
    expect(Object.keys(pick).sort()).toEqual(['action', 'alternatives', 'fingerprint', 'label', 'origin', 'pageUrl', 'selector']);
  });
});
