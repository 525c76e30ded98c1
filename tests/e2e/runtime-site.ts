// A site for the runtime's end-to-end test and benchmark (issue 13): the shop page served from
// 127.0.0.1 with or without the runtime's script tag, a local receiver for beacons, a page to
// navigate to, and the navigation timing both use. Plain Node (the benchmark runs it without vitest).
import { createServer, type IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import type { CanonicalActivity } from '../../lib/export/canonical.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The shop's activity: a link, a button with its own handler, a window, a mailto link, an element added after load, a form. */
export function shopActivity(origin: string): CanonicalActivity {
  const page = `${origin}/shop.html`;
  const element = (id: string, selector: string, action: CanonicalActivity['elements'][number]['action'], label: string) => ({ id, selector, action, label, pageUrl: page });
  return {
    format: 'goalpost/activity@1', id: 'act_shop', name: 'Runtime shop',
    scopes: [{ kind: 'prefix', value: page }],
    pages: [page],
    metrics: [
      { id: 'm_checkout', name: 'Checkout', counting: 'every', elementIds: ['el_checkout'] },
      { id: 'm_cart', name: 'Add to cart', counting: 'every', elementIds: ['el_cart'] },
      { id: 'm_quick', name: 'Quick look', counting: 'every', windowSeconds: 5, elementIds: ['el_quick'] },
      { id: 'm_contact', name: 'Contact', counting: 'every', elementIds: ['el_contact'] },
      { id: 'm_offer', name: 'Spring offer', counting: 'every', elementIds: ['el_offer'] },
      { id: 'm_signup', name: 'Sign up', counting: 'once', elementIds: ['el_signup'] },
    ],
    elements: [
      element('el_checkout', 'a.checkout', { kind: 'link', href: '/thanks?from=checkout' }, 'Link “Checkout”'),
      element('el_cart', '#add-to-cart', { kind: 'click' }, 'Button “Add to cart”'),
      element('el_quick', '#quick', { kind: 'click' }, 'Button “Quick look”'),
      element('el_contact', '#contact', { kind: 'link', href: 'mailto:hello@shop.example' }, 'Link “Email us”'),
      element('el_offer', 'button.offer', { kind: 'click' }, 'Button “Spring offer”'),
      element('el_signup', 'form#signup', { kind: 'submit' }, 'Form'),
    ],
  };
}

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

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Time from a click's start to the next page's navigation start, for the link (`#checkout`) and the
 * form (`#signup-button`) of the shop, with and without the runtime, alternating so a slow spell of
 * a shared machine falls on both alike. `dispatch` is the click's whole event dispatch, noted by
 * the page's own first and last listeners.
 */
export async function measureNavigations(page: Page, site: RuntimeSite, rounds: number): Promise<NavigationSamples> {
  const samples: NavigationSamples = {};
  const measure = async (runtime: boolean, action: 'link' | 'form') => {
    await page.goto(site.url(`shop.html?runtime=${runtime ? 1 : 0}`), { waitUntil: 'load' });
    await page.evaluate(() => sessionStorage.clear());
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(action === 'link' ? '#checkout' : '#signup-button')]);
    const timing = await page.evaluate(() => {
      const dispatch = JSON.parse(sessionStorage.getItem('dispatch') || '[]') as { ms: number }[];
      return { navigate: performance.timeOrigin - Number(sessionStorage.getItem('clickStart')), dispatch: dispatch.at(-1)?.ms ?? Number.NaN };
    });
    const key = `${action} ${runtime ? 'with' : 'without'}` as const;
    samples[key] ??= { navigate: [], dispatch: [] };
    samples[key].navigate.push(timing.navigate);
    samples[key].dispatch.push(timing.dispatch);
  };
  for (let round = 0; round < rounds; round++) {
    for (const runtime of round % 2 ? [true, false] : [false, true]) {
      await measure(runtime, 'link');
      await measure(runtime, 'form');
    }
  }
  return samples;
}

export type NavigationSamples = Partial<Record<`${'link' | 'form'} ${'with' | 'without'}`, { navigate: number[]; dispatch: number[] }>>;
