// A site for the runtime's end-to-end test (issue 13): the shop page served from 127.0.0.1 with or
// without the runtime's script tag, a local receiver for beacons, and a page to navigate to.
import { createServer, type IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { executablePath, type BrowserName } from './browsers.ts';
import { formatProblems, watchConsole, type ConsoleWatch } from './console.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface Received {
  path: string;
  contentType: string;
  body: string;
}

export interface RuntimeSite {
  origin: string;
  url(path: string): string;
  /** The script tag put into the shop page when it is asked for with `?runtime=1`. */
  setTag(html: string): void;
  /** Serves `body` at `path` (the runtime file, an activity JSON). */
  setFile(path: string, body: string, type: string): void;
  /** Everything POSTed to /collect, in arrival order. */
  received: Received[];
  close(): Promise<void>;
}

export async function serveRuntimeSite(): Promise<RuntimeSite> {
  let tag = '';
  const received: Received[] = [];
  const files = new Map<string, { body: string; type: string }>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (request.method === 'POST' && url.pathname === '/collect') {
      received.push({ path: `${url.pathname}${url.search}`, contentType: request.headers['content-type'] ?? '', body: await readBody(request) });
      response.writeHead(204).end();
      return;
    }
    if (url.pathname === '/shop.html') {
      const html = await readFile(join(FIXTURES, 'runtime-shop.html'), 'utf8');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(url.searchParams.get('runtime') === '1' ? html.replace('<!--goalpost-runtime-->', () => tag) : html);
      return;
    }
    const file = files.get(url.pathname);
    if (file) {
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.body);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!doctype html><title>Thanks</title><h1>Thanks</h1><p id="query">${url.search.replace(/[<&]/g, '')}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    setTag: (html) => (tag = html),
    setFile: (path, body, type) => files.set(path, { body, type }),
    received,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

/** A real browser without the extension (the runtime needs none), its console watched like the others'. */
export async function launchPlain(name: BrowserName): Promise<{ browser: Browser; console: ConsoleWatch; close(): Promise<void> }> {
  const browser = name === 'chromium'
    ? await puppeteer.launch({
        executablePath: executablePath(name), headless: true, pipe: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--window-size=1280,900'],
        defaultViewport: { width: 1280, height: 800 },
      })
    : await puppeteer.launch({ browser: 'firefox', executablePath: executablePath(name), headless: true, defaultViewport: { width: 1280, height: 800 } });
  const console = watchConsole(browser);
  return {
    browser,
    console,
    async close() {
      await browser.close();
      const problems = console.problems();
      if (problems.length > 0) throw new Error(`Console errors or warnings during the test:\n${formatProblems(problems)}`);
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
