import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}

/** Waits until `check` returns a truthy value, polling; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Counts pixels of the picker's outline colour (#e8590c, blended or not) inside an element's box. */
export async function outlinePixels(page: Page, element: ElementHandle): Promise<number> {
  const box = await element.boundingBox();
  if (!box) return 0;
  // The box is in viewport coordinates; a screenshot's clip is in the document's.
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const png = await page.screenshot({
    clip: { x: Math.max(0, box.x + scroll.x - 3), y: Math.max(0, box.y + scroll.y - 3), width: box.width + 6, height: box.height + 6 },
    encoding: 'base64',
  });
  return page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data: pixels } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      if (Math.abs(r - 0xe8) < 24 && Math.abs(g - 0x59) < 24 && Math.abs(b - 0x0c) < 24) count++;
    }
    return count;
  }, png);
}

export async function waitForDownload(dir: string, suffix: string): Promise<string> {
  // Chromium creates the file empty when the download starts and writes it through a .crdownload
  // file (Firefox: .part): it is there once it has content and nothing is still being written.
  return waitFor(`a ${suffix} download in ${dir}`, async () => {
    const files = await readdir(dir).catch(() => [] as string[]);
    const name = files.find((file) => file.endsWith(suffix));
    if (!name || files.some((file) => /\.(crdownload|part)$/.test(file))) return undefined;
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    return text.length > 0 ? text : undefined;
  });
}
