import { beforeEach, describe, expect, it } from 'vitest';
import { postHogCheck } from './check';
import { elementsChain } from './chain';
import { filtersMatch } from './filters';
import { parseChain, selectorMatches } from './matching';
import { indexPage } from './page';
import { postHogSafeSelector } from './safe-selector';
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

  it('adds the element’s href beside the selector when the selector alone still counts another link', () => {
    // Two share links alike but for their hrefs, which hold `=`: no selector the old compiler reads
    // back can name them. With almost no search budget the twin search keeps `a.share` (positions
    // would tell them apart here, at a price), and the filter step adds the href it records.
    document.body.innerHTML = `
      <div class="bar"><a class="share" href="/s?u=1">Share</a></div>
      <div class="bar"><a class="share" href="/s?u=2">Share</a></div>`;
    const [first, second] = Array.from(document.querySelectorAll('a'));
    const index = indexPage(document);
    const safe = postHogSafeSelector(index, first!, 'click', { work: 1 })!;
    expect(safe).toEqual({ selector: 'a.share', filters: { href: '/s?u=1' }, others: 0 });
    const own = parseChain(elementsChain(first!));
    const other = parseChain(elementsChain(second!));
    for (const compiler of ['old', 'new'] as const) {
      expect(selectorMatches(safe.selector, own.chain, compiler) && filtersMatch(safe.filters, own)).toBe(true);
      expect(selectorMatches(safe.selector, other.chain, compiler)).toBe(true);
      expect(filtersMatch(safe.filters, other)).toBe(false);
    }
    // The check keeps a stored twin and its filters while they still count exactly this link…
    const row = element('a.share[href="/s?u=1"]');
    const answer = postHogCheck(document, { selector: row.selector, action: 'click', known: 'a.share', knownFilters: { href: '/s?u=1' } });
    expect(answer).toMatchObject({ posthog: { selector: 'a.share', filters: { href: '/s?u=1' }, others: 0 } });
    // …the panel stores them with it, and the row shows them beside the selector.
    const op = checkOperation('act', row, answer);
    expect(op).toMatchObject({ posthog: 'a.share', posthogFilters: { href: '/s?u=1' } });
    const stored = { ...row, targetSelectors: { posthog: 'a.share', posthogFilters: { href: '/s?u=1' } } };
    expect(postHogNote(stored, answer)).toMatchObject({ kind: 'twin', selector: 'a.share', filters: 'href = “/s?u=1”' });
    // Filters that no longer hold for the element are dropped: a new search runs.
    const again = postHogCheck(document, { selector: row.selector, action: 'click', known: 'a.share', knownFilters: { href: '/s?u=2' } });
    expect(again).toMatchObject({ posthog: { others: 0 } });
    if (again.found && again.recorded) expect(again.posthog?.filters?.href).not.toBe('/s?u=2');
  });
});
