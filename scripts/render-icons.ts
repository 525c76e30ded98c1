import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

// Renders Goalpost's icons (issue 15: "icons in all sizes both stores require, SVG source in the
// repo") from assets/icon/*.svg into public/icon/<size>.png, which WXT puts in the manifest.
// Chrome wants 16, 32, 48 and 128 (the 128 with its artwork in the middle 96 px, 16 px of
// transparent padding per side); Firefox uses 48 and 96 (and 32/64 on high-density screens).
// The toolbar sizes come from a drawing made on the 16 px grid; the larger ones from the detailed one.
// Run: npm run icons   (uses /usr/bin/chromium, or CHROMIUM_PATH)

const ROOT = join(import.meta.dirname, '..');
const SIZES: { size: number; source: 'icon.svg' | 'icon-small.svg'; padding: number }[] = [
  { size: 16, source: 'icon-small.svg', padding: 0 },
  { size: 32, source: 'icon-small.svg', padding: 0 },
  { size: 48, source: 'icon.svg', padding: 3 },
  { size: 64, source: 'icon.svg', padding: 4 },
  { size: 96, source: 'icon.svg', padding: 12 },
  { size: 128, source: 'icon.svg', padding: 16 },
];

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) throw new Error(`Chromium was not found at ${chromium}; set CHROMIUM_PATH.`);
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const out = join(ROOT, 'public', 'icon');
  await mkdir(out, { recursive: true });
  for (const { size, source, padding } of SIZES) {
    const svg = await readFile(join(ROOT, 'assets', 'icon', source), 'utf8');
    const inner = size - 2 * padding;
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${inner}px;height:${inner}px;margin:${padding}px}</style>${svg}`,
    );
    const path = join(out, `${size}.png`) as `${string}.png`;
    await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${size}×${size} → ${path}`);
  }
} finally {
  await browser.close();
}
