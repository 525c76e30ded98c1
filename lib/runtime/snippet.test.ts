import { describe, expect, it } from 'vitest';
import type { CanonicalActivity } from '../export/canonical';
import type { Activity } from '../goals/model';
import { scriptTagFor } from './script-tag-export';
import { scriptTag } from './snippet';

const ACTIVITY: CanonicalActivity = {
  format: 'goalpost/activity@1',
  id: 'act_tea',
  name: 'Tom’s "tea" & <coffee> \'sale\'',
  scopes: [{ kind: 'prefix', value: 'https://shop.example/?a=1&b=2' }],
  pages: ['https://shop.example/'],
  metrics: [{ id: 'm_buy', name: 'Buy \'now\'', counting: 'once', elementIds: ['el_buy'] }],
  elements: [{
    id: 'el_buy', selector: 'a[href="/buy?x=1&y=2"]', action: { kind: 'link', href: '/buy?x=1&y=2' }, label: 'Link “</script><b>”',
    pageUrl: 'https://shop.example/', targetSelectors: { posthog: 'a.buy' },
    fingerprint: { tag: 'a', text: 'Buy', attributes: {}, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/a' },
  }],
};

/** The tag as a browser parses it from the page's HTML. */
function parsed(html: string): HTMLScriptElement {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}<p id="after">after</p></body>`, 'text/html');
  const scripts = doc.querySelectorAll('script');
  expect(scripts).toHaveLength(1);
  expect(doc.getElementById('after')).not.toBeNull();
  return scripts[0]!;
}

describe('the copy-ready script tag', () => {
  it('holds the activity so that the browser reads back exactly its JSON, quotes, ampersands and all', () => {
    const script = parsed(scriptTag(ACTIVITY, 'datalayer https://collect.example/hit?k=1&v=2', { code: '(function(){window.ok=1})();' }));
    const { fingerprint: _f, targetSelectors: _t, ...lean } = ACTIVITY.elements[0]!;
    expect(JSON.parse(script.getAttribute('data-goalpost-activity')!)).toEqual({ ...ACTIVITY, elements: [lean] });
    expect(script.getAttribute('data-goalpost-destination')).toBe('datalayer https://collect.example/hit?k=1&v=2');
    expect(script.textContent).toBe('(function(){window.ok=1})();');
  });

  it('refers to a hosted runtime with src when asked', () => {
    const script = parsed(scriptTag(ACTIVITY, 'posthog', { src: '/js/goalpost-runtime.js' }));
    expect(script.getAttribute('src')).toBe('/js/goalpost-runtime.js');
    expect(script.textContent).toBe('');
  });

  it('refuses runtime code that would end the tag early', () => {
    expect(() => scriptTag(ACTIVITY, 'datalayer', { code: 'a="</script>"' })).toThrow(/cannot be pasted inline/);
  });
});

describe('the export dialog’s script tag for an activity', () => {
  const stored = (overrides: Partial<Activity> = {}): Activity => ({
    id: 'act_tea', name: 'Tea', createdAt: 1, updatedAt: 1, scopes: [{ kind: 'prefix', value: 'https://shop.example/' }], pages: ['https://shop.example/'],
    metrics: [{ id: 'm_buy', name: 'Buy', counting: 'once', elementIds: ['el_buy'] }],
    elements: [{ id: 'el_buy', selector: '#buy', action: { kind: 'click' }, label: 'Button “Buy”', pageUrl: 'https://shop.example/', createdAt: 1 }],
    ...overrides,
  });

  it('writes the tag for each destination', () => {
    for (const [choice, destination] of [[{ kind: 'datalayer' }, 'datalayer'], [{ kind: 'posthog' }, 'posthog'], [{ kind: 'beacon', url: ' https://collect.example/hit ' }, 'https://collect.example/hit']] as const) {
      const result = scriptTagFor(stored(), choice, 'void 0;');
      if (!result.ok) throw new Error(result.problem);
      expect(parsed(result.text).getAttribute('data-goalpost-destination')).toBe(destination);
      expect(result.warnings).toEqual([]);
    }
  });

  it('says what stands in the way: no metric, no full address, an http address for https pages', () => {
    expect(scriptTagFor(stored({ metrics: [] }), { kind: 'datalayer' }, 'void 0;')).toEqual({ ok: false, problem: expect.stringMatching(/^Add a goal metric first/) });
    expect(scriptTagFor(stored(), { kind: 'beacon', url: 'collect.example/hit' }, 'void 0;')).toEqual({ ok: false, problem: expect.stringMatching(/starting with https:\/\//) });
    expect(scriptTagFor(stored({ name: ' ' }), { kind: 'datalayer' }, 'void 0;')).toEqual({ ok: false, problem: expect.stringMatching(/cannot be written as a valid file yet/) });
    expect(scriptTagFor(stored(), { kind: 'beacon', url: 'http://collect.example/hit' }, 'void 0;')).toMatchObject({ ok: true, warnings: [expect.stringMatching(/mixed content/)] });
  });
});
