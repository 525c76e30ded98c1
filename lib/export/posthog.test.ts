import { describe, expect, it } from 'vitest';
import { toPostHogActions } from './posthog';
import { twoMetricActivity } from './test-data';

describe('PostHog actions', () => {
  it('writes one action per metric, one $autocapture step per selector and scope', () => {
    const result = toPostHogActions(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value).toEqual([
      {
        name: 'Spring sale · Buy',
        steps: [
          { event: '$autocapture', selector: '#buy-tea', url: '^https://shop\\.example/products/', url_matching: 'regex' },
          { event: '$autocapture', selector: '[data-product="coffee"] > a.buy', url: '^https://shop\\.example/products/', url_matching: 'regex', tag_name: 'a' },
        ],
      },
      {
        name: 'Spring sale · Subscribe',
        steps: [{ event: '$autocapture', selector: 'form.card', url: '^https://shop\\.example/products/', url_matching: 'regex' }],
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
    expect(unscoped.value[0]!.steps).toEqual([{ event: '$autocapture', selector: '#buy-tea', url: 'https://shop.example/tea', url_matching: 'contains' }]);
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
});
