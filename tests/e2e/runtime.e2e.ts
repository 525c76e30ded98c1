import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { CanonicalActivity } from '../../lib/export/canonical';
import { scriptTag } from '../../lib/runtime/snippet';
import { bundleRuntime, RUNTIME_GZIP_BUDGET } from '../../scripts/runtime-bundle';
import { BROWSERS } from './browsers';
import { ARTIFACTS, waitFor } from './helpers';
import { launchPlain, measureNavigations, median, serveRuntimeSite, shopActivity, type RuntimeSite } from './runtime-support';

// Issue 13, "Done when": the runtime on a page served from 127.0.0.1 with a local receiver, a link, a
// form, a button with its own analytics-style click handler, a mailto link and an element added after
// load. Each event reaches the receiver, dataLayer and PostHog exactly as the counting rule says; the
// page's own handler runs; the link navigates and the form submits with ≤ 10 ms added, measured
// against the same page without the runtime in the same run.

const DESTINATION = 'datalayer posthog /collect';
const ROUNDS = 12;
const MAX_ADDED_MS = 10;
/** The coarsest clock step of the browsers under test (Firefox: 1 ms), with a margin. */
const CLOCK_GRAIN_MS = 2;

/** What the page's own GTM-style dataLayer and PostHog saw, kept across navigations in sessionStorage. */
async function pageAnalytics(page: Page): Promise<{ dataLayer: Record<string, unknown>[]; posthog: { event: string; properties: Record<string, unknown> }[] }> {
  return page.evaluate(() => ({
    dataLayer: JSON.parse(sessionStorage.getItem('dataLayer') || '[]'),
    posthog: JSON.parse(sessionStorage.getItem('posthog') || '[]'),
  }));
}

describe.each(BROWSERS)('the runtime in %s', (name) => {
  let site: RuntimeSite;
  let plain: Awaited<ReturnType<typeof launchPlain>>;
  let page: Page;
  let activity: CanonicalActivity;
  const conversions = () => site.received.filter((hit) => hit.path === '/collect').map((hit) => JSON.parse(hit.body) as Record<string, unknown>);
  const click = async (selector: string) => {
    await page.waitForSelector(selector);
    await page.click(selector);
  };
  const clickAndNavigate = async (selector: string) => {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
  };
  const loadShop = async (runtime: boolean) => {
    await page.goto(site.url(`shop.html?runtime=${runtime ? 1 : 0}`), { waitUntil: 'load' });
  };

  beforeAll(async () => {
    const bundle = await bundleRuntime();
    expect(bundle.gzip).toBeLessThanOrEqual(RUNTIME_GZIP_BUDGET);
    site = await serveRuntimeSite();
    activity = shopActivity(site.origin);
    // Exactly the tag the export dialog offers: the runtime inline, the activity in an attribute.
    site.setTag(scriptTag(activity, DESTINATION, { code: bundle.standalone }));
    site.setFile('/goalpost-runtime.js', bundle.standalone, 'text/javascript');
    site.setFile('/goals/shop.goalpost.json', JSON.stringify(activity), 'application/json');
    plain = await launchPlain(name);
    page = await plain.browser.newPage();
    plain.console.watchPage(page);
  });
  afterAll(async () => {
    await plain?.close();
    await site?.close();
  });

  it(`[${name}] counts a click on a button that has its own analytics handler, and that handler still runs`, async () => {
    await loadShop(true);
    await page.evaluate(() => {
      sessionStorage.clear();
      localStorage.clear();
    });
    await click('#add-to-cart');
    await waitFor('the conversion at the receiver', () => conversions().length === 1);
    // The page's own handler ran: its own dataLayer push and its own beacon arrived.
    await waitFor('the page’s own beacon', () => site.received.some((hit) => hit.path === '/collect?source=page'));
    const { dataLayer, posthog } = await pageAnalytics(page);
    expect(dataLayer.map((entry) => entry.event)).toEqual(['goalpost_conversion', 'add_to_cart']);
    expect(posthog.map((entry) => [entry.event, entry.properties.metric_id])).toEqual([['goalpost conversion', 'm_cart']]);
    const [conversion] = conversions();
    // Exactly the documented fields, nothing else (README, privacy).
    expect(conversion).toEqual({
      metric_id: 'm_cart', metric_name: 'Add to cart', activity_id: 'act_shop', page_url: site.url('shop.html?runtime=1'),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(site.received.find((hit) => hit.path === '/collect')?.contentType).toMatch(/^text\/plain/);
    expect(dataLayer[0]).toEqual({ event: 'goalpost_conversion', ...conversion });
  });

  it(`[${name}] counts a click within the window, an element added after load, and not a mailto link`, async () => {
    const sinceLoad = await page.evaluate(() => performance.now());
    expect(sinceLoad, 'the page is still inside the 5 s window').toBeLessThan(4_000);
    await click('#quick');
    await click('#late-offer strong');
    await click('#contact');
    await waitFor('two more conversions', () => conversions().length === 3);
    expect(conversions().slice(1).map((conversion) => conversion.metric_id)).toEqual(['m_quick', 'm_offer']);
  });

  it(`[${name}] does not count a click after the window`, async () => {
    await page.waitForFunction(() => performance.now() > 5_500, { timeout: 10_000 });
    await click('#quick');
    // Something that does count, sent after it: when it arrives, the late click would have too.
    await click('#add-to-cart');
    await waitFor('the next conversion', () => conversions().length === 4);
    expect(conversions().map((conversion) => conversion.metric_id)).toEqual(['m_cart', 'm_quick', 'm_offer', 'm_cart']);
  });

  it(`[${name}] counts a link click and the link navigates; a link marked data-goalpost-no-track navigates uncounted`, async () => {
    await clickAndNavigate('#news');
    expect(page.url()).toBe(site.url('thanks?from=news'));
    await loadShop(true);
    await clickAndNavigate('#checkout');
    expect(page.url()).toBe(site.url('thanks?from=checkout'));
    await waitFor('the checkout conversion', () => conversions().length === 5);
    expect(conversions()[4]).toMatchObject({ metric_id: 'm_checkout', metric_name: 'Checkout' });
  });

  it(`[${name}] counts a form submission once per visitor, with a visitor id, and the form submits`, async () => {
    await loadShop(true);
    await clickAndNavigate('#signup-button');
    expect(page.url()).toBe(site.url('thanks?email=ada%40shop.example'));
    await loadShop(true);
    await clickAndNavigate('#signup-button');
    await loadShop(true);
    await click('#add-to-cart');
    await waitFor('the sign-up and the next cart conversion', () => conversions().length === 7);
    const all = conversions();
    expect(all.map((conversion) => conversion.metric_id)).toEqual(['m_cart', 'm_quick', 'm_offer', 'm_cart', 'm_checkout', 'm_signup', 'm_cart']);
    const signup = all[5]!;
    expect(Object.keys(signup).sort()).toEqual(['activity_id', 'metric_id', 'metric_name', 'page_url', 'timestamp', 'visitor_id']);
    expect(signup.visitor_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await page.evaluate(() => localStorage.getItem('goalpost:visitor'))).toBe(signup.visitor_id);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // dataLayer and PostHog got exactly what the receiver got, in the same order.
    const { dataLayer, posthog } = await pageAnalytics(page);
    expect(dataLayer.filter((entry) => entry.event === 'goalpost_conversion').map((entry) => entry.metric_id)).toEqual(all.map((conversion) => conversion.metric_id));
    expect(posthog.map((entry) => entry.properties.metric_id)).toEqual(all.map((conversion) => conversion.metric_id));
  });

  it(`[${name}] loads the activity from a URL given on a hosted script tag`, async () => {
    site.setTag(`<script src="/goalpost-runtime.js" data-goalpost-destination="/collect" data-goalpost-activity="/goals/shop.goalpost.json"></script>`);
    const before = conversions().length;
    await loadShop(true);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/goals/shop.goalpost.json')));
    await click('#add-to-cart');
    await waitFor('the conversion from the hosted runtime', () => conversions().length === before + 1);
    expect(conversions().at(-1)).toMatchObject({ metric_id: 'm_cart' });
    site.setTag(scriptTag(activity, DESTINATION, { code: (await bundleRuntime()).standalone }));
  });

  it(`[${name}] adds ≤ ${MAX_ADDED_MS} ms to a link's navigation and a form's submission (same page without the runtime, same run)`, async () => {
    const samples = await measureNavigations(page, site, ROUNDS);
    const report = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, {
      navigateMedianMs: round2(median(values.navigate)), dispatchMedianMs: round2(median(values.dispatch)),
    }]));
    const added = {
      link: round2(report['link with']!.navigateMedianMs - report['link without']!.navigateMedianMs),
      form: round2(report['form with']!.navigateMedianMs - report['form without']!.navigateMedianMs),
      linkDispatch: round2(report['link with']!.dispatchMedianMs - report['link without']!.dispatchMedianMs),
      formDispatch: round2(report['form with']!.dispatchMedianMs - report['form without']!.dispatchMedianMs),
    };
    const result = { browser: name, rounds: ROUNDS, loadAverage: loadavg().map(round2), report, addedMs: added };
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, `runtime-timing-${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result));
    expect(added.link).toBeLessThanOrEqual(MAX_ADDED_MS);
    expect(added.form).toBeLessThanOrEqual(MAX_ADDED_MS);
    // The navigations really happened in every round, with and without the runtime. Firefox's clocks
    // are coarsened to 1 ms (privacy.reduceTimerPrecision), so two of its readings can differ by -1 ms.
    for (const values of Object.values(samples)) expect(values.navigate.filter((ms) => !(Number.isFinite(ms) && ms >= -CLOCK_GRAIN_MS))).toEqual([]);
  });
});

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
