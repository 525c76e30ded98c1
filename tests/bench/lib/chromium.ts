import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--window-size=1280,900',
];
/** Origin the corpus pages are served from; every other request is refused. */
export const CORPUS_ORIGIN = 'http://corpus.localhost';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}; set CHROMIUM_PATH.`);
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
  });
}

/**
 * Loads `html` as the document at `${CORPUS_ORIGIN}/${name}` with the network blocked: the page
 * request is answered from memory and every other request (images, styles, frames) is aborted.
 */
export async function loadOffline(page: Page, name: string, html: Buffer): Promise<void> {
  const url = `${CORPUS_ORIGIN}/${encodeURIComponent(name)}`;
  await page.setRequestInterception(true);
  page.removeAllListeners('request');
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (request.url() === url && request.isNavigationRequest()) {
      void request.respond({ status: 200, contentType: 'text/html', body: html });
    } else {
      void request.abort('blockedbyclient');
    }
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
}
