import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Activity } from '../../lib/goals/model';
import { BROWSERS, launch, type Session } from './browsers';
import { ARTIFACTS, screenshot, waitFor } from './helpers';
import { GREEN, listenerCount, pageFootprint, pixelsInShot } from './picker-support';
import { serveFixtures } from './server';

// Issue 13, "Done when" for test mode, in Chromium and Firefox, driven from the panel's own switch:
// clicks flash and count per metric, once-per-visitor counts once, a late click is shown as too late,
// a mailto link as not counted, counts go on on a second page in scope, and switching off leaves the
// page as it was (HTML, styles, listeners).
const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const FLASH = 'goalpost-test-flash';
const AMBER: [number, number, number] = [0xb4, 0x53, 0x09];

function testActivity(origin: string): Activity {
  const page = `${origin}/testmode-shop.html`;
  const element = (id: string, selector: string, action: Activity['elements'][number]['action'], label: string) => ({ id, selector, action, label, pageUrl: page, createdAt: 1 });
  return {
    id: 'act_test', name: 'Spring funnel', createdAt: 1, updatedAt: 1,
    scopes: [{ kind: 'prefix', value: `${origin}/testmode-` }],
    pages: [page],
    metrics: [
      { id: 'm_share', name: 'Shares', counting: 'every', elementIds: ['el_share'] },
      { id: 'm_signup', name: 'Sign up', counting: 'once', elementIds: ['el_signup'] },
      { id: 'm_quick', name: 'Quick look', counting: 'every', windowSeconds: 3, elementIds: ['el_quick'] },
      { id: 'm_contact', name: 'Contact', counting: 'every', elementIds: ['el_contact'] },
      { id: 'm_widget', name: 'Widget shares', counting: 'every', elementIds: ['el_widget'] },
    ],
    elements: [
      element('el_share', 'button.share', { kind: 'click' }, 'Button “Share”'),
      element('el_signup', 'form#newsletter', { kind: 'submit' }, 'Form'),
      element('el_quick', '#quick', { kind: 'click' }, 'Button “Quick look”'),
      element('el_contact', '#contact', { kind: 'link', href: 'mailto:hello@shop.example' }, 'Link “Email us”'),
      // In the cart's same-origin frame; the same button in a frame of another origin is another element.
      { ...element('el_widget', '#share-widget', { kind: 'click' }, 'Button “Share from the widget”'), frames: ['#widget'] },
    ],
  };
}

describe.each(BROWSERS)('test mode in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  let page: Page;
  const panel = () => session.panel;

  /** The panel's switch, clicked as a user does; waits until the panel shows the new state. */
  const switchTestMode = async (on: boolean) => {
    await panel().bringToFront();
    await waitFor('the Test goals switch', () => panel().$eval('[data-testid=test-mode]', (input) => !(input as HTMLInputElement).disabled));
    await panel().click('[data-testid=test-mode]');
    await waitFor(`test mode ${on ? 'on' : 'off'} in the panel`, async () => {
      const state = await panel().$eval('[data-testid=test-mode-panel]', (section) => section.getAttribute('data-state'));
      const error = await panel().$eval('[data-testid=test-error]', (node) => node.textContent).catch(() => null);
      if (error) throw new Error(`the panel says: ${error}`);
      return state === (on ? 'on' : 'off');
    }, 20_000);
    await page.bringToFront();
  };
  const counts = () => panel().$$eval('[data-testid=test-count]', (rows) => Object.fromEntries(rows.map((row) => [
    row.getAttribute('data-metric-id'), Number(row.querySelector('[data-testid=test-count-value]')?.textContent),
  ])));
  const events = () => panel().$$eval('[data-testid=test-event] .what', (nodes) => nodes.map((node) => node.textContent));
  const waitForCounts = (expected: Record<string, number>) => waitFor(`the counts ${JSON.stringify(expected)}`, async () => {
    const now = await counts();
    return Object.entries(expected).every(([metric, count]) => now[metric] === count);
  });
  const waitForEvent = (text: string) => waitFor(`“${text}” in the panel`, async () => (await events()).includes(text));
  /**
   * Counts flashes added to the page from now on, with a MutationObserver in the page: on a loaded
   * machine a flash can come and go between two polls. `flashShown` waits for one.
   */
  const armFlash = () => page.evaluate((tag) => {
    const scope = window as unknown as { flashesSeen: number; flashWatch?: MutationObserver };
    scope.flashesSeen = 0;
    scope.flashWatch ??= new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if ((node as Element).localName === tag) scope.flashesSeen += 1;
    });
    scope.flashWatch.observe(document.documentElement, { childList: true });
  }, FLASH);
  const flashShown = (timeoutMs?: number) => waitFor('the flash on the page', () => page.evaluate(() => (window as unknown as { flashesSeen?: number }).flashesSeen! > 0), timeoutMs).catch(async (error) => {
    const state = await page.evaluate(() => ({ url: location.href, pageEvents: (window as unknown as { pageEvents?: string[] }).pageEvents })).catch(() => '?');
    throw new Error(`${(error as Error).message}; the page: ${JSON.stringify(state)}; the panel's counts: ${JSON.stringify(await counts())}`);
  });
  /** Clicks until the click flashes: right after a page load, test mode may not be watching yet (and then counts nothing). */
  const clickUntilFlash = async (selector: string) => {
    for (let attempt = 0; attempt < 10; attempt++) {
      await armFlash();
      await page.click(selector);
      if (await flashShown(2_000).then(() => true, () => false)) return;
    }
    throw new Error(`${selector} never flashed: test mode is not watching the page`);
  };
  const flashGone = () => waitFor('the flash to go', () => page.evaluate((tag) => document.querySelector(tag) === null, FLASH));
  const clickAndNavigate = (selector: string) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
    await panel().evaluate(async (workspace) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ workspace, workspace$: { v: 3 } });
    }, { activities: [testActivity(server.origin)], currentActivityId: 'act_test' });
    await waitFor('the activity in the panel', async () => (await panel().$$('[data-testid=element-row]')).length === 5);
    page = await session.openPage(server.url('testmode-shop.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`[${name}] flashes a click that counts, naming its metric, without taking the pointer; off leaves the page as it was`, async () => {
    const before = await pageFootprint(page);
    const listenersBefore = name === 'chromium' ? await listenerCount(page) : 0;
    await switchTestMode(true);
    if (name === 'chromium') expect(await listenerCount(page)).toBeGreaterThan(listenersBefore);
    const share = (await page.$('#share-tea'))!;
    const box = (await share.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // The flash is short; on a loaded machine the screenshot can come after it: click again (every click counts).
    let clicks = 0;
    let green = 0;
    let text: string | undefined;
    while (clicks < 3 && green <= 100) {
      await armFlash();
      await page.mouse.click(centre.x, centre.y);
      clicks++;
      await flashShown();
      text = name === 'chromium' ? await flashText(page) : undefined;
      const shot = await page.screenshot({ encoding: 'base64' });
      green = await pixelsInShot(page, shot, box, GREEN);
      await savePng(`${name}-test-mode-flash`, shot, name === 'chromium' && green > 100 ? join(DOCS, 'test-mode-flash.png') : undefined);
    }
    expect(green).toBeGreaterThan(100);
    if (name === 'chromium') expect(text).toContain('Counts for Shares');
    // Two clicks in a row: the second lands on the flash the first one drew, and still reaches the
    // button: the flash ignores the pointer. Noted by a listener of the page's own, on window in the
    // capture phase, which runs before test mode's and so sees the page as the click found it.
    await page.evaluate((tag) => {
      const scope = window as unknown as { underClick: { flash: boolean; target: string }[]; noteClick(event: Event): void };
      scope.underClick = [];
      scope.noteClick = (event) => scope.underClick.push({ flash: document.querySelector(tag) !== null, target: (event.target as Element).id });
      window.addEventListener('click', scope.noteClick, true);
    }, FLASH);
    await page.mouse.click(centre.x, centre.y);
    await page.mouse.click(centre.x, centre.y);
    await waitForCounts({ m_share: clicks + 2 });
    const underClick = await page.evaluate(() => {
      const scope = window as unknown as { underClick: { flash: boolean; target: string }[]; noteClick(event: Event): void };
      window.removeEventListener('click', scope.noteClick, true);
      return scope.underClick;
    });
    expect(underClick[1]).toEqual({ flash: true, target: 'share-tea' });
    const shares = Array.from({ length: clicks + 2 }, () => 'share');
    expect(await page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents)).toEqual(shares);

    await switchTestMode(false);
    await flashGone();
    expect(await pageFootprint(page)).toBe(before);
    if (name === 'chromium') expect(await listenerCount(page)).toBe(listenersBefore);
    // The page goes on working, and nothing flashes any more.
    await page.click('#share-tea');
    expect(await page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents)).toEqual([...shares, 'share']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate((tag) => document.querySelector(tag) === null, FLASH)).toBe(true);
  });

  it(`[${name}] shows a mailto link as not counted and a click after the window as too late`, async () => {
    // A new load (Firefox's WebDriver BiDi loses track of later navigations after a reload).
    await page.goto(server.url('testmode-shop.html'), { waitUntil: 'load' });
    await switchTestMode(true);
    expect(await counts()).toEqual({ m_share: 0, m_signup: 0, m_quick: 0, m_contact: 0, m_widget: 0 });
    // The flash is short; on a loaded machine a screenshot can come after it: click again (it counts nothing).
    const contact = (await (await page.$('#contact'))!.boundingBox())!;
    let amber = 0;
    for (let attempt = 0; attempt < 3 && amber <= 20; attempt++) {
      await armFlash();
      await page.click('#contact');
      await flashShown();
      const shot = await page.screenshot({ encoding: 'base64' });
      amber = await pixelsInShot(page, shot, contact, AMBER);
      await savePng(`${name}-test-mode-not-counted`, shot);
    }
    expect(amber).toBeGreaterThan(20);
    await waitForEvent('Not counted for Contact: mailto link');
    await page.waitForFunction(() => performance.now() > 3_500, { timeout: 15_000 });
    await page.click('#quick');
    await waitFor('the too-late event', async () => (await events()).some((text) => /^Too late for Quick look: \d+(\.\d)? s after load \(window 3 s\)$/.test(text ?? '')));
    expect(await counts()).toEqual({ m_share: 0, m_signup: 0, m_quick: 0, m_contact: 0, m_widget: 0 });
  });

  it(`[${name}] counts a once-per-visitor form once, across page loads, and the form still submits`, async () => {
    await clickAndNavigate('#signup');
    expect(page.url()).toBe(server.url('testmode-thanks?email=ada%40shop.example'));
    await waitForCounts({ m_signup: 1 });
    await page.goto(server.url('testmode-shop.html'), { waitUntil: 'load' });
    // Back on the shop, a new page load: test mode watches it again.
    await clickUntilFlash('#share-tea');
    await waitForCounts({ m_share: 1 });
    await clickAndNavigate('#signup');
    await waitForEvent('Already counted for Sign up: once per visitor');
    expect((await counts()).m_signup).toBe(1);
  });

  it(`[${name}] keeps counting on a second page in the activity’s scope`, async () => {
    await page.goto(server.url('testmode-shop.html'), { waitUntil: 'load' });
    await clickAndNavigate('#to-cart');
    expect(page.url()).toBe(server.url('testmode-cart.html'));
    await clickUntilFlash('#share-cart');
    await waitForCounts({ m_share: 2 });
    // In the page's frames too: its own frame counts, the same button in another site's frame does not
    // (test mode is not even let into that one), and neither stops the page being watched.
    const frameAt = (origin: string) => page.frames().find((frame) => frame.url() === `${origin}/testmode-widget.html`);
    const widget = await waitFor('the widget frame', () => frameAt(server.origin));
    const elsewhere = await waitFor('the other site’s frame', () => frameAt(server.origin.replace('127.0.0.1', 'localhost')));
    await widget.click('#share-widget');
    await waitForEvent('Counts for Widget shares');
    await elsewhere.click('#share-widget');
    await page.click('#share-cart');
    await waitForCounts({ m_share: 3 });
    expect(await counts()).toEqual({ m_share: 3, m_signup: 1, m_quick: 0, m_contact: 0, m_widget: 1 });
    expect(await panel().$eval('[data-testid=test-status]', (node) => node.textContent)).toMatch(/Testing “Spring funnel” in this tab · [3-9] pages so far/);
    await panel().bringToFront();
    await panel().setViewport({ width: 400, height: 900 });
    const shot = await screenshot(panel(), `${name}-test-mode-panel`);
    if (name === 'chromium') await copyFile(shot, join(DOCS, 'test-mode-panel.png'));
    // The narrowest side panel: the counts and reasons wrap, nothing scrolls sideways.
    await panel().setViewport({ width: 320, height: 900 });
    await screenshot(panel(), `${name}-test-mode-panel-320`);
    expect(await panel().evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await panel().setViewport({ width: 1280, height: 800 });
    await page.bringToFront();
  });

  it(`[${name}] resets the counts on demand, then switches off leaving the page as a fresh load has it`, async () => {
    await panel().bringToFront();
    await panel().click('[data-testid=test-reset]');
    await waitForCounts({ m_share: 0, m_signup: 0 });
    expect(await events()).toEqual([]);
    await page.bringToFront();
    await page.click('#share-cart');
    await waitForCounts({ m_share: 1 });
    await switchTestMode(false);
    await flashGone();
    const after = { footprint: await pageFootprint(page), listeners: name === 'chromium' ? await listenerCount(page) : 0 };
    await page.goto(server.url('testmode-cart.html'), { waitUntil: 'load' });
    expect(await pageFootprint(page)).toBe(after.footprint);
    if (name === 'chromium') expect(await listenerCount(page)).toBe(after.listeners);
    await page.click('#share-cart');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate((tag) => document.querySelector(tag) === null, FLASH)).toBe(true);
  });
});

async function savePng(name: string, png: string, copyTo?: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, `${name}.png`), Buffer.from(png, 'base64'));
  if (copyTo) {
    await mkdir(DOCS, { recursive: true });
    await writeFile(copyTo, Buffer.from(png, 'base64'));
  }
}

/** Chromium: the flash's text, read through DevTools, which sees into closed shadow roots. */
async function flashText(page: Page): Promise<string> {
  type DomNode = { nodeType: number; localName?: string; nodeValue?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true }) as { root: DomNode };
    const texts: string[] = [];
    const walk = (node: DomNode, inside: boolean) => {
      const here = inside || node.localName === FLASH;
      if (here && node.nodeType === 3) texts.push(node.nodeValue ?? '');
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, here);
    };
    walk(root, false);
    return texts.join('');
  } finally {
    await cdp.detach();
  }
}
