import { copyFile, mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { screenshot, waitFor } from './helpers';
import {
  centreOf, clickFrameButton, clickPathEntry, hoverUntil, readView, startPicking, storedElements, waitForView,
  type FrameText, type StoredElement,
} from './picker-support';
import { GUARD_REASONS } from '../../lib/picker/guard';
import { serveFixtures } from './server';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
/** The side panel's width in Chrome (it can be dragged between 320 and about 500 px). */
const PANEL = { width: 400, height: 800 };
/**
 * Each page's window: its 1280 × 800 viewport plus room for Chromium's real side panel (360 px),
 * which the toolbar click opens beside the page. Headless Chromium routes the pointer only inside
 * the real window, and not to the page where the side panel covers it.
 */
const WINDOW = { left: 0, top: 0, width: 1280 + 420, height: 900 };
/** Issue 11: a pick on a page of about 17,500 elements reaches the panel within this time. */
const LARGE_PAGE_MS = 1000;

// Issue 11, "Done when": the picker records what a marketer means, driven as a user drives it:
// real pointer moves across the page (never a click sent into the frame's entries), the real
// keyboard, the panel at a side panel's width, each test page in a window of its own beside it.
describe.each(BROWSERS)('picker, as a marketer uses it, in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  let page: Page;
  let frame: Frame;
  const rows = () => storedElements(session);
  /** The ids of the elements a stored row finds on `on` (shadow hosts and frames included). */
  const idsOf = (element: StoredElement, on: Page = page) => on.evaluate((pick) => {
    let scope: Document | ShadowRoot = document;
    for (const selector of pick.frames ?? []) {
      const inner: Document | null | undefined = (scope.querySelector(selector) as HTMLIFrameElement | null)?.contentDocument;
      if (!inner) return [];
      scope = inner;
    }
    for (const selector of pick.shadowHosts ?? []) {
      const root: ShadowRoot | null | undefined = scope.querySelector(selector)?.shadowRoot;
      if (!root) return [];
      scope = root;
    }
    return [...scope.querySelectorAll(pick.selector)].map((found) => found.id);
  }, element);
  const rowFor = (id: string, on: Page = page) => waitFor(`a row for #${id}`, async () => {
    for (const element of await rows()) if ((await idsOf(element, on)).join() === id) return element;
    return undefined;
  });
  const click = async (path: string, on: Page = page) => {
    const { x, y } = await centreOf(on, path);
    await on.mouse.click(x, y);
  };
  /** A user reads the label before moving on. */
  const rest = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));
  const panelRows = () => session.panel.$$eval('[data-testid=element-row]', (items) => items.map((item) => ({
    selector: item.querySelector('[data-testid=selector]')?.textContent ?? '',
    container: item.querySelector('[data-testid=container-note]')?.textContent ?? null,
    metrics: [...item.querySelectorAll<HTMLInputElement>('[data-testid=membership]')].filter((box) => box.checked).map((box) => box.dataset.metric),
  })));
  const openWindow = async (path: string): Promise<Page> => {
    const opened = await session.browser.newPage({ type: 'window', windowBounds: WINDOW });
    session.console.watchPage(opened);
    await opened.setViewport({ width: 1280, height: 800 });
    await opened.goto(server.url(path), { waitUntil: 'load' });
    await session.clickToolbarButton(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
    await session.panel.setViewport(PANEL);
    page = await openWindow('picker-news.html');
    frame = await startPicking(session, page, 'button');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`[${name}] hover, move down to the path bar, click an ancestor entry, Select`, async () => {
    const view = await hoverUntil(page, frame, await centreOf(page, '#share-fb b'), 'the button around the text',
      (v) => v.pointed === 'button#share-fb.share' && v.pointedWords === 'Button “Facebook”');
    // The text itself stays one ↓ away (and Alt+click).
    expect(view.path.at(-1)).toMatchObject({ name: expect.stringMatching(/^b\.share-tools__service/), role: 'child', selected: false });
    await screenshot(page, `${name}-ux-hover-in-words`);
    await rest();
    // The pointer crosses the story on its way down; the bar keeps the button it rested on.
    await clickPathEntry(frame, 'li#item-fb.share-item', 'ancestor');
    await waitForView(frame, 'the list item current', (v) => v.current === 'li#item-fb.share-item' && v.dock === 'bottom');
    await clickFrameButton(frame, 'toggle-selection');
    const row = await rowFor('item-fb');
    expect(row.action).toEqual({ kind: 'click' });
    await waitFor('the row in the panel', async () => (await panelRows()).some((item) => item.selector === row.selector));
  });

  it(`[${name}] records the button when its text is clicked, and the button when its SVG icon is`, async () => {
    await click('#share-tw b');
    const share = await rowFor('share-tw');
    // Recorded technical, then put in words by the panel (issue 15) whenever it sees the row's page.
    expect(share.label).toMatch(/^(button#share-tw|Button “Twitter”)/);
    await waitForView(frame, 'the button selected', (v) => v.current === 'button#share-tw.share' && v.currentSelected);
    await click('#cart-path');
    await rowFor('cart');
    const cart = await waitForView(frame, 'the cart button selected', (v) => v.current === 'button#cart.icon' && v.currentWords === 'Button “Cart”');
    // Within 24 px of the top: its label goes below it, never over it.
    const cartBox = await page.$eval('#cart', (button) => button.getBoundingClientRect().toJSON() as FrameText['barBox']);
    expect(cartBox!.y).toBeLessThan(24);
    expect(overlaps(cart.labelBoxes[0]!, cartBox!)).toBe(false);
    expect(cart.labelBoxes[0]!.y).toBeGreaterThanOrEqual(cartBox!.y + cartBox!.height);
    expect((await rows()).some((element) => /\b(b|svg|path)\b/.test(element.selector))).toBe(false);
  });

  it(`[${name}] still reaches the exact element under the pointer with Alt+click`, async () => {
    expect(await frame.$eval('[data-testid=key-hints]', (hints) => hints.textContent)).toContain('Alt+click: the exact element');
    await page.keyboard.down('Alt');
    const view = await hoverUntil(page, frame, await centreOf(page, '#headline'), 'the heading, exactly', (v) => v.pointed === 'h2#headline' && v.pointedNote === 'Alt: exactly this element');
    expect(view.pointedWords).toBe('Heading “A story about share buttons”');
    // The icon inside the search button, as itself: recorded, then unselected the same way.
    const icon = await centreOf(page, '#search svg');
    await hoverUntil(page, frame, icon, 'the icon, exactly', (v) => v.pointed === 'svg' && v.pointedWords === 'Icon');
    await page.mouse.click(icon.x, icon.y);
    const svg = await waitFor('the icon in the list', async () => (await rows()).find((element) => element.selector.includes('svg')));
    expect(await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((found) => found.parentElement!.id), svg.selector)).toEqual(['search']);
    await waitForView(frame, 'the icon stored', (v) => v.pointed === 'svg' && v.pointedNote === '✓ Selected · not in a metric');
    await page.mouse.click(icon.x, icon.y);
    await waitFor('the icon out of the list', async () => !(await rows()).some((element) => element.selector === svg.selector));
    await page.keyboard.up('Alt');
    // Without Alt, the same point means the button.
    await hoverUntil(page, frame, { x: icon.x + 1, y: icon.y }, 'the search button', (v) => v.pointed === 'button#search.icon');
  });

  it(`[${name}] ↑ acts on the hovered element after an earlier click on another one`, async () => {
    await click('#dup');
    await rowFor('dup');
    await hoverUntil(page, frame, await centreOf(page, '#search'), 'the search button', (v) => v.current === 'button#search.icon');
    await rest(200);
    await page.keyboard.press('ArrowUp');
    await waitForView(frame, 'the toolbar (the search button\'s parent, not the clicked button\'s)', (v) => v.current === 'div#toolbar.toolbar');
    await page.keyboard.press('ArrowDown');
    await waitForView(frame, 'back down to the search button', (v) => v.current === 'button#search.icon');
  });

  it(`[${name}] keeps the same selector at the top level and inside a shadow root as two rows`, async () => {
    await click('#widget >>> #dup');
    const both = await waitFor('two #dup rows', async () => {
      const dups = (await rows()).filter((element) => element.selector === '#dup');
      return dups.length === 2 ? dups : undefined;
    });
    expect(both.map((element) => element.shadowHosts ?? [])).toEqual([[], ['#widget']]);
    await waitFor('both rows in the panel', async () => (await panelRows()).filter((item) => item.selector === '#dup').length === 2);
    // The panel tells them apart.
    expect(await session.panel.$$eval('[data-testid=pick-scope]', (notes) => notes.map((note) => note.textContent))).toContain('Inside #widget’s shadow root');
  });

  it(`[${name}] warns before recording a container, by keyboard and by mouse, and keeps the warning on its row`, async () => {
    await hoverUntil(page, frame, await centreOf(page, '#related-text'), 'the clickable card', (v) => v.pointed === 'div#related.card');
    await page.keyboard.press('ArrowUp');
    await waitForView(frame, 'the story', (v) => v.current === 'div#storytext');
    const before = (await rows()).length;
    await page.keyboard.press('Enter');
    const size = await page.$eval('#storytext', (story) => `${Math.round(story.getBoundingClientRect().width)} × ${Math.round(story.getBoundingClientRect().height)}`);
    const asked = await waitForView(frame, 'the container warning', (v) => v.question?.kind === 'container');
    expect(asked.question!.text).toContain(`Any click inside this ${size} area counts: it holds 4 links, buttons or fields. Record it anyway?`);
    await screenshot(page, `${name}-ux-container-warning`);
    await page.keyboard.press('Escape');
    await waitForView(frame, 'the warning gone, picking on', (v) => v.question === null && v.current === 'div#storytext');
    await rest(300);
    expect((await rows()).length).toBe(before);
    await page.keyboard.press('Enter');
    await waitForView(frame, 'the warning again', (v) => v.question?.kind === 'container');
    await clickFrameButton(frame, 'question-yes');
    const story = await rowFor('storytext');
    expect(story).toMatchObject({ container: { actionables: 4 } });
    await waitFor('the warning on the row', async () => (await panelRows()).find((item) => item.selector === story.selector)?.container?.includes(`Any click inside this ${size} area counts`));
  });

  it(`[${name}] clicking inside a tracked element selects it, never a nested duplicate`, async () => {
    // The Facebook button lies in the list item picked first (a plain pick, in no metric): a click on
    // its text is a click on the item, which unselects it at once, undoably; nothing is added.
    const before = (await rows()).map((element) => element.selector);
    const item = await rowFor('item-fb');
    await click('#share-fb b');
    await waitFor('the list item unselected', async () => !(await rows()).some((element) => element.selector === item.selector));
    expect((await rows()).map((element) => element.selector)).toEqual(before.filter((selector) => selector !== item.selector));
    await session.panel.bringToFront();
    await waitFor('the Undo offer', () => session.panel.$eval('[data-testid=undo-bar]', (bar) => /^Removed .+ in the picker\./.test(bar.textContent ?? '')).catch(() => false))
      .catch(async (error: Error) => {
        throw new Error(`${error.message}; the panel shows ${await session.panel.$eval('[data-testid=undo-bar]', (bar) => bar.textContent).catch(() => 'no undo bar')}`);
      });
    await session.panel.click('[data-testid=undo]');
    await waitFor('the list item back', async () => (await rows()).some((element) => element.selector === item.selector));
    await page.bringToFront();
  });

  it(`[${name}] asks before unselecting a hand-typed row that matches several elements, and Undo in the panel restores it with its metric`, async () => {
    const panel = session.panel;
    await panel.bringToFront();
    await typeInto(panel, '[data-testid=add-element-input]', '.share');
    await waitFor('the draft count', () => panel.$eval('[data-testid=draft-count]', (node) => node.textContent === 'Matches 3 elements on this page.'));
    await panel.click('[data-testid=add-element-button]');
    await waitFor('the typed row', async () => (await rows()).some((element) => element.selector === '.share'));
    for (const metric of ['Shares', 'Purchases']) {
      const count = (await panel.$$('[data-testid=metric-card]')).length;
      await panel.click('[data-testid=add-metric]');
      await waitFor('a new metric', async () => (await panel.$$('[data-testid=metric-card]')).length === count + 1);
      await typeInto(panel, `[data-testid=metric-card]:nth-child(${count + 1}) [data-testid=metric-name]`, metric, true);
      await waitFor(`the metric ${metric}`, () => panel.$$eval('[data-testid=metric-name]', (inputs, metric) => inputs.some((input) => (input as HTMLInputElement).value === metric), metric));
    }
    await tick(panel, '.share', 'Shares');
    await tick(panel, (await rowFor('cart')).selector, 'Purchases');

    await page.bringToFront();
    await click('#share-mail b');
    const asked = await waitForView(frame, 'the question', (v) => v.question?.kind === 'remove');
    expect(asked.question!.text).toBe('Button “Email” is tracked in Shares (“.share” was typed by hand; “.share” matches 3 elements) — remove it?');
    expect(asked.current).toBe('button#share-mail.share');
    await screenshot(page, `${name}-ux-unselect-question`);
    await clickFrameButton(frame, 'question-yes');
    await waitFor('the typed row removed', async () => !(await rows()).some((element) => element.selector === '.share'));

    await panel.bringToFront();
    const undo = await waitFor('the Undo offer in the panel', () => panel.$eval('[data-testid=undo-bar]', (bar) => bar.textContent).catch(() => null));
    expect(undo).toContain('Removed Button “Facebook” in the picker.'); // the row's title: its first match, in words
    await screenshot(panel, `${name}-ux-panel-undo`);
    await panel.click('[data-testid=undo]');
    await waitFor('the row back, in Shares', async () => (await panelRows()).find((item) => item.selector === '.share')?.metrics.join() === 'Shares');
    await page.bringToFront();
  });

  it(`[${name}] asks before unselecting a button tracked in a metric when its text is clicked, and adds nothing nested`, async () => {
    const before = (await rows()).map((element) => element.selector);
    await click('#share-tw b');
    // The button is tracked twice (its own pick and `.share`, which counts in Shares): asked first.
    const asked = await waitForView(frame, 'the question about the button', (v) => v.question?.kind === 'remove' && v.current === 'button#share-tw.share');
    expect(asked.question!.text).toMatch(/^Button “Twitter” is tracked in Shares/);
    await clickFrameButton(frame, 'question-no');
    await waitForView(frame, 'the question gone', (v) => v.question === null);
    await rest(300);
    expect((await rows()).map((element) => element.selector)).toEqual(before);
  });

  it(`[${name}] shows badges outside the elements, naming the metrics they count for`, async () => {
    await hoverUntil(page, frame, await centreOf(page, '#share-fb b'), 'the Facebook button', (v) => v.pointed === 'button#share-fb.share');
    const view = await waitForView(frame, 'badges naming metrics', (v) => v.badgeTexts.includes('Shares') && v.badgeTexts.includes('Purchases') && v.badgeTexts.includes('Not in a metric'));
    for (const id of ['share-fb', 'share-tw', 'share-mail', 'cart']) {
      const box = await page.$eval(`#${id}`, (element) => element.getBoundingClientRect().toJSON() as FrameText['barBox']);
      for (const badge of view.badgeBoxes) expect(overlaps(badge, box!), `a badge over #${id}`).toBe(false);
    }
    for (const badge of view.badgeBoxes) for (const label of view.labelBoxes) expect(overlaps(badge, label), 'a badge under a label').toBe(false);
    expect(view.pointedNote).toBe('✓ Selected · in Shares');
    // No row hovered in the panel: its highlight would tint the page in the picture.
    await session.panel.hover('h1');
    await waitForView(frame, 'no highlight', (v) => v.highlighted === '');
    const path = await screenshot(page, `${name}-ux-badges`);
    if (name === 'chromium') {
      await mkdir(DOCS, { recursive: true });
      await copyFile(path, join(DOCS, 'picker.png'));
    }
  });

  it(`[${name}] says a transparent layer takes the clicks, and Space reaches the button under it`, async () => {
    const layer = await openWindow('picker-layer.html');
    const layerFrame = await startPicking(session, layer);
    const view = await hoverUntil(layer, layerFrame, await centreOf(layer, '#buy'), 'the layer', (v) => v.pointed === 'div#veil');
    expect(view.pointedNote).toBe('Clicks here land on this layer, not on Button “Buy now” under it · Space reaches it');
    await screenshot(layer, `${name}-ux-layer`);
    await layer.keyboard.press(' ');
    await waitForView(layerFrame, 'the button under the layer', (v) => v.current === 'button#buy' && v.currentWords === 'Button “Buy now”');
    await layer.keyboard.press('Enter');
    await rowFor('buy', layer);
    await layer.keyboard.press('Escape');
    await layer.close();
  });

  it(`[${name}] picks the last element of a long page with the pointer: the bar gives way`, async () => {
    const long = await openWindow('picker-long.html');
    const longFrame = await startPicking(session, long);
    await long.mouse.move(640, 300);
    // Scroll to the very end with the wheel, over the page; the last button is then under the bar.
    await waitFor('the end of the page', async () => {
      await long.mouse.wheel({ deltaY: 400 });
      return long.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight);
    });
    const last = await long.$eval('#last', (button) => button.getBoundingClientRect().toJSON() as DOMRect);
    const bar = (await readView(longFrame)).barBox!;
    expect(last.bottom).toBeGreaterThan(bar.y);
    // One more turn of the wheel at the end: the bar moves out of the way.
    await long.mouse.wheel({ deltaY: 200 });
    await waitForView(longFrame, 'the bar at the top', (v) => v.dock === 'top');
    const view = await hoverUntil(long, longFrame, { x: last.x + last.width / 2, y: last.y + last.height / 2 }, 'the last button', (v) => v.pointed === 'button#last');
    expect(view.dock).toBe('top');
    await screenshot(long, `${name}-ux-bar-docked`);
    await long.mouse.click(last.x + last.width / 2, last.y + last.height / 2);
    await rowFor('last', long);
    // Back up the page, resting on its heading: the bar returns to the bottom.
    await long.evaluate(() => scrollTo(0, 0));
    await hoverUntil(long, longFrame, await centreOf(long, 'h1'), 'the heading, under the bar at the top', (v) => v.pointed === 'h1' && v.dock === 'bottom');
    await long.keyboard.press('Escape');
    await long.close();
  });

  it(`[${name}] gets a pick on a page of about 17,500 elements to the panel within 1 s`, async () => {
    const large = await openWindow('picker-large.html');
    const elements = await large.evaluate(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThan(17_000);
    const largeFrame = await startPicking(session, large);
    const target = await centreOf(large, '[data-id="5"] .buy');
    await hoverUntil(large, largeFrame, target, 'the buy button', (v) => (v.pointedWords ?? '') === 'Button “Buy 5”');
    const countBefore = (await panelRows()).length;
    // The panel lies beside the page (its own window here), as the side panel does.
    // Timed from the click's release to the row drawn in the panel, both stamped by the browser.
    await large.mouse.move(target.x, target.y);
    await large.mouse.down();
    const clickedAt = await large.evaluate(() => performance.timeOrigin + performance.now());
    await large.mouse.up();
    const shownAt = await session.panel.evaluate((count) => new Promise<number>((resolve) => {
      const check = () => {
        if (document.querySelectorAll('[data-testid=element-row]').length > count) resolve(performance.timeOrigin + performance.now());
        else requestAnimationFrame(check);
      };
      check();
    }), countBefore);
    const ms = Math.round(shownAt - clickedAt);
    console.log(`[${name}] pick → panel row on a page of ${elements} elements: ${ms} ms (load average ${loadavg()[0]!.toFixed(1)})`);
    expect(ms).toBeLessThan(LARGE_PAGE_MS);
    await large.keyboard.press('Escape');
    await large.close();
  });

  it(`[${name}] says in the panel why picking stopped when the page keeps removing the picker`, async () => {
    // The panel in a tab (as the tests have it) works on the web tab used last; Firefox reports every
    // window's front tab as used just now, so the story's window (picking still) goes first.
    await page.close();
    const fights = await openWindow('picker-fights.html');
    await session.panel.bringToFront();
    await waitFor('the Pick button', () => session.panel.$eval('[data-testid=pick]', (b) => !(b as HTMLButtonElement).disabled && b.textContent === 'Pick elements'))
      .catch(async (error: Error) => {
        throw new Error(`${error.message}; the panel says ${await session.panel.$eval('header', (header) => header.textContent)}`);
      });
    await session.panel.click('[data-testid=pick]');
    const said = await waitFor('the reason in the panel', () => session.panel.$eval('[data-testid=pick-error]', (alert) => alert.textContent).catch(() => null), 15_000);
    expect(said).toBe(GUARD_REASONS.removed);
    expect(await session.panel.$eval('[data-testid=pick]', (button) => button.textContent)).toBe('Pick elements');
    await fights.close();
  });

  // Chromium: the toolbar click grants access (activeTab); Firefox's test profile has no prompt to avoid.
  if (name === 'chromium') it(`[${name}] starts picking right after the toolbar click without asking for access it has`, async () => {
    const panel = session.panel;
    await panel.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { permissions: { request(...args: unknown[]): Promise<boolean> } } }).chrome;
      const request = api.permissions.request.bind(api.permissions);
      (globalThis as unknown as { asked: number }).asked = 0;
      api.permissions.request = (...args: unknown[]) => {
        (globalThis as unknown as { asked: number }).asked++;
        return request(...args);
      };
    });
    const fresh = await session.browser.newPage({ type: 'window', windowBounds: WINDOW });
    session.console.watchPage(fresh);
    await fresh.goto(server.url('picker-layer.html?fresh'), { waitUntil: 'load' });
    await session.clickToolbarButton(fresh);
    // At once, before the panel could check again.
    await panel.bringToFront();
    await waitFor('the Pick button for the page', () => panel.$eval('[data-testid=pick]', (b) => !(b as HTMLButtonElement).disabled && b.textContent === 'Pick elements'));
    await panel.click('[data-testid=pick]');
    await waitFor('the picker in the page', () => fresh.evaluate(() => document.querySelector('[data-goalpost-picker]') !== null));
    expect(await panel.evaluate(() => (globalThis as unknown as { asked: number }).asked)).toBe(0);
    await fresh.close();
  });
});

async function typeInto(panel: Page, selector: string, text: string, enter = false): Promise<void> {
  const field = await panel.waitForSelector(selector);
  await field!.evaluate((node) => {
    (node as HTMLInputElement).focus();
    (node as HTMLInputElement).select();
  });
  await field!.type(text);
  if (enter) await field!.press('Enter');
}

/** Ticks a metric on the row of `selector`, with the pointer. */
async function tick(panel: Page, selector: string, metric: string): Promise<void> {
  const rows = await panel.$$('[data-testid=element-row]');
  for (const row of rows) {
    if ((await row.$eval('[data-testid=selector]', (code) => code.textContent)) !== selector) continue;
    await (await row.$(`[data-testid=membership][data-metric="${metric}"]`))!.click();
    await waitFor(`${metric} ticked on ${selector}`, () => row.$eval(`[data-testid=membership][data-metric="${metric}"]`, (box) => (box as HTMLInputElement).checked));
    return;
  }
  throw new Error(`No row ${selector}`);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}
