import { describe, expect, it } from 'vitest';
import { exportLimits } from './limits';
import { twoMetricActivity } from './test-data';

describe('per-target limits shown before export', () => {
  it('names, per target, the elements it leaves out or counts differently, in short grouped lines', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.shadowHosts = ['shop-widget'];
    activity.elements[0]!.label = 'Button “Buy tea”';
    activity.elements[1]!.label = 'Link “Buy coffee”';
    activity.elements[1]!.targetSelectors = { posthog: '[data-product="coffee"] > a' };
    const limits = exportLimits(activity);
    expect(limits.gtm).toEqual([
      '1 element: GTM cannot see elements inside a shadow root; they are left out (Button “Buy tea”)',
      '1 metric: GTM has no “within N s of page load” rule (“Subscribe”)',
    ]);
    expect(limits['adobe-target']).toContain('1 element: Target counts clicks on a form, not its submits (form.card "Subscribe")'.replace('form.card "Subscribe"', activity.elements[2]!.label));
    expect(limits['adobe-target']).toContain('The activity can then only be edited through Target’s API, not its UI');
    expect(limits.posthog).toContain('1 element: PostHog gets a selector of its own for them (shown in their rows) (Link “Buy coffee”)');
    activity.elements[1]!.targetSelectors = { posthog: '[data-product="coffee"] > a', posthogFilters: { href: '/checkout?item=coffee' } };
    expect(exportLimits(activity).posthog).toContain('1 element: PostHog also gets an href or text filter for them, beside the selector (shown in their rows) (Link “Buy coffee”)');
    expect(limits.goalpost).toEqual([]);
  });

  it('lists PostHog’s unrecorded elements and never-matching selectors', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.targetLimits = { posthog: 'autocapture records clicks only on links, buttons, …' };
    activity.elements[1]!.selector = 'a.buy[data-x="1"]';
    const limits = exportLimits(activity).posthog;
    expect(limits[0]).toMatch(/^1 element: PostHog’s autocapture records no click on them/);
    expect(limits[1]).toMatch(/^1 element: PostHog would never match their selector/);
  });
});
