import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { waitFor } from './helpers';
import {
  centreOf, colourPixels, hoverUntil, ORANGE, pageEvents, pageFootprint, pickerFrame, startPicking, storedElements, waitForView,
  type StoredElement,
} from './picker-support';
import { serveFixtures } from './server';

/** Events that would mean the page reacted to picking. */
const PAGE_REACTIONS = /^(click|dblclick|auxclick|contextmenu|mousedown|mouseup|pointerdown|pointerup|pointermove|mousemove|submit|keydown|keyup|wheel|message):/;

// The picker where pickers break (issue 4): shadow roots, frames, hostile CSS and JS, single-page apps.
describe.each(BROWSERS)('picker on difficult pages in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  const noPageReactions = async (page: Page) => expect((await pageEvents(page)).filter((event) => PAGE_REACTIONS.test(event))).toEqual([]);
  const stored = (test: (element: StoredElement) => boolean) =>
    waitFor('the pick in the stored list', async () => (await storedElements(session)).find(test));
  /**
   * The stored row whose selector finds the element `#id` on `page` (through its frames and shadow
   * hosts). Rows are found by what they match, not by their label: the panel puts labels in words.
   */
  const storedFor = (page: Page, id: string) => waitFor(`#${id} in the stored list`, async () => {
    for (const element of await storedElements(session)) {
      const found = await page.evaluate((pick) => {
        let scope: Document | ShadowRoot | null = document;
        for (const selector of pick.frames ?? []) scope = (scope?.querySelector(selector) as HTMLIFrameElement | null)?.contentDocument ?? null;
        for (const selector of pick.shadowHosts ?? []) scope = scope?.querySelector(selector)?.shadowRoot ?? null;
        try {
          return scope?.querySelector(pick.selector)?.id ?? null;
        } catch {
          return null;
        }
      }, element);
      if (found === id) return element;
    }
    return undefined;
  });
  const hover = async (page: Page, frame: Frame, path: string, pointed: string) =>
    hoverUntil(page, frame, await centreOf(page, path), `${pointed} under the pointer`, (v) => v.pointed === pointed);
  const click = async (page: Page, path: string) => {
    const { x, y } = await centreOf(page, path);
    await page.mouse.click(x, y);
  };

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  describe('shadow DOM and frames', () => {
    let page: Page;
    let frame: Frame;
    beforeAll(async () => {
      page = await session.openPage(server.url('picker-shadow.html'));
      frame = await startPicking(session, page);
    });

    it(`[${name}] picks in open shadow roots, relative to the root, with the host chain`, async () => {
      const view = await hover(page, frame, '#widget >>> #shadow-buy', 'button#shadow-buy.action');
      const names = view.path.map((entry) => entry.name);
      expect(names.slice(0, 3)).toEqual(['html', 'body', 'shop-widget#widget']);
      expect(view.path[3]).toEqual(expect.objectContaining({ name: 'div.panel', boundary: 'shadow' }));
      await click(page, '#widget >>> #shadow-buy');
      const pick = await storedFor(page, 'shadow-buy');
      expect(pick!.shadowHosts).toHaveLength(1);
      expect(pick!.frames).toBeUndefined();
      expect(await page.evaluate((p) => [...document.querySelector(p.shadowHosts![0]!)!.shadowRoot!.querySelectorAll(p.selector)].map((e) => e.id), pick!))
        .toEqual(['shadow-buy']);
      expect(await page.evaluate((s) => document.querySelectorAll(s).length, pick!.selector)).toBe(0);

      await click(page, '#widget >>> #inner >>> #deep-link');
      const deep = await storedFor(page, 'deep-link');
      expect(deep!.shadowHosts).toHaveLength(2);
      expect(deep!.action).toEqual({ kind: 'link', href: server.url('deep') });
      // A closed shadow root stays closed: its host is what can be picked.
      await hover(page, frame, '#locked', 'locked-widget#locked');
      await noPageReactions(page);
    });

    it(`[${name}] picks in a same-origin frame and records the frame`, async () => {
      await hover(page, frame, '#frame | #frame-buy', 'button#frame-buy.buy');
      await click(page, '#frame | #frame-buy');
      const view = await waitForView(frame, 'the button current', (v) => v.current === 'button#frame-buy.buy');
      const frameAt = view.path.findIndex((entry) => entry.name === 'iframe#frame');
      expect(view.path[frameAt + 1]).toEqual(expect.objectContaining({ name: 'html', boundary: 'frame' }));
      const pick = await storedFor(page, 'frame-buy');
      expect(pick!.frames).toHaveLength(1);
      expect(await page.evaluate((p) => [...(document.querySelector(p.frames![0]!) as HTMLIFrameElement).contentDocument!.querySelectorAll(p.selector)].map((e) => e.id), pick!))
        .toEqual(['frame-buy']);
      for (const expected of ['section#frame-section', 'body', 'html', 'iframe#frame']) {
        await page.keyboard.press('ArrowUp');
        await waitForView(frame, `ArrowUp to ${expected}`, (v) => v.current === expected);
      }
      const inner = page.frames().find((candidate) => candidate.url().endsWith('picker-shadow-frame.html'))!;
      expect(await inner.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents)).toEqual([]);
      await noPageReactions(page);
      await page.keyboard.press('Escape');
      await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
    });
  });

  it(`[${name}] works on a page with hostile CSS: all: unset, top z-index, transformed and zoomed RTL body`, async () => {
    const page = await session.openPage(server.url('picker-hostile-css.html'));
    const footprint = await pageFootprint(page);
    const frame = await startPicking(session, page);
    const view = await hover(page, frame, '#hostile-buy', 'button#hostile-buy.buy.primary');
    const rect = await page.$eval('#hostile-buy', (element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(view.currentBox).toEqual(expect.objectContaining({ x: expect.closeTo(rect.x, 0), y: expect.closeTo(rect.y, 0), width: expect.closeTo(rect.width, 0) }));
    expect(await colourPixels(page, rect, ORANGE)).toBeGreaterThan(50);
    // The label of a right-to-left element ends where the element ends.
    const labelRight = await frame.$eval('[data-testid=current-label]', (label) => label.getBoundingClientRect().right);
    expect(labelRight).toBeCloseTo(rect.right, 0);
    expect(view.path.length).toBeGreaterThan(3);
    // The page's `::backdrop` rule must not tint the page under the picker.
    expect(await colourPixels(page, { x: 900, y: 400, width: 200, height: 150 }, [0xff, 0x66, 0x66])).toBe(0);
    await click(page, '#hostile-link');
    await storedFor(page, 'hostile-link');
    await waitForView(frame, 'the link selected', (v) => v.currentSelected);
    await noPageReactions(page);
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
    expect(await pageFootprint(page)).toBe(footprint);
  });

  it(`[${name}] works on a page with a strict Content-Security-Policy, picker on and off`, async () => {
    // Outline pixels are counted on another page, as this one may not fetch the screenshot's
    // data: URL; it is opened first, as a new tab during the row hover would end the hover.
    const counter = await session.browser.newPage();
    const page = await session.openPage(server.url('picker-csp.html'));
    expect(await page.evaluate(() => (window as unknown as { pageEvents?: unknown }).pageEvents)).toEqual([]);
    const footprint = await pageFootprint(page);
    const frame = await startPicking(session, page);
    await hover(page, frame, '#csp-buy', 'button#csp-buy.buy');
    await click(page, '#csp-buy');
    await storedFor(page, 'csp-buy');
    await noPageReactions(page);
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
    expect(await pageFootprint(page)).toBe(footprint);
    // Picker off: the panel draws a hovered row's outline into the page itself, styles and all.
    await session.panel.bringToFront();
    const rows = await session.panel.$$('[data-testid=element-row]');
    const texts = await Promise.all(rows.map((row) => row.evaluate((element) => element.textContent ?? '')));
    await rows[texts.findIndex((text) => text.includes('csp-buy'))]!.hover();
    await page.bringToFront();
    await waitFor('the highlight', () => page.evaluate(() => document.querySelector('goalpost-highlight') !== null));
    const rect = await page.$eval('#csp-buy', (element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(await waitFor('an orange outline', async () => {
      const pixels = await colourPixels(page, rect, ORANGE, counter);
      return pixels > 50 ? pixels : undefined;
    })).toBeGreaterThan(50);
    await counter.close();
    await session.panel.bringToFront();
    await session.panel.hover('h1');
    await page.bringToFront();
    await waitFor('the highlight to go', () => page.evaluate(() => document.querySelector('goalpost-highlight') === null));
    expect(await pageFootprint(page)).toBe(footprint);
  });

  it(`[${name}] works on a page with hostile JS: sabotaged prototypes, swallowing capture listeners, a guard removing it`, async () => {
    const page = await session.openPage(server.url('picker-hostile-js.html'));
    const url = page.url();
    const frame = await startPicking(session, page);
    expect(await page.evaluate(() => (window as unknown as { removedByPage: number }).removedByPage)).toBe(2);
    const rect = await page.evaluate(() => (window as unknown as { realRects: Record<string, DOMRect> }).realRects['hostile-buy']!);
    const view = await hoverUntil(page, frame, { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }, 'the button', (v) => v.pointed === 'button#hostile-buy.buy');
    expect(view.currentBox).toEqual(expect.objectContaining({ x: expect.closeTo(rect.x, 0), y: expect.closeTo(rect.y, 0) }));
    await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
    // The page sabotages querySelector in its own world, so the row is found by its label: recorded
    // technical, then put in words by the panel.
    await stored((element) => element.label.startsWith('button#hostile-buy') || element.label === 'Button “Order”');
    await page.keyboard.press('ArrowUp');
    await waitForView(frame, 'the form', (v) => v.current === 'form#order');
    await noPageReactions(page);
    expect(page.url()).toBe(url);
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
  });

  it(`[${name}] survives a single-page app that swaps its DOM while picking`, async () => {
    const page = await session.openPage(server.url('picker-spa.html'));
    const url = page.url();
    let frame = await startPicking(session, page);
    await hover(page, frame, '#cta-home', 'button#cta-home.cta');
    // The app renames an ancestor: the path bar shows the new name, not one remembered from before.
    await page.evaluate(() => document.getElementById('app')!.classList.add('app-ready'));
    await waitForView(frame, 'the renamed ancestor in the path bar', (v) => v.path.some((entry) => entry.name === 'div#app.app-ready'));
    // The view changes under a still pointer: the outline moves to what is there now.
    await page.evaluate(() => (window as unknown as { route(name: string): void }).route('pricing'));
    const view = await waitForView(frame, 'the new link under the pointer', (v) => v.pointed === 'a#cta-pricing.cta');
    const rect = await page.$eval('#cta-pricing', (element) => element.getBoundingClientRect().toJSON() as DOMRect);
    expect(view.currentBox).toEqual(expect.objectContaining({ y: expect.closeTo(rect.y, 0), height: expect.closeTo(rect.height, 0) }));
    await click(page, '#cta-pricing');
    await stored((element) => element.action.kind === 'link' && element.action.href === server.url('buy'));
    // The selected element goes away: no stale outline or path, and picking goes on.
    await page.evaluate(() => (window as unknown as { route(name: string): void }).route('home'));
    await waitForView(frame, 'the home button current again', (v) => v.current === 'button#cta-home.cta' && v.path.at(-1)?.name === 'button#cta-home.cta' && v.badges === 0);
    await page.evaluate(() => (window as unknown as { replaceBody(name: string): void }).replaceBody('pricing'));
    await waitForView(frame, 'the link in the new body, selected', (v) => v.pointed === 'a#cta-pricing.cta' && v.badges === 1);
    // Rewriting the document element takes the overlay along: a fresh one comes back.
    await page.evaluate(() => (window as unknown as { rewriteDocument(name: string): void }).rewriteDocument('home'));
    await waitFor('the old frame to go', () => frame.detached);
    frame = await pickerFrame(page);
    await hover(page, frame, '#cta-home', 'button#cta-home.cta');
    await noPageReactions(page);
    expect(page.url()).toBe(url);
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
  });
});
