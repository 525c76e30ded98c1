import { describe, expect, it } from 'vitest';
import { toPostHogActions } from './posthog';
import { twoMetricActivity } from './test-data';

const CLICK = [{ key: '$event_type', value: 'click', operator: 'exact', type: 'event' }];
const SUBMIT = [{ key: '$event_type', value: 'submit', operator: 'exact', type: 'event' }];

describe('PostHog actions', () => {
  it('writes one action per metric, one $autocapture step per selector and scope', () => {
    const result = toPostHogActions(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value).toEqual([
      {
        name: 'Spring sale · Buy',
        steps: [
          { event: '$autocapture', selector: '#buy-tea', url: '^https://shop\\.example/products/', url_matching: 'regex', properties: CLICK },
          { event: '$autocapture', selector: '[data-product="coffee"] > a.buy', url: '^https://shop\\.example/products/', url_matching: 'regex', tag_name: 'a', properties: CLICK },
        ],
      },
      {
        name: 'Spring sale · Subscribe',
        steps: [{ event: '$autocapture', selector: 'form.card', url: '^https://shop\\.example/products/', url_matching: 'regex', properties: SUBMIT }],
      },
    ]);
  });

  it('maps exact, prefix and wildcard scopes, and falls back to the picked page without scopes', () => {
    const activity = twoMetricActivity();
    activity.metrics = [{ id: 'm', name: 'Tea', counting: 'once', elementIds: ['el_tea'] }];
    activity.scopes = [
      { kind: 'exact', value: 'https://shop.example/a?b=1' },
      { kind: 'pattern', value: 'https://*.shop.example/p/*' },
    ];
    const scoped = toPostHogActions(activity);
    if (!scoped.ok) throw new Error('unexpected');
    expect(scoped.value[0]!.steps.map((step) => [step.url, step.url_matching])).toEqual([
      ['https://shop.example/a?b=1', 'exact'],
      ['^https://.*\\.shop\\.example/p/.*$', 'regex'],
    ]);
    activity.scopes = [];
    activity.elements[0]!.pageUrl = 'https://shop.example/tea?utm=x#top';
    const unscoped = toPostHogActions(activity);
    if (!unscoped.ok) throw new Error('unexpected');
    expect(unscoped.value[0]!.steps).toEqual([{ event: '$autocapture', selector: '#buy-tea', url: 'https://shop.example/tea', url_matching: 'contains', properties: CLICK }]);
    expect(unscoped.warnings.join(' ')).toMatch(/no URL scope/);
  });

  it('refuses selectors outside PostHog’s matcher subset before sending, naming the reason', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.selector = 'a[href^="/checkout"]';
    const result = toPostHogActions(activity);
    expect(result).toEqual({
      ok: false,
      problems: ['Metric “Buy”: PostHog cannot use “a[href^="/checkout"]”: [href^=…] is not supported: use [href="value"] with “=” only.'],
    });
  });

  it('sends the element’s PostHog twin instead of its selector', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.selector = 'div.offer a.buy[data-id="coffee"]';
    activity.elements[1]!.targetSelectors = { posthog: '[data-id="coffee"]' };
    const result = toPostHogActions(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value[0]!.steps.map((step) => step.selector)).toEqual(['#buy-tea', '[data-id="coffee"]']);
  });

  it('sends the href / text filters checked with the twin, matched exactly, and none without a check', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.targetSelectors = { posthog: 'a.buy', posthogFilters: { href: '/checkout?item=coffee', text: 'Buy coffee' } };
    const result = toPostHogActions(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value[0]!.steps[1]).toMatchObject({ selector: 'a.buy', href: '/checkout?item=coffee', href_matching: 'exact', text: 'Buy coffee', text_matching: 'exact' });
    expect(result.value[0]!.steps[0]).not.toHaveProperty('href');
    // Filters stored without their selector (never written so) are not sent on their own.
    activity.elements[1]!.targetSelectors = { posthogFilters: { href: '/x' } };
    const unchecked = toPostHogActions(activity);
    expect(unchecked.ok && unchecked.value[0]!.steps.some((step) => 'href' in step)).toBe(false);
  });

  it('refuses what PostHog would never count, with the reason and the way out', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.selector = 'a.buy[data-id="coffee"]';
    const result = toPostHogActions(activity);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^Metric “Buy”: PostHog would never count “a\.buy\[data-id="coffee"\]”: “a\.buy\[data-id="coffee"\]” has a class or id beside an attribute.*Open its page with the panel/);
  });

  it('refuses an element autocapture does not record, found on its page', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.targetLimits = { posthog: 'autocapture records clicks only on links, buttons, …' };
    const result = toPostHogActions(activity);
    expect(!result.ok && result.problems).toEqual([expect.stringMatching(/^Metric “Buy”: PostHog cannot count .*autocapture records clicks only on links/)]);
  });

  it('respects the input attribute rule: [placeholder] on a text field is refused', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = 'input[placeholder="Email"]';
    activity.elements[0]!.fingerprint = { tag: 'input', text: '', attributes: { type: 'email', placeholder: 'Email' }, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/input' };
    const result = toPostHogActions(activity);
    expect(!result.ok && result.problems.join(' ')).toMatch(/records only name, id, class and aria-label of a text field/);
  });

  it('refuses an action name over PostHog’s 400 characters', () => {
    const activity = twoMetricActivity();
    activity.name = 'x'.repeat(399);
    const result = toPostHogActions(activity);
    expect(!result.ok && result.problems.join(' ')).toMatch(/longer than PostHog’s 400 characters/);
  });

  it('warns about selectors whose PostHog meaning depends on the page when they were not checked there', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.selector = 'footer a.buy';
    const result = toPostHogActions(activity);
    expect(result.ok && result.warnings.join(' ')).toMatch(/reads this space as “>”.*not checked on its page yet/);
    activity.elements[1]!.targetSelectors = { posthog: 'footer a.buy' };
    const checked = toPostHogActions(activity);
    expect(checked.ok && checked.warnings.join(' ')).not.toMatch(/not checked on its page/);
  });
});
