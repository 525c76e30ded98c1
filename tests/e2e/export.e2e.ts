import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { screenshot, waitFor, waitForDownload } from './helpers';
import { fakeWebhook } from '../contract/servers';

// Issue 6 end to end: export a two-metric activity to a file and to a local webhook, refuse a
// broken import without touching stored data, import a good file, in Chromium and Firefox.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TOKEN = 'e2e_token_789';
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');

/** The stored shape of a canonical file (what the extension keeps in `storage.local`). */
function storedActivity(canonical: string) {
  const { format: _format, ...file } = JSON.parse(canonical);
  return {
    ...file,
    elements: file.elements.map((element: object) => ({ ...element, createdAt: 1 })),
    createdAt: 1,
    updatedAt: 1,
  };
}

async function storageGet(panel: Page, keys: string[]): Promise<Record<string, unknown>> {
  return panel.evaluate(async (wanted) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.storage.local.get(wanted);
  }, keys);
}

async function storageSet(panel: Page, items: Record<string, unknown>): Promise<void> {
  await panel.evaluate(async (values) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    await api.storage.local.set(values);
  }, items);
}

const text = (page: Page, selector: string) => page.$eval(selector, (node) => node.textContent ?? '').catch(() => '');

describe.each(BROWSERS)('export and import in %s', (name) => {
  let session: Session;
  let hook: Awaited<ReturnType<typeof fakeWebhook>>;
  let twoMetrics: string;

  beforeAll(async () => {
    twoMetrics = await fixture('export-two-metrics.goalpost.json');
    hook = await fakeWebhook({ token: TOKEN });
    session = await launch(name);
    // Set up the data through the panel page's own storage, in the shape of `Workspace` plus the
    // version meta key @wxt-dev/storage keeps beside it (`workspace$`).
    await storageSet(session.panel, {
      workspace: { activities: [storedActivity(twoMetrics)], currentActivityId: 'act_spring' },
      workspace$: { v: 1 },
    });
    await waitFor('the stored activity in the panel', async () => (await session.panel.$$('[data-testid=element-row]')).length === 3);
  });
  afterAll(async () => {
    await session?.close();
    await hook?.close();
  });

  it(`[${name}] exports the two-metric activity as the canonical file`, async () => {
    await session.panel.bringToFront();
    await session.panel.click('[data-testid=export]');
    expect(await waitForDownload(session.downloads, '.goalpost.json')).toBe(twoMetrics);
  });

  it(`[${name}] exports a GTM container file from the dialog`, async () => {
    await session.panel.click('[data-testid=export-open]');
    await session.panel.waitForSelector('[data-testid=export-dialog][open]');
    await session.panel.click('[data-testid=download-gtm]');
    const container = JSON.parse(await waitForDownload(session.downloads, '.gtm-container.json'));
    expect(container.exportFormatVersion).toBe(2);
    expect(container.containerVersion.trigger.map((trigger: { name: string }) => trigger.name)).toEqual(['Spring sale · Buy', 'Spring sale · Subscribe']);
    await screenshot(session.panel, `${name}-export-dialog`);
  });

  it(`[${name}] sends the activity to a local webhook after the permission prompt`, async () => {
    const panel = session.panel;
    const url = `${hook.origin}/goalpost`;
    await panel.type('[data-testid=webhook-url]', url);
    await panel.type('[data-testid=webhook-token]', TOKEN);
    expect(await text(panel, '[data-testid=webhook-send]')).toBe(`Send to ${new URL(url).host}`);
    await panel.click('[data-testid=webhook-send]');
    const status = await waitFor('the webhook status', async () => {
      const line = await text(panel, '[data-testid=webhook-status]');
      return line && !line.startsWith('Sending') ? line : '';
    }, 20_000);
    expect(status).toBe(`Sent “Spring sale” to ${new URL(url).host} (HTTP 200).`);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.text).toBe(twoMetrics);
    expect(hook.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });
});
