import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { outlinePixels, screenshot, waitFor, waitForDownload } from './helpers';
import { serveFixtures } from './server';

// The walking skeleton (issue 2): pick an element in a real browser and find it in the panel,
// across reloads, with the page's own handlers untouched.
describe.each(BROWSERS)('skeleton in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  let page: Page;
  let domBefore: string;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
    page = await session.openPage(server.url('shop.html'));
    domBefore = await page.evaluate(() => document.documentElement.outerHTML);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  // Firefox's sidebar is browser UI that WebDriver BiDi cannot see; lib/panel/open.test.ts covers it.
  if (name === 'chromium') it(`[${name}] opens the side panel from the toolbar button`, async () => {
    // openPage() clicked the toolbar button on the shop page; the real side panel is a page target.
    const target = await waitFor('the side panel target', () =>
      session.browser.targets().find((t) => t.url().endsWith('/sidepanel.html')));
    const sidePanel = (await target.asPage())!;
    await sidePanel.waitForSelector('[data-testid=pick]');
    expect(await sidePanel.$eval('h1', (h) => h.textContent)).toBe('Goalpost');
  });

  it(`[${name}] starts the picker from the panel`, async () => {
    await session.panel.bringToFront();
    await waitFor('the Pick button to be enabled', () => session.panel.$eval('[data-testid=pick]', (b) => !(b as HTMLButtonElement).disabled));
    await session.panel.click('[data-testid=pick]');
    await waitFor('the picker in the page', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') !== null));
    await waitFor('the panel to say picking', () => session.panel.$eval('[data-testid=pick]', (b) => b.textContent === 'Stop picking'));
  });

  it(`[${name}] outlines the hovered element`, async () => {
    await page.bringToFront();
    const button = (await page.$('#buy-tea'))!;
    const box = (await button.boundingBox())!;
    // The picker's frame takes a moment to load; like a user, keep moving over the button until it shows.
    let step = 0;
    const pixels = await waitFor('the outline around the button', async () => {
      await page.mouse.move(box.x + box.width / 2 + (step++ % 3), box.y + box.height / 2);
      const count = await outlinePixels(page, button);
      return count > 100 ? count : 0;
    });
    expect(pixels).toBeGreaterThan(100);
    await screenshot(page, `${name}-skeleton-hover`);
  });

  it(`[${name}] selects on click without running the page's handlers`, async () => {
    await page.click('#buy-tea');
    const selector = await waitFor('a row in the panel', () =>
      session.panel.$eval('[data-testid=selector]', (code) => code.textContent).catch(() => null));
    expect(selector).not.toContain('\\');
    const matches = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.id), selector!);
    expect(matches).toEqual(['buy-tea']);
    expect(await page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents)).toEqual([]);
  });

  it(`[${name}] leaves the page as it was on Esc`, async () => {
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
    await page.click('#buy-tea');
    expect(await page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents)).toContain('click:buy-tea');
  });

  it(`[${name}] keeps the list across a page reload and a panel reopen`, async () => {
    await page.reload({ waitUntil: 'load' });
    const panel = await session.reopenPanel();
    const rows = await waitFor('the stored row', () => panel.$$eval('[data-testid=element-row]', (r) => r.length));
    expect(rows).toBe(1);
    expect(await panel.$eval('[data-testid=selector]', (c) => c.textContent)).toBeTruthy();
  });

  it(`[${name}] exports the list as a JSON download`, async () => {
    await session.panel.bringToFront();
    await session.panel.click('[data-testid=export]');
    const json = JSON.parse(await waitForDownload(session.downloads, '.json'));
    expect(json.elements).toHaveLength(1);
    expect(json.elements[0].selector).toBeTruthy();
  });
});
