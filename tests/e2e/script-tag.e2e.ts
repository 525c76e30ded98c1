import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../lib/goals/model';
import { BROWSERS, launch, type Session } from './browsers';
import { screenshot, waitFor } from './helpers';
import { serveRuntimeSite, type RuntimeSite } from './runtime-support';

// Issue 13: the export dialog offers the runtime as a script tag with the activity inline, copy-ready.
// The test copies it from the dialog as a user would and pastes it into a page served from
// 127.0.0.1: a click there reaches the local receiver.

function shopActivity(origin: string): Activity {
  const page = `${origin}/shop.html`;
  return {
    id: 'act_tag', name: 'Tag shop', createdAt: 1, updatedAt: 1,
    scopes: [{ kind: 'prefix', value: page }],
    pages: [page],
    metrics: [{ id: 'm_cart', name: 'Add to cart', counting: 'every', elementIds: ['el_cart'] }],
    elements: [{
      id: 'el_cart', selector: '#add-to-cart', action: { kind: 'click' }, label: 'Button “Add to cart”', pageUrl: page, createdAt: 1,
      fingerprint: { tag: 'button', text: 'Add to cart', attributes: { id: 'add-to-cart' }, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/main/p/button' },
    }],
  };
}

const text = (page: Session['panel'], selector: string) => page.$eval(selector, (node) => node.textContent ?? '').catch(() => '');

describe.each(BROWSERS)('the script tag in the export dialog, in %s', (name) => {
  let session: Session;
  let site: RuntimeSite;

  beforeAll(async () => {
    site = await serveRuntimeSite();
    session = await launch(name);
    await session.panel.evaluate(async (workspace) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ workspace, workspace$: { v: 3 } });
    }, { activities: [shopActivity(site.origin)], currentActivityId: 'act_tag' });
    await waitFor('the activity in the panel', async () => (await session.panel.$$('[data-testid=element-row]')).length === 1);
  });
  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it(`[${name}] asks for a full address before it shows a beacon tag`, async () => {
    const panel = session.panel;
    await panel.bringToFront();
    await panel.click('[data-testid=export-open]');
    await panel.waitForSelector('[data-testid=export-dialog][open]');
    await panel.waitForSelector('[data-testid=script-tag]');
    expect(await panel.$eval('[data-testid=script-tag]', (area) => (area as HTMLTextAreaElement).value)).toMatch(/^<script data-goalpost-destination='datalayer' data-goalpost-activity='\{"format":"goalpost\/activity@1"/);
    await panel.click('[data-testid=script-destination-beacon]');
    await panel.type('[data-testid=script-beacon-url]', 'collect.example');
    expect(await waitFor('the problem', () => text(panel, '[data-testid=script-problem]'))).toBe('Enter the full address that receives the conversions, starting with https://');
    expect(await panel.$('[data-testid=script-tag]')).toBeNull();
  });

  it(`[${name}] copies a tag that counts on a real page and beacons to the address given`, async () => {
    const panel = session.panel;
    await panel.click('[data-testid=script-beacon-url]', { count: 3 });
    await panel.keyboard.press('Backspace');
    await panel.type('[data-testid=script-beacon-url]', `${site.origin}/collect`);
    await panel.waitForSelector('[data-testid=script-tag]');
    await panel.$eval('[data-testid=export-script]', (section) => section.scrollIntoView());
    await screenshot(panel, `${name}-export-script-tag`);
    await panel.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      const copied: string[] = ((globalThis as any).copied = []);
      clipboard.writeText = (value: string) => { copied.push(value); return write(value); };
    });
    await panel.click('[data-testid=copy-script-tag]');
    expect(await waitFor('the copy status', () => text(panel, '[data-testid=status-script]'))).toMatch(/^Copied\./);
    const [copied] = await panel.evaluate(() => (globalThis as any).copied as string[]);
    expect(copied).toBe(await panel.$eval('[data-testid=script-tag]', (area) => (area as HTMLTextAreaElement).value));
    // The activity travels without its fingerprints: the runtime never reads them.
    expect(copied).not.toContain('fingerprint');

    site.setTag(copied!);
    const page = await session.browser.newPage();
    session.console.watchPage(page);
    await page.goto(site.url('shop.html?runtime=1'), { waitUntil: 'load' });
    await page.click('#add-to-cart');
    await waitFor('the conversion at the receiver', () => site.received.some((hit) => hit.path === '/collect'));
    expect(JSON.parse(site.received.find((hit) => hit.path === '/collect')!.body)).toMatchObject({
      metric_id: 'm_cart', metric_name: 'Add to cart', activity_id: 'act_tag', page_url: site.url('shop.html?runtime=1'),
    });
    // Beacon only: the page's dataLayer got its own event and nothing of Goalpost's.
    const dataLayer = await page.evaluate(() => JSON.parse(sessionStorage.getItem('dataLayer') || '[]') as { event: string }[]);
    expect(dataLayer.map((entry) => entry.event)).toEqual(['add_to_cart']);
    await page.close();
  });
});
