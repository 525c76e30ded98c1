import { describe, expect, it } from 'vitest';
import { clickSelector, serializeGtm, toGtmContainer } from './gtm';
import { twoMetricActivity } from './test-data';

// Field by field against real GTM container exports (Admin → Export container, exportFormatVersion 2,
// e.g. the public exports of containers GTM-MXNVD4PJ and GTM-TNM9JZ3S): key order as GTM writes it,
// `exportTime` as "YYYY-MM-DD HH:MM:SS", ids as strings, fingerprints as millisecond timestamps.
const NOW = new Date('2026-12-05T09:30:15.123Z');

function container() {
  const result = toGtmContainer(twoMetricActivity(), NOW);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result;
}

describe('GTM container file as GTM writes it', () => {
  it('has the top level and containerVersion of a real export', () => {
    const { value } = container();
    expect(Object.keys(value)).toEqual(['exportFormatVersion', 'exportTime', 'containerVersion']);
    expect(value.exportFormatVersion).toBe(2);
    expect(value.exportTime).toBe('2026-12-05 09:30:15');
    expect(Object.keys(value.containerVersion)).toEqual(['path', 'accountId', 'containerId', 'containerVersionId', 'container', 'trigger', 'builtInVariable', 'fingerprint']);
    expect(value.containerVersion.path).toBe('accounts/0/containers/0/versions/0');
    expect(value.containerVersion.containerVersionId).toBe('0');
    expect(value.containerVersion.fingerprint).toBe(String(NOW.getTime()));
    expect(value.containerVersion.container).toEqual({
      path: 'accounts/0/containers/0', accountId: '0', containerId: '0', name: 'Spring sale', usageContext: ['WEB'], fingerprint: String(NOW.getTime()),
    });
  });

  it('writes a CLICK trigger with ids, filter and fingerprint, matching children of each selector', () => {
    const [buy] = container().value.containerVersion.trigger;
    expect(buy).toEqual({
      accountId: '0',
      containerId: '0',
      triggerId: '1',
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
      fingerprint: String(NOW.getTime()),
    });
    expect(Object.keys(buy!)).toEqual(['accountId', 'containerId', 'triggerId', 'name', 'type', 'filter', 'fingerprint']);
  });

  it('writes a form goal as FORM_SUBMISSION on {{Form Element}}, with the listener parameters', () => {
    const { value, warnings } = container();
    const subscribe = value.containerVersion.trigger[1]!;
    expect(Object.keys(subscribe)).toEqual(['accountId', 'containerId', 'triggerId', 'name', 'type', 'filter', 'waitForTags', 'checkValidation', 'waitForTagsTimeout', 'uniqueTriggerId', 'fingerprint']);
    expect(subscribe.type).toBe('FORM_SUBMISSION');
    expect(subscribe.filter[0]).toEqual({ type: 'CSS_SELECTOR', parameter: [{ type: 'TEMPLATE', key: 'arg0', value: '{{Form Element}}' }, { type: 'TEMPLATE', key: 'arg1', value: 'form.card' }] });
    expect(subscribe.waitForTags).toEqual({ type: 'BOOLEAN', value: 'false' });
    expect(subscribe.checkValidation).toEqual({ type: 'BOOLEAN', value: 'false' });
    expect(subscribe.waitForTagsTimeout).toEqual({ type: 'TEMPLATE', value: '2000' });
    expect(subscribe.uniqueTriggerId).toEqual({ type: 'TEMPLATE' });
    expect(value.containerVersion.builtInVariable).toEqual([
      { accountId: '0', containerId: '0', type: 'PAGE_URL', name: 'Page URL' },
      { accountId: '0', containerId: '0', type: 'CLICK_ELEMENT', name: 'Click Element' },
      { accountId: '0', containerId: '0', type: 'FORM_ELEMENT', name: 'Form Element' },
    ]);
    expect(warnings.join(' ')).toMatch(/within 30 s/);
  });

  it('uses LINK_CLICK with its parameters when every element is a link, and no page filter without scopes', () => {
    const activity = twoMetricActivity();
    activity.scopes = [];
    activity.metrics = [{ id: 'm', name: 'Coffee', counting: 'every', elementIds: ['el_coffee'] }];
    const result = toGtmContainer(activity, NOW);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const [link] = result.value.containerVersion.trigger;
    expect(link!.type).toBe('LINK_CLICK');
    expect(Object.keys(link!)).toEqual(['accountId', 'containerId', 'triggerId', 'name', 'type', 'filter', 'waitForTags', 'checkValidation', 'waitForTagsTimeout', 'uniqueTriggerId', 'fingerprint']);
    expect(link!.filter).toHaveLength(1);
    expect(result.value.containerVersion.builtInVariable.map((item) => item.type)).toEqual(['CLICK_ELEMENT']);
    expect(result.warnings).toEqual([]);
  });

  it('leaves out elements in shadow roots and frames, naming each', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.shadowHosts = ['shop-widget'];
    activity.elements[1]!.frames = ['iframe#offers'];
    activity.metrics = [{ id: 'm', name: 'Buy', counting: 'every', elementIds: ['el_tea', 'el_coffee', 'el_form'] }];
    const result = toGtmContainer(activity, NOW);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.value.containerVersion.trigger.map((trigger) => trigger.type)).toEqual(['FORM_SUBMISSION']);
    expect(result.warnings.filter((warning) => /left out of the GTM file/.test(warning))).toEqual([
      'button#buy-tea.buy "Buy tea" is inside a shadow root: GTM’s {{Click Element}} is its host, so no selector of the element can match; it is left out of the GTM file.',
      'a.buy "Buy coffee" is inside a frame: GTM’s listeners in the page do not see clicks there; it is left out of the GTM file.',
    ]);
  });

  it('matches children of every selector in a list', () => {
    expect(clickSelector(['a, b', 'a'])).toBe('a, a *, b, b *');
  });

  it('refuses selectors outside the portable dialect, and empty or same-named metrics, before writing', () => {
    const activity = twoMetricActivity();
    activity.elements[0]!.selector = 'button:hover';
    activity.metrics.push({ id: 'm3', name: 'Buy', counting: 'once', elementIds: [] });
    const result = toGtmContainer(activity, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'Metric “Buy”: Google Tag Manager cannot use “button:hover”: the pseudo-class “:hover” is not supported (only :nth-child(n) and :nth-of-type(n)).',
      'Two metrics are named “Buy”; the target identifies metrics by name, so rename one.',
      'Metric “Buy” has no elements.',
    ]);
  });

  it('serializes as GTM does (4-space indent, final newline), deterministically for a given time', () => {
    const { value } = container();
    expect(serializeGtm(value)).toBe(serializeGtm(structuredClone(value)));
    expect(serializeGtm(value).startsWith('{\n    "exportFormatVersion": 2,\n    "exportTime": "2026-12-05 09:30:15",')).toBe(true);
  });
});
