import { describe, expect, it } from 'vitest';
import { toAdobeTargetMetrics } from './adobe-target';
import { twoMetricActivity } from './test-data';

// Field-by-field check against the documented metric shape (PRODUCT.md §4).
describe('Adobe Target metrics', () => {
  it('writes one click-tracking metric per goal metric in the documented shape', () => {
    const result = toAdobeTargetMetrics(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value).toEqual({
      metrics: [
        {
          name: 'Buy',
          conversion: true,
          action: { type: 'count_once' },
          clickTrackSelectors: [{ selector: '#buy-tea' }, { selector: '[data-product="coffee"] > a.buy' }],
        },
        {
          name: 'Subscribe',
          conversion: true,
          action: { type: 'count_landings' },
          clickTrackSelectors: [{ selector: 'form.card' }],
        },
      ],
    });
    for (const metric of result.value.metrics) expect(Object.keys(metric)).toEqual(['name', 'conversion', 'action', 'clickTrackSelectors']);
    expect(result.warnings).toEqual(['Adobe Target has no “within 30 s of page load” rule: metric “Subscribe” is exported without its time window.']);
  });

  it('splits selector lists into one click-track selector each, without repeats', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = '#buy-tea, .buy';
    activity.elements[1]!.selector = '.buy';
    const result = toAdobeTargetMetrics(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.metrics[0]!.clickTrackSelectors).toEqual([{ selector: '#buy-tea' }, { selector: '.buy' }]);
  });

  it('refuses an activity without metrics', () => {
    const activity = { ...twoMetricActivity(), metrics: [] };
    expect(toAdobeTargetMetrics(activity)).toEqual({ ok: false, problems: ['The activity has no goal metrics yet: group its elements into a metric first.'] });
  });
});
