import { beforeEach, describe, expect, it } from 'vitest';
import { postHogCheck } from './check';
import { elementsChain } from './chain';
import { selectorMatches } from './matching';
import { checkOperation, postHogNote } from './panel';
import type { TrackedElement } from '@/lib/goals/model';

// The page agent's check on a small page (happy-dom): the verdict on the row's selector, the twin
// it writes when PostHog would not count the element, and what the panel stores and shows.

beforeEach(() => {
  document.body.innerHTML = `
    <main>
      <div class="offer"><a class="buy" data-sku="tea" href="/tea">Buy <span>tea</span></a></div>
      <div class="offer"><a class="buy" data-sku="cake" href="/cake">Buy cake</a></div>
      <section><div class="wrap"><button class="go">Go</button></div></section>
      <div id="card" class="card">Not clickable</div>
      <form class="signup"><input name="email" placeholder="Email"><button>Join</button></form>
    </main>`;
});

const element = (selector: string, action: TrackedElement['action'] = { kind: 'click' }): TrackedElement => ({
  id: 'el', createdAt: 1, selector, action, label: 'x', pageUrl: 'https://shop.example/',
});

describe('PostHog check on the page', () => {
  it('keeps a selector both compilers read as CSS', () => {
    const answer = postHogCheck(document, { selector: 'a[data-sku="tea"]', action: 'click' });
    expect(answer).toMatchObject({ found: true, recorded: true, event: 'click', main: { missed: [], others: 0 }, posthog: { selector: 'a[data-sku="tea"]', others: 0 } });
  });

  it('writes a twin when the old compiler misreads the selector, and the twin counts only that element', () => {
    const answer = postHogCheck(document, { selector: 'a.buy[data-sku="tea"]', action: 'click' });
    if (!answer.found || !answer.recorded) throw new Error('expected a recorded element');
    expect(answer.main.missed).toEqual(['old']);
    const twin = answer.posthog!.selector;
    expect(answer.posthog!.others).toBe(0);
    const tea = elementsChain(document.querySelector('[data-sku="tea"]')!);
    const cake = elementsChain(document.querySelector('[data-sku="cake"]')!);
    for (const compiler of ['old', 'new'] as const) {
      expect(selectorMatches(twin, tea, compiler)).toBe(true);
      expect(selectorMatches(twin, cake, compiler)).toBe(false);
    }
  });

  it('writes a twin for a descendant join the old compiler reads as “>”', () => {
    const answer = postHogCheck(document, { selector: 'section button', action: 'click' });
    if (!answer.found || !answer.recorded) throw new Error('expected a recorded element');
    expect(answer.main.missed).toEqual(['old']);
    expect(answer.main.reasons[0]).toMatch(/reads this space as “>”/);
    expect(answer.posthog?.others).toBe(0);
  });

  it('keeps the stored twin while it still counts exactly its element, and searches again when it does not', () => {
    const selector = 'a.buy[data-sku="tea"]';
    // A valid, exact twin other than the one the search would pick: kept as it is.
    expect(postHogCheck(document, { selector, action: 'click', known: 'a[href="/tea"]' })).toMatchObject({ posthog: { selector: 'a[href="/tea"]', others: 0 } });
    // A stored twin that now counts the other offer too is replaced.
    const answer = postHogCheck(document, { selector, action: 'click', known: 'a.buy' });
    if (!answer.found || !answer.recorded) throw new Error('expected a recorded element');
    expect(answer.posthog?.selector).not.toBe('a.buy');
    expect(answer.posthog?.others).toBe(0);
  });

  it('says when autocapture records no click on the element', () => {
    expect(postHogCheck(document, { selector: '#card', action: 'click' })).toEqual({
      found: true, recorded: false, event: 'click',
      reason: 'autocapture records clicks only on links, buttons, form fields, labels, elements with cursor: pointer and what is inside them',
    });
  });

  it('checks a form goal against the form’s submit', () => {
    const answer = postHogCheck(document, { selector: 'form.signup', action: 'submit' });
    expect(answer).toMatchObject({ found: true, recorded: true, event: 'submit', posthog: { selector: 'form.signup' } });
  });

  it('stores the twin or the reason, and the row shows both selectors', () => {
    const row = element('a.buy[data-sku="tea"]');
    const answer = postHogCheck(document, { selector: row.selector, action: 'click' });
    const op = checkOperation('act', row, answer);
    expect(op).toMatchObject({ kind: 'setTargetCheck', selector: 'a.buy[data-sku="tea"]', limit: null });
    const stored = { ...row, targetSelectors: { posthog: (op as { posthog: string }).posthog } };
    expect(postHogNote(stored, answer)).toMatchObject({ kind: 'twin', selector: stored.targetSelectors.posthog, why: expect.stringMatching(/class or id beside an attribute/) });
    const card = element('#card');
    const unrecorded = checkOperation('act', card, postHogCheck(document, { selector: '#card', action: 'click' }));
    expect(unrecorded).toMatchObject({ posthog: null, limit: expect.stringMatching(/^autocapture records clicks only/) });
    expect(checkOperation('act', card, { found: false })).toBeNull();
  });
});
