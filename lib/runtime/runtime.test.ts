import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliver, parseDestinations, type Conversion } from './destinations';
import type { CountedActivity } from './match';
import { startGoalpost } from './runtime';
import { randomId, visitorMemory } from './visitor';

// The site runtime (issue 13) in happy-dom: what reaches dataLayer / posthog / a beacon, and that
// the page's own handlers and default actions are untouched.
const PAGE = 'https://shop.example/products/tea?ref=mail#reviews';
const ACTIVITY: CountedActivity = {
  id: 'act_spring',
  scopes: [{ kind: 'prefix', value: 'https://shop.example/products/' }],
  metrics: [
    { id: 'm_buy', name: 'Buy', counting: 'once', elementIds: ['el_buy'] },
    { id: 'm_share', name: 'Shares', counting: 'every', elementIds: ['el_share'] },
  ],
  elements: [
    { id: 'el_buy', selector: '#buy', action: { kind: 'click' } },
    { id: 'el_share', selector: '.share', action: { kind: 'click' } },
  ],
};
type Scope = { dataLayer?: object[]; posthog?: { capture(event: string, properties: object): void }; __goalpostRuntime?: unknown };
const scope = () => window as unknown as Scope;

describe('the runtime', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
    document.body.innerHTML = '<button id="buy">Buy</button><button class="share">Share</button><a class="share" href="mailto:a@shop.example">Mail</a>';
    localStorage.clear();
    delete scope().dataLayer;
    delete scope().posthog;
  });
  afterEach(() => stop());

  it('pushes each conversion to dataLayer with exactly the documented fields', () => {
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    (document.querySelector('button.share') as HTMLElement).click();
    (document.querySelector('button.share') as HTMLElement).click();
    expect(scope().dataLayer).toEqual([
      { event: 'goalpost_conversion', metric_id: 'm_share', metric_name: 'Shares', activity_id: 'act_spring', page_url: 'https://shop.example/products/tea?ref=mail', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
      expect.objectContaining({ metric_id: 'm_share' }),
    ]);
    // Every-click metrics carry no visitor id, and none is created for them.
    expect(Object.keys(scope().dataLayer![0]!)).not.toContain('visitor_id');
    expect(localStorage.getItem('goalpost:visitor')).toBeNull();
  });

  it('counts a once-per-visitor metric once, with a random visitor id kept in first-party storage', () => {
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    const buy = document.getElementById('buy')!;
    buy.click();
    buy.click();
    expect(scope().dataLayer).toEqual([expect.objectContaining({ metric_id: 'm_buy', visitor_id: expect.stringMatching(/^[0-9a-f]{32}$/) })]);
    expect(localStorage.getItem('goalpost:visitor')).toBe((scope().dataLayer![0] as Conversion).visitor_id);
    expect(localStorage.getItem('goalpost:counted:act_spring')).toBe('m_buy');
    expect(document.cookie).toBe('');
    // A later page load of the same visitor: still counted.
    stop();
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    buy.click();
    expect(scope().dataLayer).toHaveLength(1);
  });

  it('sends nothing for a mailto link or outside the scope', () => {
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    (document.querySelector('a.share') as HTMLElement).click();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://shop.example/about');
    document.getElementById('buy')!.click();
    expect(scope().dataLayer ?? []).toEqual([]);
  });

  it('lets the page’s own handlers run and never cancels or stops the event', () => {
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    const seen: string[] = [];
    const buy = document.getElementById('buy')!;
    buy.addEventListener('click', (event) => seen.push(`button:${event.defaultPrevented}`));
    document.addEventListener('click', (event) => seen.push(`document:${event.defaultPrevented}`));
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    expect(buy.dispatchEvent(event)).toBe(true);
    expect(seen).toEqual(['button:false', 'document:false']);
    expect(scope().dataLayer).toHaveLength(1);
  });

  it('hands conversions to posthog.capture when PostHog is on the page, and warns once when it is not', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'posthog' }] });
    (document.querySelector('button.share') as HTMLElement).click();
    (document.querySelector('button.share') as HTMLElement).click();
    expect(warn.mock.calls).toEqual([['Goalpost: PostHog is not on this page']]);
    const capture = vi.fn();
    scope().posthog = { capture };
    (document.querySelector('button.share') as HTMLElement).click();
    expect(capture).toHaveBeenCalledWith('goalpost conversion', expect.objectContaining({ metric_id: 'm_share', metric_name: 'Shares' }));
    warn.mockRestore();
  });

  it('does not count twice when the same activity is started twice, and stops cleanly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    stop = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    const second = startGoalpost({ activity: ACTIVITY, destinations: [{ kind: 'dataLayer' }] });
    (document.querySelector('button.share') as HTMLElement).click();
    expect(scope().dataLayer).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('Goalpost: “act_spring” is already counted on this page');
    second();
    stop();
    (document.querySelector('button.share') as HTMLElement).click();
    expect(scope().dataLayer).toHaveLength(1);
    warn.mockRestore();
  });
});

describe('destinations', () => {
  const conversion: Conversion = { metric_id: 'm', metric_name: 'M', activity_id: 'a', page_url: 'https://shop.example/', timestamp: '2026-01-01T00:00:00.000Z' };

  it('reads datalayer, posthog and URLs, and says what is wrong otherwise', () => {
    expect(parseDestinations('datalayer, PostHog /collect', 'https://shop.example/p')).toEqual([
      { kind: 'dataLayer' }, { kind: 'posthog' }, { kind: 'beacon', url: 'https://shop.example/collect' },
    ]);
    expect(parseDestinations('gtm', 'https://shop.example/')).toEqual({ error: '“gtm” is not a destination: use datalayer, posthog or an http(s) URL' });
    expect(parseDestinations('ftp://x.example/', 'https://shop.example/')).toHaveProperty('error');
    expect(parseDestinations('  ', 'https://shop.example/')).toHaveProperty('error');
  });

  it('sends a beacon with the conversion as its body, or a keepalive fetch when the beacon is refused', () => {
    const sendBeacon = vi.fn(() => true);
    const fetch = vi.fn(() => Promise.resolve(new Response()));
    const win = { navigator: { sendBeacon }, fetch } as unknown as Window;
    expect(deliver(conversion, [{ kind: 'beacon', url: 'https://collect.example/hit' }], win)).toEqual([]);
    expect(sendBeacon).toHaveBeenCalledWith('https://collect.example/hit', JSON.stringify(conversion));
    expect(fetch).not.toHaveBeenCalled();
    sendBeacon.mockReturnValue(false);
    deliver(conversion, [{ kind: 'beacon', url: 'https://collect.example/hit' }], win);
    expect(fetch).toHaveBeenCalledWith('https://collect.example/hit', expect.objectContaining({ method: 'POST', keepalive: true, credentials: 'omit', body: JSON.stringify(conversion) }));
  });

  it('keeps going when one destination throws, and reports it', () => {
    const win = { posthog: { capture: () => { throw new Error('not ready'); } } } as unknown as Window & Scope;
    expect(deliver(conversion, [{ kind: 'posthog' }, { kind: 'dataLayer' }], win)).toEqual(['posthog: Error: not ready']);
    expect(win.dataLayer).toHaveLength(1);
  });
});

describe('visitor memory', () => {
  it('lasts for the page when storage is refused', () => {
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } } as unknown as Storage;
    for (const storage of [refusing, null]) {
      const memory = visitorMemory('act', storage, () => 'v1');
      expect(memory.counted('m')).toBe(false);
      memory.remember('m');
      memory.remember('n');
      expect(memory.counted('m') && memory.counted('n')).toBe(true);
      expect(memory.visitorId()).toBe('v1');
    }
  });

  it('makes 128-bit random ids', () => {
    expect(randomId()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomId()).not.toBe(randomId());
  });
});
