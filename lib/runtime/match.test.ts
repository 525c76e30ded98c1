import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CanonicalSchema, type CanonicalActivity } from '../export/canonical';
import { readActivity } from './activity';
import { listenForGoals } from './listen';
import { decide, frameChain, type CountContext, type CountedActivity, type GoalEvent, type Outcome } from './match';

// The counting rules (PRODUCT.md §5, issue 13) against the canonical fixtures the export tests use:
// real `goalpost/activity@1` files, checked by the canonical schema first, on pages built to match.
const fixture = (name: string): CanonicalActivity => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', name), 'utf8');
  return v.parse(CanonicalSchema, JSON.parse(text));
};
const TWO_METRICS = fixture('export-two-metrics.goalpost.json');
const NEWSLETTER = fixture('export-newsletter.goalpost.json');
const TEA = 'https://shop.example/products/tea';

/** The page the two-metric activity was picked on, as the fixture's selectors describe it. */
const SHOP = `
  <main>
    <button id="buy-tea" class="buy"><span class="icon">☕</span> Buy tea</button>
    <section id="products">
      <div data-product="coffee"><a class="buy" href="/checkout?item=coffee">Buy coffee</a></div>
    </section>
    <form class="card" action="/subscribe"><input name="email"><button type="submit">Subscribe</button></form>
    <a id="help" href="/help">Help</a>
  </main>`;

/** Dispatches a real event and returns what the runtime's own listener saw. */
function fire(target: Element, kind: 'click' | 'submit'): GoalEvent {
  let seen: GoalEvent | undefined;
  const stop = listenForGoals(target.ownerDocument, (event) => (seen = event));
  target.dispatchEvent(new Event(kind, { bubbles: true, composed: kind === 'click', cancelable: true }));
  stop();
  if (!seen) throw new Error(`the ${kind} did not reach the document's listener`);
  return seen;
}

function context(overrides: Partial<CountContext> = {}): CountContext {
  return { pageUrl: TEA, sinceLoadMs: 1_000, counted: () => false, frames: [], ...overrides };
}

/** Outcomes in words: `Buy: counts`, `Subscribe: late`. */
function summary(outcomes: Outcome[]): string[] {
  return outcomes.map(({ metric, verdict }) => `${metric.name}: ${verdict.counts ? 'counts' : verdict.reason.kind}`);
}

const $ = (selector: string) => document.querySelector(selector)!;

describe('the counting rules on the two-metric fixture', () => {
  beforeEach(() => {
    // Links are judged against their own document's address (a frame's, inside a frame).
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(TEA);
    document.body.innerHTML = SHOP;
  });

  it('counts a click on a metric element, or on anything inside it, for that metric only', () => {
    expect(summary(decide(TWO_METRICS, fire($('#buy-tea'), 'click'), context()))).toEqual(['Buy: counts']);
    const [outcome] = decide(TWO_METRICS, fire($('#buy-tea .icon'), 'click'), context());
    expect(outcome?.element.id).toBe('el_tea');
    expect(outcome?.node).toBe($('#buy-tea'));
  });

  it('counts either element of a metric: any of them converts it (PRODUCT.md §5)', () => {
    const [outcome] = decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context());
    expect(outcome).toMatchObject({ metric: { id: 'm_buy' }, element: { id: 'el_coffee' }, verdict: { counts: true } });
  });

  it('leaves out clicks that touch no metric', () => {
    expect(decide(TWO_METRICS, fire($('#help'), 'click'), context())).toEqual([]);
  });

  it('counts once per visitor: a second conversion says it was already counted', () => {
    const counted = new Set<string>();
    const first = decide(TWO_METRICS, fire($('#buy-tea'), 'click'), context({ counted: (id) => counted.has(id) }));
    expect(summary(first)).toEqual(['Buy: counts']);
    counted.add('m_buy');
    const second = decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context({ counted: (id) => counted.has(id) }));
    expect(second[0]?.verdict).toEqual({ counts: false, reason: { kind: 'once' } });
  });

  it('counts a form goal on its submission, not on the click of its button', () => {
    expect(decide(TWO_METRICS, fire($('form.card button'), 'click'), context())).toEqual([]);
    expect(summary(decide(TWO_METRICS, fire($('form.card'), 'submit'), context()))).toEqual(['Subscribe: counts']);
  });

  it('counts every click within the window, and says when one came too late', () => {
    const submit = fire($('form.card'), 'submit');
    expect(summary(decide(TWO_METRICS, submit, context({ sinceLoadMs: 30_000 })))).toEqual(['Subscribe: counts']);
    expect(decide(TWO_METRICS, submit, context({ sinceLoadMs: 31_420, counted: () => true }))[0]?.verdict)
      .toEqual({ counts: false, reason: { kind: 'late', seconds: 31.4, windowSeconds: 30 } });
  });

  it('counts nothing outside the activity’s URL scope, and says so', () => {
    const click = fire($('#buy-tea'), 'click');
    expect(summary(decide(TWO_METRICS, click, context({ pageUrl: 'https://shop.example/about' })))).toEqual(['Buy: scope']);
    expect(summary(decide(TWO_METRICS, click, context({ pageUrl: 'https://shop.example/products/coffee?ref=mail#top' })))).toEqual(['Buy: counts']);
    expect(summary(decide({ ...TWO_METRICS, scopes: [] }, click, context()))).toEqual(['Buy: scope']);
  });

  it('excludes an element marked data-goalpost-no-track, or anything inside a marked element', () => {
    $('[data-product="coffee"] a').setAttribute('data-goalpost-no-track', '');
    expect(summary(decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context()))).toEqual(['Buy: no-track']);
    expect(summary(decide(TWO_METRICS, fire($('#buy-tea'), 'click'), context()))).toEqual(['Buy: counts']);
    $('#products').setAttribute('data-goalpost-no-track', '');
    $('[data-product="coffee"] a').removeAttribute('data-goalpost-no-track');
    expect(summary(decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context()))).toEqual(['Buy: no-track']);
  });

  it.each([
    ['mailto:sales@shop.example', 'mailto'],
    ['tel:+4930123', 'tel'],
    ['javascript:void(0)', 'javascript'],
    ['#reviews', 'anchor'],
    [`${TEA}#reviews`, 'anchor'],
    ['ftp://files.shop.example/menu.pdf', 'not-http'],
  ])('does not count a link to %s (%s), as the link rules say', (href, kind) => {
    $('[data-product="coffee"] a').setAttribute('href', href);
    expect(decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context())[0]?.verdict)
      .toEqual({ counts: false, reason: { kind: 'link', link: kind } });
  });

  it('counts a link to another page of the site, or another site', () => {
    for (const href of ['/checkout?item=coffee', 'https://pay.example/checkout', `${TEA}?step=2#top`]) {
      $('[data-product="coffee"] a').setAttribute('href', href);
      expect(summary(decide(TWO_METRICS, fire($('[data-product="coffee"] a'), 'click'), context()))).toEqual(['Buy: counts']);
    }
  });

  it('counts an element added after the page loaded: matching happens at event time', () => {
    $('[data-product="coffee"]').remove();
    const late = document.createElement('div');
    late.dataset.product = 'coffee';
    late.innerHTML = '<a class="buy" href="/checkout?item=coffee"><b>Buy coffee</b></a>';
    document.querySelector('main')!.append(late);
    expect(summary(decide(TWO_METRICS, fire(late.querySelector('b')!, 'click'), context()))).toEqual(['Buy: counts']);
  });

  it('reports one outcome per metric when several of its elements are on the path, and prefers one that counts', () => {
    const activity: CountedActivity = {
      ...TWO_METRICS,
      elements: [...TWO_METRICS.elements, { id: 'el_products', selector: '#products', action: { kind: 'click' } }],
      metrics: [{ id: 'm_any', name: 'Anything', counting: 'every', elementIds: ['el_coffee', 'el_products'] }],
    };
    $('[data-product="coffee"] a').setAttribute('href', 'mailto:sales@shop.example');
    const outcomes = decide(activity, fire($('[data-product="coffee"] a'), 'click'), context());
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ element: { id: 'el_products' }, verdict: { counts: true } });
  });

  it('decides each metric that shares an element on its own rules', () => {
    const activity: CountedActivity = {
      ...TWO_METRICS,
      metrics: [...TWO_METRICS.metrics, { id: 'm_tea', name: 'Tea', counting: 'every', windowSeconds: 5, elementIds: ['el_tea'] }],
    };
    const outcomes = decide(activity, fire($('#buy-tea'), 'click'), context({ sinceLoadMs: 6_000, counted: (id) => id === 'm_buy' }));
    expect(summary(outcomes)).toEqual(['Buy: once', 'Tea: late']);
  });

  it('treats a selector this browser cannot parse as matching nothing', () => {
    const activity: CountedActivity = { ...TWO_METRICS, elements: TWO_METRICS.elements.map((element) => ({ ...element, selector: 'button[' })) };
    expect(decide(activity, fire($('#buy-tea'), 'click'), context())).toEqual([]);
  });
});

describe('the counting rules on the newsletter fixture (pattern scope, a click goal on a form’s button)', () => {
  beforeEach(() => {
    document.body.innerHTML = '<form class="card"><input name="email"><button type="submit">Subscribe</button></form>';
  });

  it('counts the click on the button anywhere on the site, not the submission', () => {
    expect(summary(decide(NEWSLETTER, fire($('form.card button'), 'click'), context({ pageUrl: 'https://shop.example/blog/spring' })))).toEqual(['Sign up: counts']);
    expect(decide(NEWSLETTER, fire($('form.card'), 'submit'), context({ pageUrl: 'https://shop.example/' }))).toEqual([]);
    expect(summary(decide(NEWSLETTER, fire($('form.card button'), 'click'), context({ pageUrl: 'https://other.example/' })))).toEqual(['Sign up: scope']);
  });
});

describe('elements in shadow roots and frames', () => {
  const inShadow: CountedActivity = {
    id: 'act_widget', scopes: [{ kind: 'prefix', value: 'https://shop.example/' }],
    metrics: [{ id: 'm_share', name: 'Shares', counting: 'every', elementIds: ['el_share'] }],
    elements: [{ id: 'el_share', selector: 'button.share', action: { kind: 'click' }, shadowHosts: ['share-bar'] }],
  };
  beforeEach(() => {
    document.body.innerHTML = '<share-bar></share-bar><button class="share">Share (light DOM)</button>';
    $('share-bar').attachShadow({ mode: 'open' }).innerHTML = '<button class="share"><span>Share</span></button>';
  });

  it('follows composedPath() into an open shadow root, and only the recorded host’s', () => {
    const inner = $('share-bar').shadowRoot!.querySelector('span')!;
    expect(summary(decide(inShadow, fire(inner, 'click'), context()))).toEqual(['Shares: counts']);
    expect(decide(inShadow, fire($('body > button.share'), 'click'), context())).toEqual([]);
    const plain = { ...inShadow, elements: [{ ...inShadow.elements[0]!, shadowHosts: undefined }] };
    // Recorded without hosts: the document's own button, not the one inside the widget.
    expect(decide(plain, fire(inner, 'click'), context())).toEqual([]);
    expect(summary(decide(plain, fire($('body > button.share'), 'click'), context()))).toEqual(['Shares: counts']);
  });

  it('matches an element recorded inside frames only in those frames', () => {
    const framed = { ...inShadow, elements: [{ id: 'el_share', selector: 'body > button.share', action: { kind: 'click' as const }, frames: ['#shop'] }] };
    // Stand-ins for the frame elements above the event's document (happy-dom loads no frames).
    document.body.insertAdjacentHTML('beforeend', '<object id="shop"></object><object id="ads"></object>');
    const click = fire($('body > button.share'), 'click');
    expect(summary(decide(framed, click, context({ frames: [$('#shop')] })))).toEqual(['Shares: counts']);
    expect(decide(framed, click, context({ frames: [$('#ads')] }))).toEqual([]);
    expect(decide(framed, click, context({ frames: [] }))).toEqual([]);
    // A frame of another origin on the way: its chain is unknown, so nothing recorded for frames matches.
    expect(decide(framed, click, context({ frames: null }))).toEqual([]);
  });

  it('reads the chain of frames from the top window down', () => {
    expect(frameChain(window as unknown as Window)).toEqual([]);
    const top = {} as { top: unknown };
    top.top = top;
    const frameElement = document.createElement('iframe');
    const child = { top, parent: top, frameElement } as unknown as Window;
    expect(frameChain(child)).toEqual([frameElement]);
    expect(frameChain({ top, parent: top, frameElement: null } as unknown as Window)).toBeNull();
  });
});

describe('reading an activity handed to the runtime', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('accepts the canonical fixtures as they are', () => {
    expect(readActivity(TWO_METRICS)).toBe(TWO_METRICS);
    expect(readActivity(NEWSLETTER)).toBe(NEWSLETTER);
  });

  it('refuses the broken fixture and other wrong input, naming the part that is wrong', () => {
    const broken = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'export-broken.goalpost.json'), 'utf8'));
    expect(readActivity(broken)).toEqual({ error: 'the activity is not a goalpost/activity@1 file (see its “metrics”)' });
    expect(readActivity(null)).toEqual({ error: expect.stringContaining('“format”') });
    expect(readActivity({ ...TWO_METRICS, format: 'goalpost/activity@2' })).toEqual({ error: expect.stringContaining('“format”') });
    expect(readActivity({ ...TWO_METRICS, scopes: [{ kind: 'regex', value: '.*' }] })).toEqual({ error: expect.stringContaining('“scopes”') });
    expect(readActivity({ ...TWO_METRICS, elements: [{ id: 'x', selector: 'a', action: { kind: 'hover' } }] })).toEqual({ error: expect.stringContaining('“elements”') });
  });
});
