// @vitest-environment node
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { workspaceItem } from '@/lib/goals/storage';
import { exportSecretsItem } from '@/lib/export/settings';
import { pushActivityToPostHog } from '@/lib/export/send';
import { twoMetricActivity } from '@/lib/export/test-data';
import { elementsChain } from '@/lib/export/posthog/chain';
import { fakePostHog, type FakeEvent } from './servers';

// What PostHog does with the actions Goalpost sends (issue 12): after the push, `$autocapture`
// events are built the way posthog-js builds them for clicks on a page shaped like the fixture's,
// and the fake counts them the way PostHog's action_to_expr does, under both selector compilers.

const KEY = 'phx_personal_key_123';
const PAGE = 'https://shop.example/products/tea';

describe('PostHog counts what the actions say, under both compilers', () => {
  let posthog: Awaited<ReturnType<typeof fakePostHog>>;
  // The page lives in its own happy-dom window: the test itself runs in Node, whose fetch reaches the fake.
  const document = new Window({ url: PAGE }).document as unknown as Document;

  beforeEach(async () => {
    fakeBrowser.reset();
    posthog = await fakePostHog({ projectId: '42', apiKey: KEY });
    await workspaceItem.setValue({ activities: [twoMetricActivity()], currentActivityId: 'act_spring' });
    await exportSecretsItem.setValue({ posthogApiKey: KEY });
    document.body.innerHTML = `
      <main>
        <button id="buy-tea" class="buy"><span>Buy tea</span></button>
        <div data-product="coffee"><a class="buy" href="/checkout?item=coffee">Buy <span>coffee</span></a></div>
        <div data-product="cake"><a class="buy" href="/checkout?item=cake">Buy cake</a></div>
        <form class="card"><input name="email"><button>Subscribe</button></form>
      </main>`;
    const report = await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: '42' }, { timeoutMs: 5_000 });
    expect(report).toMatchObject({ ok: true });
  });
  afterEach(() => posthog.close());

  const event = (selector: string, type: 'click' | 'submit' | 'change', url = PAGE): FakeEvent => ({
    event: '$autocapture',
    elementsChain: elementsChain(document.querySelector(selector)!),
    properties: { $event_type: type, $current_url: url },
  });

  it('counts a click on each element, and on what is inside it, for its metric only', () => {
    expect(posthog.matchEvent(event('#buy-tea', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('#buy-tea span', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('[data-product="coffee"] a', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('[data-product="coffee"] a span', 'click'))).toEqual(['Spring sale · Buy']);
  });

  it('does not count a click on a lookalike, nor outside the URL scope', () => {
    expect(posthog.matchEvent(event('[data-product="cake"] a', 'click'))).toEqual([]);
    expect(posthog.matchEvent(event('#buy-tea', 'click', 'https://shop.example/about'))).toEqual([]);
  });

  it('counts the form’s submit, not clicks or changes inside it ($event_type filter)', () => {
    expect(posthog.matchEvent(event('form.card', 'submit'))).toEqual(['Spring sale · Subscribe']);
    expect(posthog.matchEvent(event('form.card input', 'change'))).toEqual([]);
    expect(posthog.matchEvent(event('form.card button', 'click'))).toEqual([]);
  });

  it('a step without the $event_type filter would have counted a change inside the form (why the filter is sent)', () => {
    for (const action of posthog.actions) for (const step of action.steps) delete step.properties;
    expect(posthog.matchEvent(event('form.card input', 'change'))).toEqual(['Spring sale · Subscribe']);
  });

  it('uses the element’s PostHog twin when it has one', async () => {
    const activity = twoMetricActivity();
    // `a.buy[data-x]`-like selectors never match under PostHog's current compiler; the twin does.
    activity.elements[1]!.selector = 'div[data-product="coffee"] a.buy';
    activity.elements[1]!.targetSelectors = { posthog: '[data-product="coffee"] > a' };
    await workspaceItem.setValue({ activities: [activity], currentActivityId: activity.id });
    const report = await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: '42' }, { timeoutMs: 5_000 });
    expect(report.ok).toBe(true);
    const buy = posthog.actions.find((action) => action.name === 'Spring sale · Buy')!;
    expect(buy.steps.map((step) => step.selector)).toEqual(['#buy-tea', '[data-product="coffee"] > a']);
    expect(posthog.matchEvent(event('[data-product="coffee"] a', 'click'))).toEqual(['Spring sale · Buy']);
  });

  it('sends the href filter stored with the twin, and PostHog then counts only that link (its first href)', async () => {
    const activity = twoMetricActivity();
    // `a.buy` alone counts both offers; the href posthog-js records for the coffee link tells them apart.
    activity.elements[1]!.targetSelectors = { posthog: 'a.buy', posthogFilters: { href: '/checkout?item=coffee' } };
    await workspaceItem.setValue({ activities: [activity], currentActivityId: activity.id });
    const report = await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: '42' }, { timeoutMs: 5_000 });
    expect(report.ok).toBe(true);
    const buy = posthog.actions.find((action) => action.name === 'Spring sale · Buy')!;
    expect(buy.steps[1]).toMatchObject({ selector: 'a.buy', href: '/checkout?item=coffee', href_matching: 'exact' });
    expect(posthog.matchEvent(event('[data-product="coffee"] a', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('[data-product="coffee"] a span', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('[data-product="cake"] a', 'click'))).toEqual([]);
    // Without it, the selector alone would have counted the cake too.
    delete buy.steps[1]!.href;
    expect(posthog.matchEvent(event('[data-product="cake"] a', 'click'))).toEqual(['Spring sale · Buy']);
  });

  it('matches a text filter against any text of the chain, as elements_chain_texts holds them', async () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.targetSelectors = { posthog: 'a.buy', posthogFilters: { text: 'Buy coffee' } };
    await workspaceItem.setValue({ activities: [activity], currentActivityId: activity.id });
    expect((await pushActivityToPostHog('act_spring', { host: posthog.origin, projectId: '42' }, { timeoutMs: 5_000 })).ok).toBe(true);
    // The span's own text is “coffee”; the link above it carries “Buy coffee”: the step counts it.
    expect(posthog.matchEvent(event('[data-product="coffee"] a span', 'click'))).toEqual(['Spring sale · Buy']);
    expect(posthog.matchEvent(event('[data-product="cake"] a', 'click'))).toEqual([]);
  });
});
