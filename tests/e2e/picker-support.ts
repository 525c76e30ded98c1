// Helpers for the picker's end-to-end tests: start it as a user does, and read what its frame shows.
import type { Frame, Page } from 'puppeteer-core';
import type { Session } from './browsers.ts';
import { waitFor } from './helpers.ts';

/**
 * Starts the picker on `page` and returns its frame once it is ready: with the panel's Pick button
 * as a user does, or with the panel's message to the background for that very tab (the button acts
 * on the tab the panel targets, the last one used, which a test switching tabs quickly can race).
 */
export async function startPicking(session: Session, page: Page, via: 'button' | 'message' = 'message'): Promise<Frame> {
  await page.bringToFront();
  await session.panel.bringToFront();
  const status = via === 'message' ? await askBackground(session, page) : { active: false };
  // Without access to the site yet (Firefox asks for it from the button's click), the button it is.
  if (!status.active) {
    await waitFor('the Pick button', () => session.panel.$eval('[data-testid=pick]',
      (button) => !(button as HTMLButtonElement).disabled && button.textContent === 'Pick elements'));
    await session.panel.click('[data-testid=pick]');
  }
  await page.bringToFront();
  try {
    return await pickerFrame(page);
  } catch (error) {
    const panelSays = await session.panel.$eval('body', (body) => (body as HTMLElement).innerText.slice(0, 300)).catch(() => '?');
    const hosted = await page.evaluate(() => document.querySelector('[data-goalpost-picker]') !== null).catch(() => '?');
    const frames = page.frames().map((frame) => frame.url().slice(0, 60));
    throw new Error(`${(error as Error).message} (overlay in page: ${hosted}; frames: ${frames.join(', ')}; panel: ${panelSays})`);
  }
}

/** The panel's togglePicker message to the background, for the tab showing `page`. */
async function askBackground(session: Session, page: Page): Promise<{ active: boolean; error?: string }> {
  const status = await session.panel.evaluate(async (url) => {
    type Api = {
      tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
      runtime: { sendMessage(message: unknown): Promise<{ res?: { active: boolean; error?: string } }> };
    };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = scope.browser ?? scope.chrome;
    const tab = (await api.tabs.query({})).find((candidate) => candidate.url === url);
    // The @webext-core/messaging envelope, as lib/messaging.ts sends it.
    const answer = await api.runtime.sendMessage({ id: 1, type: 'togglePicker', data: { tabId: tab!.id, on: true }, timestamp: Date.now() });
    return answer.res;
  }, page.url());
  return status ?? { active: false, error: 'no answer' };
}

/** The picker's frame in `page` (Firefox lists it as about:blank: the frame itself knows its URL). */
export async function pickerFrame(page: Page): Promise<Frame> {
  const isReadyPicker = (frame: Frame) => Promise.race([
    frame.evaluate(() => location.href.includes('/picker-frame.html') && document.documentElement.dataset.readyMs !== undefined),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000)),
  ]).catch(() => false);
  return waitFor<Frame | undefined>('the picker frame to be ready', async () => {
    const named = page.frames().filter((frame) => frame.url().includes('/picker-frame.html'));
    // Other about:blank frames (ads, widgets) are asked at the same time, not one after another.
    const candidates = named.length > 0 ? named : page.frames().filter((frame) => frame.url() === 'about:blank');
    const ready = await Promise.all(candidates.map(isReadyPicker));
    return candidates.find((_, index) => ready[index]);
  }, 15_000) as Promise<Frame>;
}

/**
 * Pixels of a colour around an element's box (3 px margin), from a screenshot of the whole viewport:
 * a clipped screenshot can leave out the picker's frame, which is another document.
 */
export async function colourPixels(
  page: Page, box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number],
  /** Where to count them, for a page whose CSP refuses to fetch the screenshot's `data:` URL. */
  counter: Page = page,
): Promise<number> {
  const png = await page.screenshot({ encoding: 'base64' });
  return pixelsInShot(page, png, box, rgb, counter);
}

/** Pixels of a colour around a box (3 px margin) in a viewport screenshot already taken (`png`, base64). */
export async function pixelsInShot(
  page: Page, png: string, box: { x: number; y: number; width: number; height: number }, rgb: [number, number, number],
  counter: Page = page,
): Promise<number> {
  const viewportWidth = await page.evaluate(() => innerWidth);
  return counter.evaluate(async (data, box, rgb, viewportWidth) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const scale = bitmap.width / viewportWidth;
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const left = Math.max(0, Math.floor((box.x - 3) * scale));
    const top = Math.max(0, Math.floor((box.y - 3) * scale));
    const { data: pixels } = context.getImageData(left, top, Math.ceil((box.width + 6) * scale), Math.ceil((box.height + 6) * scale));
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i]! - rgb[0]) < 24 && Math.abs(pixels[i + 1]! - rgb[1]) < 24 && Math.abs(pixels[i + 2]! - rgb[2]) < 24) count++;
    }
    return count;
  }, png, box, rgb, viewportWidth);
}

export const ORANGE: [number, number, number] = [0xe8, 0x59, 0x0c];
export const BLUE: [number, number, number] = [0x1c, 0x7e, 0xd6];
export const GREEN: [number, number, number] = [0x2b, 0x8a, 0x3e];

/** What the frame draws, as text. */
export async function readView(frame: Frame): Promise<FrameText> {
  return frame.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? null;
    const box = (selector: string) => {
      const numbers = document.querySelector(selector)?.getAttribute('d')?.match(/-?[\d.]+/g)?.map(Number);
      return numbers && numbers.length >= 4 ? { x: numbers[0]!, y: numbers[1]!, width: numbers[2]!, height: numbers[3]! } : null;
    };
    const rectOf = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    return {
      current: text('[data-testid=current-label] .name'),
      currentWords: text('[data-testid=current-label] .words'),
      currentNote: text('[data-testid=current-label] .note'),
      currentSize: text('[data-testid=current-label] .size'),
      currentSelected: document.querySelector('[data-testid=current-label] .mark') !== null,
      hover: text('[data-testid=hover-label] .name'),
      hoverWords: text('[data-testid=hover-label] .words'),
      labelBoxes: [rectOf('[data-testid=current-label]'), rectOf('[data-testid=hover-label]')].filter((box) => box !== null),
      badgeTexts: [...document.querySelectorAll<HTMLElement>('[data-testid=selected-badge]')].filter((badge) => !badge.hidden)
        .map((badge) => [...badge.querySelectorAll('.metric')].map((metric) => metric.textContent).join(' · ')),
      badgeBoxes: [...document.querySelectorAll<HTMLElement>('[data-testid=selected-badge]')].filter((badge) => !badge.hidden)
        .map((badge) => badge.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }),
      question: document.querySelector<HTMLElement>('[data-testid=question]')
        ? { kind: document.querySelector<HTMLElement>('[data-testid=question]')!.dataset.kind!, text: text('[data-testid=question] .ask')! }
        : null,
      dock: document.querySelector<HTMLElement>('[data-testid=path-bar]')?.dataset.dock ?? null,
      barBox: rectOf('[data-testid=path-bar]'),
      currentBox: box('path.current'),
      pointedBox: box('path.hover') ?? box('path.current'),
      badges: document.querySelectorAll('[data-testid=selected-badge]').length,
      highlighted: document.querySelector('path.highlighted')?.getAttribute('d') ?? '',
      path: [...document.querySelectorAll<HTMLElement>('[data-testid=path-entry]')].map((entry) => ({
        name: entry.textContent!.replace(' ✓', ''), role: entry.dataset.role!, selected: entry.dataset.selected === 'true',
        ...(entry.parentElement!.className ? { boundary: entry.parentElement!.className.replace('boundary-', '') } : {}),
      })),
      stack: text('[data-testid=stack]'),
      pointed: text('[data-testid=hover-label] .name') ?? text('[data-testid=current-label] .name'),
      pointedWords: text('[data-testid=hover-label] .words') ?? text('[data-testid=current-label] .words'),
      pointedNote: document.querySelector('[data-testid=hover-label]') ? text('[data-testid=hover-label] .note') : text('[data-testid=current-label] .note'),
      readyMs: Number(document.documentElement.dataset.readyMs),
    };
  });
}

/** Waits until the frame shows something `check` accepts, and returns it. */
export async function waitForView(frame: Frame, what: string, check: (view: FrameText) => boolean): Promise<FrameText> {
  let last: FrameText | undefined;
  try {
    return (await waitFor(what, async () => {
      last = await readView(frame);
      return check(last) ? last : undefined;
    }))!;
  } catch (error) {
    throw new Error(`${(error as Error).message}; the frame shows ${JSON.stringify(last)}`);
  }
}

/**
 * Moves the pointer to `point` until the frame shows what `check` accepts. The pointer is moved
 * again on each try (a pixel apart): right after the overlay appears, the browser may still send a
 * move to the page, and a real pointer would simply move on.
 */
export async function hoverUntil(page: Page, frame: Frame, point: { x: number; y: number }, what: string, check: (view: FrameText) => boolean): Promise<FrameText> {
  let nudge = 0;
  let last: FrameText | undefined;
  try {
    return (await waitFor(what, async () => {
      nudge = 1 - nudge;
      await page.mouse.move(point.x + nudge, point.y);
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = await readView(frame);
      return check(last) ? last : undefined;
    }))!;
  } catch (error) {
    throw new Error(`${(error as Error).message}; the frame shows ${JSON.stringify(last)}`);
  }
}

/**
 * Clicks a path bar entry by its text and role as a user does: the pointer travels there across the
 * page (the bar lies over the viewport, so its coordinates are the page's) and clicks it.
 */
export async function clickPathEntry(frame: Frame, name: string, role: 'ancestor' | 'current' | 'child'): Promise<void> {
  // In the frame: the entry's centre; with `under`, only once the entry is what lies under that point.
  const entryAt = (name: string, role: string, under: boolean) => {
    const matches = (element: HTMLElement | null | undefined) => element?.dataset.role === role && element.textContent!.replace(' ✓', '') === name;
    const entry = [...document.querySelectorAll<HTMLElement>('[data-testid=path-entry]')].find(matches);
    if (!entry) return null;
    entry.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const { x, y, width, height } = entry.getBoundingClientRect();
    const point = { x: x + width / 2, y: y + height / 2 };
    if (under && !matches(document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>('[data-testid=path-entry]'))) return null;
    return point;
  };
  const point = await frame.evaluate(entryAt, name, role, false);
  if (!point) throw new Error(`No ${role} path entry "${name}"`);
  await frame.page().mouse.move(point.x, point.y, { steps: 4 });
  // Like a user, click once the entry is there under the pointer (the bar redraws as the pointer arrives).
  const there = await waitFor(`the ${role} path entry "${name}" under the pointer`, () => frame.evaluate(entryAt, name, role, true)).catch(async (error: Error) => {
    throw new Error(`${error.message}; the bar shows ${JSON.stringify((await readView(frame)).path.map((entry) => entry.name))}`);
  });
  await clickInFrame(frame, there);
}

/** Clicks a button of the picker's frame (the bar's Select, a question's answer) with the real pointer. */
export async function clickFrameButton(frame: Frame, testId: string): Promise<void> {
  const box = await frame.$eval(`[data-testid=${testId}]`, (button) => {
    const { x, y, width, height } = button.getBoundingClientRect();
    return { x: x + width / 2, y: y + height / 2 };
  });
  await clickInFrame(frame, box);
}

/** Moves the pointer to a point of the frame in a few steps, across whatever lies between, and clicks. */
async function clickInFrame(frame: Frame, point: { x: number; y: number }): Promise<void> {
  const page = frame.page();
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.mouse.click(point.x, point.y);
}

/** The current activity's elements, read from extension storage through the panel page. */
export async function storedElements(session: Session): Promise<StoredElement[]> {
  return session.panel.evaluate(async () => {
    type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const scope = globalThis as unknown as { browser?: StorageApi; chrome: StorageApi };
    const { workspace } = await (scope.browser ?? scope.chrome).storage.local.get('workspace') as {
      workspace?: { currentActivityId: string; activities: { id: string; elements: StoredElement[] }[] };
    };
    return workspace?.activities.find((activity) => activity.id === workspace.currentActivityId)?.elements ?? [];
  });
}

/** Centre of an element in the top viewport; `path` walks into open shadow roots (`>>>`) and frames (`|`). */
export async function centreOf(page: Page, path: string): Promise<{ x: number; y: number }> {
  return page.evaluate((path) => {
    let x = 0;
    let y = 0;
    let scope: Document | ShadowRoot = document;
    let element: Element | null = null;
    for (const frameStep of path.split(' | ')) {
      if (element) {
        const rect = element.getBoundingClientRect();
        x += rect.left + element.clientLeft + Number.parseFloat(getComputedStyle(element).paddingLeft);
        y += rect.top + element.clientTop + Number.parseFloat(getComputedStyle(element).paddingTop);
        scope = (element as HTMLIFrameElement).contentDocument!;
      }
      for (const [index, selector] of frameStep.split(' >>> ').entries()) {
        if (index > 0) scope = element!.shadowRoot!;
        element = scope.querySelector(selector);
        if (!element) throw new Error(`Nothing matches ${selector}`);
      }
    }
    const rect = element!.getBoundingClientRect();
    return { x: x + rect.left + rect.width / 2, y: y + rect.top + rect.height / 2 };
  }, path);
}

/** Everything of the page a picker could leave behind, to compare before and after. */
export async function pageFootprint(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify({
    html: document.documentElement.outerHTML,
    styleSheets: document.styleSheets.length,
    adopted: document.adoptedStyleSheets.length,
    popovers: document.querySelectorAll(':popover-open').length,
    scroll: [scrollX, scrollY],
  }));
}

/** Chromium only: event listeners on window and the whole document (shadow roots too), every world included. */
export async function listenerCount(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  try {
    let total = 0;
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true });
      total += listeners.length;
    }
    return total;
  } finally {
    await cdp.detach();
  }
}

export const pageEvents = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { pageEvents: string[] }).pageEvents.splice(0));

export interface FrameText {
  current: string | null;
  /** The current element in words: `Button “Buy”`. */
  currentWords: string | null;
  /** What the current label adds: "✓ Selected · in Shares", a layer warning… */
  currentNote: string | null;
  hoverWords: string | null;
  pointedWords: string | null;
  pointedNote: string | null;
  labelBoxes: { x: number; y: number; width: number; height: number }[];
  /** Each visible badge's metric names, joined by " · " ("Not in a metric" when none). */
  badgeTexts: string[];
  badgeBoxes: { x: number; y: number; width: number; height: number }[];
  question: { kind: string; text: string } | null;
  dock: string | null;
  barBox: { x: number; y: number; width: number; height: number } | null;
  currentSize: string | null;
  currentSelected: boolean;
  hover: string | null;
  /** What is under the pointer: the hover label, or the current one when they are the same element. */
  pointed: string | null;
  currentBox: { x: number; y: number; width: number; height: number } | null;
  pointedBox: { x: number; y: number; width: number; height: number } | null;
  badges: number;
  highlighted: string;
  path: { name: string; role: string; selected: boolean; boundary?: string }[];
  stack: string | null;
  readyMs: number;
}

export interface StoredElement {
  selector: string;
  label: string;
  pageUrl: string;
  action: { kind: string; href?: string };
  frames?: string[];
  shadowHosts?: string[];
}
