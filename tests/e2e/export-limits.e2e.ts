import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { screenshot, waitFor } from './helpers';

// Issue 12 end to end: the export dialog lists, before each target's button, what that target will
// not count as Goalpost does (an element inside a shadow root for GTM and Target, a PostHog twin,
// an element PostHog's autocapture does not record), in Chromium and Firefox, at a side-panel width.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function storedActivity(canonical: string) {
  const { format: _format, ...file } = JSON.parse(canonical);
  const elements = file.elements.map((element: Record<string, unknown>) => ({ ...element, createdAt: 1 }));
  elements[0].shadowHosts = ['shop-widget'];
  elements[0].label = 'Button “Buy tea”';
  elements[1].label = 'Link “Buy coffee”';
  elements[1].targetSelectors = { posthog: '[data-product="coffee"] > a' };
  elements[2].label = 'Form “Subscribe”';
  elements[2].targetLimits = { posthog: 'it is inside an element marked ph-no-capture' };
  return { ...file, elements, createdAt: 1, updatedAt: 1 };
}

const items = (page: Page, testId: string) =>
  page.$$eval(`[data-testid=${testId}] li`, (nodes) => nodes.map((node) => node.textContent ?? '')).catch(() => [] as string[]);

describe.each(BROWSERS)('per-target limits before export in %s', (name) => {
  let session: Session;

  beforeAll(async () => {
    const canonical = await readFile(join(FIXTURES, 'export-two-metrics.goalpost.json'), 'utf8');
    session = await launch(name);
    await session.panel.setViewport({ width: 400, height: 900 });
    await session.panel.evaluate(async (workspace) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ workspace, workspace$: { v: 1 } });
    }, { activities: [storedActivity(canonical)], currentActivityId: 'act_spring' });
    await waitFor('the stored activity in the panel', async () => (await session.panel.$$('[data-testid=element-row]')).length === 3);
  });
  afterAll(async () => {
    await session?.close();
  });

  it(`[${name}] lists each target's limits in the dialog, above its button, before anything is exported`, async () => {
    const panel = session.panel;
    await panel.bringToFront();
    await panel.click('[data-testid=export-open]');
    await panel.waitForSelector('[data-testid=export-dialog][open]');
    const gtm = await waitFor('the GTM limits', async () => ((await items(panel, 'limits-gtm')).length ? items(panel, 'limits-gtm') : null));
    expect(gtm).toEqual([
      '1 element: GTM cannot see elements inside a shadow root; they are left out (Button “Buy tea”)',
      '1 metric: GTM has no “within N s of page load” rule (“Subscribe”)',
    ]);
    const target = await items(panel, 'limits-adobe-target');
    expect(target).toContain('1 element: Target’s click tracking cannot see elements inside a shadow root; they are left out (Button “Buy tea”)');
    expect(target).toContain('1 element: Target counts clicks on a form, not its submits (Form “Subscribe”)');
    expect(target).toContain('The activity can then only be edited through Target’s API, not its UI');
    const posthog = await items(panel, 'limits-posthog');
    expect(posthog[0]).toBe('1 element: PostHog’s autocapture records no click on them; the export is refused until they are removed (Form “Subscribe”)');
    expect(posthog).toContain('1 element: PostHog gets a selector of its own for them (shown in their rows) (Link “Buy coffee”)');
    // Shown before the buttons: each list comes earlier in the document than its target's button.
    const before = await panel.evaluate(() => {
      const precedes = (a: string, b: string) => {
        const first = document.querySelector(a);
        const second = document.querySelector(b);
        return !!first && !!second && !!(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
      };
      return [precedes('[data-testid=limits-gtm]', '[data-testid=download-gtm]'), precedes('[data-testid=limits-adobe-target]', '[data-testid=download-adobe-target]'), precedes('[data-testid=limits-posthog]', '[data-testid=posthog-send]')];
    });
    expect(before).toEqual([true, true, true]);
    // PostHog refuses the export with the reason, and its send button stays off.
    expect(await panel.$eval('[data-testid=problems-posthog]', (node) => node.textContent)).toMatch(/PostHog cannot count Form “Subscribe”: it is inside an element marked ph-no-capture/);
    expect(await panel.$eval('[data-testid=posthog-send]', (node) => (node as HTMLButtonElement).disabled)).toBe(true);
    await screenshot(panel, `${name}-export-limits`);
    await panel.evaluate(() => document.querySelector('[data-testid=limits-posthog]')?.scrollIntoView());
    await screenshot(panel, `${name}-export-limits-posthog`);
  });
});
