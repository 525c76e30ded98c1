import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Real pages (shared/corpus), served under /corpus/ with their scripts removed, as the corpus README asks. */
const CORPUS = process.env.GOALPOST_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `tests/fixtures/` on 127.0.0.1 (an ephemeral port); any other path answers 200 with a small page. */
export async function serveFixtures(): Promise<{ origin: string; url(path: string): string; requests(path: string): number; close(): Promise<void> }> {
  const served = new Map<string, number>();
  const server: Server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    served.set(path, (served.get(path) ?? 0) + 1);
    try {
      const corpus = path.startsWith('/corpus/');
      let body = await readFile(corpus ? join(CORPUS, path.slice('/corpus/'.length)) : join(FIXTURES, path));
      if (corpus && extname(path) === '.html') body = Buffer.from(body.toString('utf8').replace(/<script\b[\s\S]*?<\/script\s*>/gi, ''));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>${path}</title><p>Navigated to ${path}</p>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    /** How many times the page at `path` was asked for (a reload the browser may not report to puppeteer). */
    requests: (path) => served.get(`/${path.replace(/^\//, '')}`) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
