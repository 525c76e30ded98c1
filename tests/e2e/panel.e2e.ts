import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS, launch, type Session } from './browsers';
import { outlinePixels, screenshot, waitFor } from './helpers';
import { serveFixtures } from './server';

// Issue 5, "Done when": pick three elements, make two metrics and distribute the elements, edit a
// selector (valid → count updates; escaped → refused with the suggestion), add one by hand, delete
// one and undo, reload the page, restart the browser with the same profile: everything as it was.
describe.each(BROWSERS)('panel in %s', (name) => {
  let server: Awaited<ReturnType<typeof serveFixtures>>;
  let session: Session;
  let page: Page;
  let before: { ui: PanelView; stored: unknown };

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(name);
    page = await session.openPage(server.url('panel-shop.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it(`[${name}] shows designed empty states before anything is picked`, async () => {
    const panel = session.panel;
    await panel.bringToFront();
    await waitFor('the empty activity state', () => panel.$eval('[data-testid=coverage]', (node) => node.getAttribute('data-state') === 'none'));
    expect(await panel.$$('[data-testid=element-row]')).toHaveLength(0);
  });

  it(`[${name}] picks three elements; each row gets its action and a live count of 1`, async () => {
    const panel = session.panel;
    await waitFor('the Pick button to be enabled', () => panel.$eval('[data-testid=pick]', (b) => !(b as HTMLButtonElement).disabled));
    await panel.click('[data-testid=pick]');
    await waitFor('the picker in the page', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') !== null));
    await page.bringToFront();
    for (const [index, selector] of ['#buy-tea', '#buy-coffee', '#subscribe'].entries()) {
      await page.hover(selector);
      await page.click(selector);
      await waitFor(`row ${index + 1}`, async () => (await panel.$$('[data-testid=element-row]')).length === index + 1);
    }
    await page.keyboard.press('Escape');
    await waitFor('the picker to leave', () => page.evaluate(() => document.querySelector('[data-goalpost-picker]') === null));
    await panel.bringToFront();
    await waitFor('live counts of 1', async () => (await readPanel(panel)).rows.every((row) => row.count === '1 match'));
    const { rows, coverage } = await readPanel(panel);
    expect(rows.map((row) => row.action)).toEqual(['click', 'link', 'click']);
    expect(coverage).toBe('covered');
    for (const row of rows) expect(await page.evaluate((s) => document.querySelectorAll(s).length, row.selector)).toBe(1);
  });

  it(`[${name}] creates two metrics and distributes the elements, moving one between them`, async () => {
    const panel = session.panel;
    await panel.click('[data-testid=add-metric]');
    await waitFor('metric 1', async () => (await panel.$$('[data-testid=metric-card]')).length === 1);
    await panel.click('[data-testid=add-metric]');
    await waitFor('metric 2', async () => (await panel.$$('[data-testid=metric-card]')).length === 2);
    const [buy, subscribe] = await panel.$$('[data-testid=metric-card]');
    await replaceText(await buy!.$('[data-testid=metric-name]'), 'Buy');
    await replaceText(await subscribe!.$('[data-testid=metric-name]'), 'Subscribe');
    await waitFor('the metric names', async () => (await readPanel(panel)).metrics.map((m) => m.name).join() === 'Buy,Subscribe');

    // Coffee goes to the wrong metric first, then moves.
    await tick(panel, 0, 'Buy');
    await tick(panel, 1, 'Subscribe');
    await tick(panel, 2, 'Subscribe');
    await waitFor('Subscribe to hold two elements', async () => (await readPanel(panel)).metrics[1]!.elements.length === 2);
    const move = (await (await panel.$$('[data-testid=metric-card]'))[1]!.$$('[data-testid=metric-move]'))[0]!;
    await selectOption(panel, move, 'Buy');
    await waitFor('the move', async () => (await readPanel(panel)).metrics[0]!.elements.length === 2);

    const counting = (await (await panel.$$('[data-testid=metric-card]'))[1]!.$('[data-testid=metric-counting]'))!;
    await selectOption(panel, counting, 'every');
    await (await (await panel.$$('[data-testid=metric-card]'))[0]!.$('[data-testid=metric-window-toggle]'))!.click();
    await waitFor('the time window field', () => panel.$('[data-testid=metric-window]'));
    await replaceText(await panel.$('[data-testid=metric-window]'), '45');

    const view = await waitFor('the metric settings', async () => {
      const { metrics } = await readPanel(panel);
      return metrics[1]!.counting === 'every' && metrics[0]!.window === '45' ? metrics : null;
    });
    const { rows } = await readPanel(panel);
    // Metric cards list the elements in words, as the rows title them (issue 15).
    expect(view![0]!.elements).toEqual([rows[0]!.title, rows[1]!.title]);
    expect(view![1]!.elements).toEqual([rows[2]!.title]);
    expect(rows.map((row) => row.title)).toEqual(['Button “Buy tea”', 'Link “Buy coffee” → /checkout?item=coffee', 'Button “Subscribe”']);
    expect(rows.map((row) => row.metrics)).toEqual([['Buy'], ['Buy'], ['Subscribe']]);
  });

  it(`[${name}] edits a selector in place from the keyboard; the live count follows`, async () => {
    const panel = session.panel;
    await panel.focus('[data-testid=element-row]:nth-child(1) [data-testid=edit-selector]');
    await panel.keyboard.press('Enter');
    const input = await waitFor('the selector field', () => panel.$('[data-testid=selector-input]'));
    await replaceText(input, 'button.buy', false);
    await waitFor('the draft count', () => panel.$eval('[data-testid=draft-count]', (node) => node.textContent === 'Matches 2 elements on this page.'));
    await panel.keyboard.press('Enter');
    await waitFor('the saved selector and its count', async () => {
      const row = (await readPanel(panel)).rows[0]!;
      return row.selector === 'button.buy' && row.count === '2 matches';
    });
    // One of the two matches sits inside data-goalpost-no-track.
    expect(await panel.$eval('[data-testid=element-row]:nth-child(1) [data-testid=excluded]', (node) => node.textContent)).toMatch(/^1 of 2 matches/);
    expect((await readPanel(panel)).rows[0]!.metrics).toEqual(['Buy']);
  });

  it(`[${name}] refuses an escaped selector with the character, its position and a working suggestion`, async () => {
    const panel = session.panel;
    // The rows above still settle after the last edit (its count, notes and alternatives come and go):
    // a click aimed where the Edit button was a moment ago can miss it, so it is aimed once the button
    // stays put, and again if it missed.
    const edit = '[data-testid=element-row]:nth-child(3) [data-testid=edit-selector]';
    let last = '';
    const input = await waitFor('the selector field', async () => {
      const field = await panel.$('[data-testid=selector-input]');
      if (field) return field;
      const box = JSON.stringify(await panel.$eval(edit, (button) => button.getBoundingClientRect().toJSON()).catch(() => null));
      if (box === last) await panel.click(edit).catch(() => undefined);
      last = box;
      await new Promise((resolve) => setTimeout(resolve, 150));
      return undefined;
    });
    await replaceText(input, '#form\\:subscribe button', false);
    const message = await waitFor('the refusal', () => panel.$eval('[data-testid=selector-message]', (node) => node.textContent));
    expect(message).toContain('Character 6 is a CSS escape (\\:) for ":"');
    expect(await panel.$eval('[data-testid=selector-mark] mark', (node) => node.textContent)).toBe('\\:');
    expect(await panel.$eval('[data-testid=selector-save]', (button) => (button as HTMLButtonElement).disabled)).toBe(true);
    // The typing repair shows at once; the selectors proven on the page replace it when they arrive.
    await waitFor('the working selectors from the page', () => panel.$('[data-testid=proposal-count]'));
    const uses = await panel.$$('[data-testid=use-suggestion]');
    const texts = await Promise.all(uses.map((use) => use.evaluate((node) => node.textContent)));
    expect(texts).toContain('Use [id="form:subscribe"] button');
    await screenshot(panel, `${name}-panel-escape-refused`);
    await uses[texts.indexOf('Use [id="form:subscribe"] button')]!.click();
    await waitFor('the suggestion to count 1', () => panel.$eval('[data-testid=draft-count]', (node) => node.textContent === 'Matches 1 element on this page.'));
    await panel.click('[data-testid=selector-save]');
    await waitFor('the suggested selector saved', async () => {
      const row = (await readPanel(panel)).rows[2]!;
      return row.selector === '[id="form:subscribe"] button' && row.count === '1 match';
    });
  });

  it(`[${name}] adds an element by typing a selector; a mailto link is flagged`, async () => {
    const panel = session.panel;
    await replaceText(await panel.$('[data-testid=add-element-input]'), 'a.contact', false);
    await waitFor('the draft count', () => panel.$eval('[data-testid=draft-count]', (node) => node.textContent === 'Matches 1 element on this page.'));
    await panel.click('[data-testid=add-element-button]');
    await waitFor('the fourth row, counted', async () => (await readPanel(panel)).rows[3]?.count === '1 match');
    const row = (await readPanel(panel)).rows[3]!;
    expect(row).toMatchObject({ title: 'Link “Write to us” → mailto:sales@shop.example', selector: 'a.contact', action: 'link', count: '1 match', linkFlag: 'mailto' });
    expect(await panel.$eval('[data-testid=add-element-input]', (node) => (node as HTMLInputElement).value)).toBe('');
  });

  it(`[${name}] deletes a row and brings it back with undo, metrics included`, async () => {
    const panel = session.panel;
    const beforeDelete = await readPanel(panel);
    await panel.click('[data-testid=element-row]:nth-child(2) [data-testid=row-menu]');
    await panel.click('[data-testid=element-row]:nth-child(2) [data-testid=delete-element]');
    await waitFor('three rows', async () => (await readPanel(panel)).rows.length === 3);
    expect((await readPanel(panel)).metrics[0]!.elements).toEqual([beforeDelete.rows[0]!.title]);
    await panel.click('[data-testid=undo]');
    await waitFor('four rows again, counted', async () => JSON.stringify(await readPanel(panel)) === JSON.stringify(beforeDelete));
  });

  it(`[${name}] highlights a row's matches on the page while the row is hovered`, async () => {
    const panel = session.panel;
    await panel.hover('[data-testid=element-row]:nth-child(2)');
    await waitFor('the highlight in the page', () => page.evaluate(() => document.querySelector('goalpost-highlight') !== null));
    await page.bringToFront();
    const pixels = await waitFor('outline pixels around the coffee link', async () => outlinePixels(page, (await page.$('#buy-coffee'))!));
    expect(pixels).toBeGreaterThan(100);
    await screenshot(page, `${name}-panel-hover-highlight`);
    await panel.bringToFront();
    await panel.hover('h1');
    await waitFor('the highlight to go', () => page.evaluate(() => document.querySelector('goalpost-highlight') === null));
  });

  it(`[${name}] recounts when the page's DOM changes and marks rows that grew or lost their matches`, async () => {
    const panel = session.panel;
    await page.evaluate(() => (window as unknown as { addProduct(name: string): void }).addProduct('Matcha'));
    await waitFor('the grown count', async () => (await readPanel(panel)).rows[0]!.count === '3 matches');
    expect((await readPanel(panel)).rows[0]!.mark).toBe('grew');
    await page.evaluate(() => (window as unknown as { navigateAway(): void }).navigateAway());
    await waitFor('every row to lose its matches', async () => (await readPanel(panel)).rows.every((row) => row.count === '0 matches'));
    expect((await readPanel(panel)).rows.map((row) => row.mark)).toEqual(['lost', 'lost', 'lost', 'lost']);
    await screenshot(panel, `${name}-panel-marks`);
  });

  it(`[${name}] keeps everything across a page reload and a panel reopen`, async () => {
    before = { ui: await readPanel(session.panel), stored: await storedWorkspace(session.panel) };
    await page.goto(server.url('panel-shop.html'), { waitUntil: 'load' });
    await session.clickToolbarButton(page);
    const panel = await session.reopenPanel();
    await waitFor('counts on the reloaded page', async () => (await readPanel(panel)).rows.map((row) => row.count).join() === '2 matches,1 match,1 match,1 match');
    const after = await readPanel(panel);
    expect(after.coverage).toBe('covered');
    expect(after.rows.map((row) => row.mark)).toEqual([null, null, null, null]);
    expect(strip(after)).toEqual(strip(before.ui));
    expect(await storedWorkspace(panel)).toEqual(before.stored);
  });

  it(`[${name}] keeps everything when the page's tab is closed, and says counts need a page`, async () => {
    await page.close();
    const panel = await session.reopenPanel();
    // The tab left is the browser's first, blank one: the panel says it has no page to count on
    // (a tab it cannot see without a toolbar click, lib/panel/target-tab.ts).
    await waitFor('the no-page note', () => panel.evaluate(() => document.querySelector('[data-testid=page-access][data-state=no-page], [data-testid=tab-notice]') !== null));
    expect(strip(await readPanel(panel))).toEqual(strip(before.ui));
    expect(await storedWorkspace(panel)).toEqual(before.stored);
  });

  it(`[${name}] keeps everything across a browser restart with the same profile`, async () => {
    const { profile } = session;
    await session.close();
    session = await launch(name, { profile });
    page = await session.openPage(server.url('panel-shop.html'));
    const panel = session.panel;
    await panel.bringToFront();
    await waitFor('the rows after the restart', async () => (await readPanel(panel)).rows.length === 4, 20_000);
    expect(await storedWorkspace(panel)).toEqual(before.stored);
    expect(strip(await readPanel(panel))).toEqual(strip(before.ui));
    await screenshot(panel, `${name}-panel-after-restart`);
  });
});

/** What the user sees in the panel, as data. */
interface PanelView {
  activity: string | undefined;
  coverage: string | null;
  metrics: { name: string; counting: string; window: string | null; elements: string[] }[];
  rows: { title: string; selector: string; action: string; count: string; metrics: string[]; mark: string | null; linkFlag: string | null }[];
}

function readPanel(panel: Page): Promise<PanelView> {
  return panel.evaluate(() => {
    const text = (root: ParentNode, testId: string) => root.querySelector(`[data-testid=${testId}]`)?.textContent ?? '';
    const value = (root: ParentNode, testId: string) => (root.querySelector(`[data-testid=${testId}]`) as HTMLInputElement | null)?.value ?? null;
    return {
      activity: value(document, 'activity-name') ?? undefined,
      coverage: document.querySelector('[data-testid=coverage]')?.getAttribute('data-state') ?? null,
      metrics: [...document.querySelectorAll('[data-testid=metric-card]')].map((card) => ({
        name: value(card, 'metric-name') ?? '',
        counting: value(card, 'metric-counting') ?? '',
        window: value(card, 'metric-window'),
        elements: [...card.querySelectorAll('[data-testid=metric-element-title]')].map((node) => node.textContent ?? ''),
      })),
      rows: [...document.querySelectorAll('[data-testid=element-row]')].map((row) => ({
        title: text(row, 'row-title'),
        selector: text(row, 'selector'),
        action: value(row, 'row-action') ?? '',
        count: text(row, 'match-count'),
        metrics: [...row.querySelectorAll<HTMLInputElement>('[data-testid=membership]')].filter((box) => box.checked).map((box) => box.dataset.metric ?? ''),
        mark: row.getAttribute('data-mark') === 'steady' ? null : row.getAttribute('data-mark'),
        linkFlag: row.querySelector('[data-testid=link-flag]')?.getAttribute('data-kind') ?? null,
      })),
    };
  });
}

/** The view without what depends on the page's current state (coverage, counts, marks). */
function strip(view: PanelView) {
  const { coverage: _coverage, ...rest } = view;
  return { ...rest, rows: view.rows.map(({ count: _count, mark: _mark, ...row }) => row) };
}

function storedWorkspace(panel: Page): Promise<unknown> {
  return panel.evaluate(async () => {
    type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    return (await (scope.browser ?? scope.chrome).storage.local.get('workspace')).workspace;
  });
}

/** Replaces a field's text as a user would (select all, type), then Enter unless told not to. */
async function replaceText(field: ElementHandle | null, text: string, enter = true): Promise<void> {
  if (!field) throw new Error('field not found');
  await field.evaluate((node) => {
    (node as HTMLInputElement).focus();
    (node as HTMLInputElement).select();
  });
  await field.type(text);
  if (enter) await field.press('Enter');
}

async function tick(panel: Page, rowIndex: number, metric: string): Promise<void> {
  const row = (await panel.$$('[data-testid=element-row]'))[rowIndex]!;
  const box = await row.$(`[data-testid=membership][data-metric="${metric}"]`);
  await box!.click();
  await waitFor(`${metric} ticked on row ${rowIndex + 1}`, async () => (await readPanel(panel)).rows[rowIndex]!.metrics.includes(metric));
}

/** Chooses an option by value or by its text, firing the change event a user's choice fires. */
async function selectOption(panel: Page, select: ElementHandle, option: string): Promise<void> {
  const value = await select.evaluate((node, wanted) => {
    const found = [...(node as HTMLSelectElement).options].find((item) => item.value === wanted || item.textContent === wanted);
    return found?.value;
  }, option);
  if (value === undefined) throw new Error(`no option ${option}`);
  await select.select(value);
  void panel;
}
