import { describe, expect, it } from 'vitest';
import { clickSelector, serializeGtm, toGtmContainer } from './gtm';
import { twoMetricActivity } from './test-data';

// Field-by-field check against the documented container import shape (PRODUCT.md §4).
describe('GTM container import file', () => {
  it('has exactly the documented top-level shape', () => {
    const result = toGtmContainer(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(Object.keys(result.value)).toEqual(['exportFormatVersion', 'containerVersion']);
    expect(result.value.exportFormatVersion).toBe(2);
    expect(Object.keys(result.value.containerVersion)).toEqual(['trigger', 'builtInVariable']);
    expect(result.value.containerVersion.builtInVariable).toEqual([
      { type: 'CLICK_ELEMENT', name: 'Click Element' },
      { type: 'PAGE_URL', name: 'Page URL' },
    ]);
  });

  it('writes one trigger per metric with a CSS_SELECTOR filter on {{Click Element}}', () => {
    const result = toGtmContainer(twoMetricActivity());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const [buy, subscribe] = result.value.containerVersion.trigger;
    expect(result.value.containerVersion.trigger).toHaveLength(2);
    expect(buy).toEqual({
      name: 'Spring sale · Buy',
      type: 'CLICK',
      filter: [
        {
          type: 'CSS_SELECTOR',
          parameter: [
            { type: 'TEMPLATE', key: 'arg0', value: '{{Click Element}}' },
            { type: 'TEMPLATE', key: 'arg1', value: '#buy-tea, #buy-tea *, [data-product="coffee"] > a.buy, [data-product="coffee"] > a.buy *' },
          ],
        },
        {
          type: 'MATCH_REGEX',
          parameter: [
            { type: 'TEMPLATE', key: 'arg0', value: '{{Page URL}}' },
            { type: 'TEMPLATE', key: 'arg1', value: '^https://shop\\.example/products/' },
          ],
        },
      ],
    });
    expect(subscribe!.type).toBe('CLICK');
    expect(result.warnings.join(' ')).toMatch(/within 30 s/);
    expect(result.warnings.join(' ')).toMatch(/form submit/);
  });

  it('uses LINK_CLICK when every element of the metric is a link, and no page filter without scopes', () => {
    const activity = twoMetricActivity();
    activity.scopes = [];
    activity.metrics = [{ id: 'm', name: 'Coffee', counting: 'every', elementIds: ['el_coffee'] }];
    const result = toGtmContainer(activity);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.containerVersion.trigger[0]!.type).toBe('LINK_CLICK');
    expect(result.value.containerVersion.trigger[0]!.filter).toHaveLength(1);
    expect(result.value.containerVersion.builtInVariable).toEqual([{ type: 'CLICK_ELEMENT', name: 'Click Element' }]);
    expect(result.warnings).toEqual([]);
  });

  it('matches children of every selector in a list', () => {
    expect(clickSelector(['a, b', 'a'])).toBe('a, a *, b, b *');
  });

  it('refuses selectors outside the portable dialect, and empty or same-named metrics, before writing', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = 'button:hover';
    activity.metrics.push({ id: 'm3', name: 'Buy', counting: 'once', elementIds: [] });
    const result = toGtmContainer(activity);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'Metric “Buy”: Google Tag Manager cannot use “button:hover”: the pseudo-class “:hover” is not supported (only :nth-child(n) and :nth-of-type(n)).',
      'Two metrics are named “Buy”; the target identifies metrics by name, so rename one.',
      'Metric “Buy” has no elements.',
    ]);
  });

  it('serializes deterministically', () => {
    const result = toGtmContainer(twoMetricActivity());
    if (!result.ok) throw new Error('unexpected');
    expect(serializeGtm(result.value)).toBe(serializeGtm(structuredClone(result.value)));
    expect(serializeGtm(result.value).endsWith('}\n')).toBe(true);
  });
});
