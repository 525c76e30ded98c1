import { describe, expect, it } from 'vitest';
import { API_ONLY_WARNING, toAdobeTargetActivity } from './adobe-target';
import { twoMetricActivity } from './test-data';

// Field by field against the Admin API v3 A/B activity (adobe/aio-lib-target createABActivity with
// Content-Type application/vnd.adobe.target.v3+json; Adobe's examples: primary goal metricLocalId
// 32767, `mboxes: []` on a click-tracking metric, `clickTrackSelectors[].selector`).
describe('Adobe Target A/B activity', () => {
  it('is a complete activity body: saved, global mbox location, two experiences, the metrics', () => {
    const result = toAdobeTargetActivity(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value).toEqual({
      name: 'Spring sale',
      state: 'saved',
      priority: 0,
      options: [],
      locations: { mboxes: [{ locationLocalId: 0, name: 'target-global-mbox' }] },
      experiences: [
        { experienceLocalId: 0, name: 'Experience A', audienceIds: [], visitorPercentage: 50, optionLocations: [] },
        { experienceLocalId: 1, name: 'Experience B', audienceIds: [], visitorPercentage: 50, optionLocations: [] },
      ],
      metrics: [
        {
          metricLocalId: 32767,
          name: 'Buy',
          conversion: true,
          action: { type: 'count_once' },
          mboxes: [],
          clickTrackSelectors: [{ selector: '#buy-tea' }, { selector: '[data-product="coffee"] > a.buy' }],
        },
        {
          metricLocalId: 1,
          name: 'Subscribe',
          conversion: true,
          action: { type: 'count_landings' },
          mboxes: [],
          clickTrackSelectors: [{ selector: 'form.card' }],
        },
      ],
    });
    for (const metric of result.value.metrics) expect(Object.keys(metric)).toEqual(['metricLocalId', 'name', 'conversion', 'action', 'mboxes', 'clickTrackSelectors']);
    expect(result.value.experiences.reduce((sum, experience) => sum + experience.visitorPercentage, 0)).toBe(100);
  });

  it('warns that the activity can then only be edited through the API, and carries what Target cannot express as steps', () => {
    const result = toAdobeTargetActivity(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.warnings[0]).toBe(API_ONLY_WARNING);
    expect(result.warnings).toContain('Adobe Target has no “within 30 s of page load” rule: metric “Subscribe” is exported without its time window.');
    expect(result.warnings).toContain('Target restricts an activity to pages with an audience, not in the activity itself: create an audience “Page URL starts with https://shop.example/products/” and put its id in locations.mboxes[0].audienceIds before sending.');
    expect(result.warnings.join(' ')).toMatch(/is a form: Target counts clicks on it, not its submits/);
  });

  it('splits selector lists into one click-track selector each, without repeats', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = '#buy-tea, .buy';
    activity.elements[1]!.selector = '.buy';
    const result = toAdobeTargetActivity(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.metrics[0]!.clickTrackSelectors).toEqual([{ selector: '#buy-tea' }, { selector: '.buy' }]);
  });

  it('leaves out elements in shadow roots or frames by name, and refuses a metric left empty', () => {
    const activity = twoMetricActivity();
    activity.elements[1]!.shadowHosts = ['shop-widget'];
    const result = toAdobeTargetActivity(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.metrics[0]!.clickTrackSelectors).toEqual([{ selector: '#buy-tea' }]);
    expect(result.warnings).toContain('a.buy "Buy coffee" is inside a shadow root: Target’s click tracking does not see it; it is left out.');
    activity.elements[2]!.frames = ['iframe'];
    expect(toAdobeTargetActivity(activity)).toEqual({ ok: false, problems: ['Metric “Subscribe”: none of its elements can be seen by Target’s click tracking (all are inside shadow roots or frames).'] });
  });

  it('refuses an activity without metrics', () => {
    const activity = { ...twoMetricActivity(), metrics: [] };
    expect(toAdobeTargetActivity(activity)).toEqual({ ok: false, problems: ['The activity has no goal metrics yet: group its elements into a metric first.'] });
  });
});
