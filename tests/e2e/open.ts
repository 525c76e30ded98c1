// `npm run start`: the built extension in a real Chromium window, on a demo page served from
// tests/fixtures, its side panel open, ready to pick. Closing the window (or Ctrl+C) ends it.
// Usage: npm run start [-- --page picker-shop.html | --page https://example.com/]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { executablePath } from './browsers.ts';
import { serveFixtures } from './server.ts';

const OUTPUT = resolve(import.meta.dirname, '..', '..', process.env.GOALPOST_OUT_DIR ?? '.output', 'chrome-mv3');
const { values } = parseArgs({ options: { page: { type: 'string', default: 'picker-news.html' } } });

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error('npm run start opens a browser window, and this machine has no display. Run it on a desktop, or under a virtual display: xvfb-run npm run start');
  process.exit(1);
}

const server = await serveFixtures();
const url = /^https?:\/\//.test(values.page!) ? values.page! : server.url(values.page!);
const browser = await puppeteer.launch({
  executablePath: executablePath('chromium'),
  headless: false,
  pipe: true,
  enableExtensions: true,
  defaultViewport: null,
  userDataDir: await mkdtemp(join(tmpdir(), 'goalpost-start-')),
  args: ['--no-first-run', '--window-size=1600,1000', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const shutdown = async () => {
  await browser.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
browser.on('disconnected', () => void shutdown());

const extensionId = await browser.installExtension(OUTPUT);
const [first] = await browser.pages();
const page = first ?? await browser.newPage();
await page.goto(url, { waitUntil: 'load' });
// The toolbar button opens the side panel and grants the page to Goalpost, as a user's click does.
const extension = (await browser.extensions()).get(extensionId);
if (extension) await page.triggerExtensionAction(extension);
// On first install Goalpost opens its welcome page in a tab; the demo page stays in front.
await page.bringToFront();
console.log(`Goalpost is loaded in Chromium on ${url}. Press “Pick elements” in the side panel (or Alt+Shift+P on the page). Close the window or press Ctrl+C to stop.`);
