import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { screenshot, waitFor } from './helpers';
import { serveFixtures } from './server';

// Issue 12 end to end: with a row's page open, the panel checks the row against PostHog's matching
// (page agent `posthogCheck`), stores the PostHog selector it writes for an element the main
// selector would miss in PostHog, and shows both in the row; an element autocapture never records
// is flagged. Chromium and Firefox, at a side-panel width.
describe.each(BROWSERS)('PostHog note in the row in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
    await session.panel.setViewport({ width: 400, height: 900 });
    const pageUrl = server.url('posthog-shop.html');
    const element = (id: string, selector: string) => ({ id, selector, action: { kind: 'click' }, label: selector, pageUrl, createdAt: 1 });
    await session.panel.evaluate(async (workspace) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ workspace, workspace$: { v: 1 } });
    }, {
      activities: [{
        id: 'act_ph', name: 'PostHog shop', scopes: [{ kind: 'prefix', value: server.origin }], pages: [pageUrl],
        elements: [
          element('el_tea', 'a.buy[data-sku="tea"]'), element('el_go', 'section button'), element('el_card', '#card'),
          // Checked on an earlier visit: `a.icon` alone counts both icons in PostHog, the href filter only this one.
          { ...element('el_mail', 'li:nth-child(1) > a.icon'), targetSelectors: { posthog: 'a.icon', posthogFilters: { href: '/go?to=mail' } } },
        ],
        metrics: [{ id: 'm', name: 'Buy', counting: 'every', elementIds: ['el_tea', 'el_go', 'el_card', 'el_mail'] }],
        createdAt: 1, updatedAt: 1,
      }],
      currentActivityId: 'act_ph',
    });
    page = await session.openPage(pageUrl);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`[${name}] writes a PostHog selector for rows PostHog would miss, and flags what autocapture never records`, async () => {
    const panel = session.panel;
    await panel.bringToFront();
    // Firefox has no toolbar-click hook in tests: the user allows the site from the panel's notice.
    if (await waitFor('the page access state', async () => (await panel.$('[data-testid=page-access][data-state=no-access]')) ?? (await panel.$('[data-testid=match-count]')), 10_000).catch(() => null)) {
      const allow = await panel.$('[data-testid=allow-site]');
      if (allow) await allow.click();
    }
    const notes = async () => panel.$$eval('[data-testid=element-row]', (rows) => rows.map((row) => {
      const note = row.querySelector('[data-testid=target-note]');
      return {
        kind: note?.getAttribute('data-kind') ?? null, text: note?.textContent ?? '', twin: row.querySelector('[data-testid=posthog-selector]')?.textContent ?? null,
        filters: row.querySelector('[data-testid=posthog-filters]')?.textContent ?? null,
      };
    }));
    const ready = await waitFor('the PostHog notes of the four rows', async () => {
      const current = await notes();
      return current.length === 4 && current[0]!.kind === 'twin' && current[1]!.kind === 'twin' && current[2]!.kind === 'warn' && current[3]!.kind === 'twin' ? current : null;
    }, 30_000);
    expect(ready[2]!.text).toMatch(/PostHog cannot count it: autocapture records clicks only on links, buttons/);
    // The twins stored with the elements match only their own element on the page.
    const stored = await panel.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.storage.local.get('workspace')).workspace.activities[0].elements.map((element: any) => [element.targetSelectors?.posthog ?? null, element.targetLimits?.posthog ?? null]);
    });
    expect(stored[0]![0]).toBe(ready[0]!.twin);
    expect(stored[1]![0]).toBe(ready[1]!.twin);
    expect(stored[2]![1]).toMatch(/^autocapture records clicks only/);
    // The stored twin and its href filter still count exactly the mail icon on the live page: kept, and shown beside it.
    expect(ready[3]).toMatchObject({ twin: 'a.icon', filters: 'href = “/go?to=mail”' });
    expect(ready[3]!.text).toMatch(/PostHog uses another selector for it, with filters/);
    const mail = await panel.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return (await api.storage.local.get('workspace')).workspace.activities[0].elements[3].targetSelectors;
    });
    expect(mail).toEqual({ posthog: 'a.icon', posthogFilters: { href: '/go?to=mail' } });
    for (const index of [0, 1]) {
      const twin = stored[index]![0] as string;
      expect(await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((node) => node.matches('a[data-sku="tea"], button.go')), twin)).toEqual([true]);
    }
    await screenshot(panel, `${name}-posthog-note`);
    await panel.$$eval('[data-testid=element-row]', (rows) => rows[3]!.scrollIntoView({ block: 'center' }));
    await screenshot(panel, `${name}-posthog-filters`);
    // The narrowest side panel: the selector, its filter and the note wrap without sideways scrolling.
    await panel.setViewport({ width: 320, height: 900 });
    await panel.$$eval('[data-testid=element-row]', (rows) => rows[3]!.scrollIntoView({ block: 'center' }));
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(panel, `${name}-posthog-filters-320`);
  });
});
