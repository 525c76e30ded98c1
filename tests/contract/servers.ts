import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Local stand-ins for the export targets, on 127.0.0.1. Each one enforces the request shape the
// target documents (PRODUCT.md §4) and can be told to answer 200/201, 400, 401, 500 or hang.

export type Mode = 'ok' | 'unauthorized' | 'forbidden' | 'error' | 'hang';

/** PostHog's actions API: `/api/projects/{id}/actions/`, Bearer personal key, unique names. */
export async function fakePostHog(options: { projectId: string; apiKey: string; pageSize?: number }) {
  const actions: { id: number; name: string; steps: unknown[]; deleted?: boolean }[] = [];
  const log: { method: string; path: string; body: unknown }[] = [];
  const shapeErrors: string[] = [];
  let nextId = 1;
  const state = { mode: 'ok' as Mode };
  const listPath = `/api/projects/${options.projectId}/actions/`;

  const server = await listen(async (request, response, body) => {
    const url = new URL(request.url ?? '/', 'http://x');
    log.push({ method: request.method ?? '', path: url.pathname, body });
    if (state.mode === 'hang') return; // never answers
    if (state.mode === 'error') return json(response, 500, { type: 'server_error', detail: 'A server error occurred.' });
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return json(response, 401, { type: 'authentication_error', code: 'authentication_failed', detail: 'Incorrect authentication credentials.' });
    }
    if (state.mode === 'forbidden') return json(response, 403, { type: 'authentication_error', code: 'permission_denied', detail: 'API key missing required scope \'action:write\'' });
    if (request.method === 'GET' && url.pathname === listPath) return list(response, url);
    if (request.method === 'POST' && url.pathname === listPath) return create(response, body);
    const match = new RegExp(`^${listPath}(\\d+)/$`).exec(url.pathname);
    if (request.method === 'PATCH' && match) return update(response, Number(match[1]), body);
    shapeErrors.push(`unexpected ${request.method} ${url.pathname}`);
    return json(response, 404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.' });
  });

  function list(response: ServerResponse, url: URL) {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const size = options.pageSize ?? 100;
    const visible = actions.filter((action) => !action.deleted);
    const page = visible.slice(offset, offset + size);
    const next = offset + size < visible.length ? `${server.origin}${listPath}?limit=${size}&offset=${offset + size}` : null;
    json(response, 200, { count: visible.length, next, previous: null, results: page });
  }

  function create(response: ServerResponse, body: unknown) {
    const problem = actionShapeProblem(body);
    if (problem) return shapeError(response, problem);
    const { name, steps } = body as { name: string; steps: unknown[] };
    const clash = actions.find((action) => action.name === name);
    if (clash) return json(response, 400, { type: 'validation_error', code: 'unique', detail: `This project already has an action with this name, ID ${clash.id}`, attr: 'name' });
    const action = { id: nextId++, name, steps };
    actions.push(action);
    json(response, 201, action);
  }

  function update(response: ServerResponse, id: number, body: unknown) {
    const problem = actionShapeProblem(body);
    if (problem) return shapeError(response, problem);
    const action = actions.find((item) => item.id === id && !item.deleted);
    if (!action) return json(response, 404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.' });
    Object.assign(action, body);
    json(response, 200, action);
  }

  function shapeError(response: ServerResponse, problem: string) {
    shapeErrors.push(problem);
    json(response, 400, { type: 'validation_error', code: 'invalid_input', detail: problem });
  }

  return { ...server, actions, log, shapeErrors, state };
}

/** The documented request body: `{name, steps: [{event: "$autocapture", selector, url, url_matching, tag_name?, href?, text?}]}`. */
export function actionShapeProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'body must be a JSON object';
  const extra = Object.keys(body).filter((key) => key !== 'name' && key !== 'steps');
  if (extra.length) return `unexpected action fields: ${extra.join(', ')}`;
  if (typeof body.name !== 'string' || !body.name.trim()) return 'name must be a non-empty string';
  if (!Array.isArray(body.steps) || body.steps.length === 0) return 'steps must be a non-empty array';
  for (const [index, step] of body.steps.entries()) {
    if (!isRecord(step)) return `steps[${index}] must be an object`;
    const allowed = ['event', 'selector', 'url', 'url_matching', 'tag_name', 'href', 'text'];
    const unknown = Object.keys(step).filter((key) => !allowed.includes(key));
    if (unknown.length) return `steps[${index}] has unexpected fields: ${unknown.join(', ')}`;
    if (step.event !== '$autocapture') return `steps[${index}].event must be "$autocapture"`;
    if (typeof step.selector !== 'string' || !step.selector) return `steps[${index}].selector must be a string`;
    if (typeof step.url !== 'string' || !step.url) return `steps[${index}].url must be a string`;
    if (!['contains', 'exact', 'regex'].includes(step.url_matching as string)) return `steps[${index}].url_matching must be contains, exact or regex`;
    for (const key of ['tag_name', 'href', 'text']) {
      if (key in step && typeof step[key] !== 'string') return `steps[${index}].${key} must be a string`;
    }
    if (step.url_matching === 'regex') {
      try {
        new RegExp(step.url as string);
      } catch {
        return `steps[${index}].url is not a valid regex`;
      }
    }
  }
  return undefined;
}

/** A webhook receiver: POST, JSON body, optional `Authorization: Bearer <token>`. */
export async function fakeWebhook(options: { token?: string } = {}) {
  const received: { headers: IncomingMessage['headers']; text: string }[] = [];
  const state = { mode: 'ok' as Mode | 'duplicate' };
  const server = await listen(async (request, response, _body, text) => {
    if (state.mode === 'hang') return;
    if (request.method !== 'POST') return json(response, 405, { error: 'POST only' });
    if (!/^application\/json/.test(request.headers['content-type'] ?? '')) return json(response, 415, { error: 'JSON only' });
    if (options.token && request.headers.authorization !== `Bearer ${options.token}`) return json(response, 401, { error: 'bad token' });
    if (state.mode === 'error') return json(response, 500, { error: 'receiver crashed' });
    if (state.mode === 'duplicate') return json(response, 400, { error: 'an activity with this name already exists' });
    received.push({ headers: request.headers, text });
    json(response, 200, { ok: true });
  });
  return { ...server, received, state };
}

async function listen(handle: (request: IncomingMessage, response: ServerResponse, body: unknown, text: string) => unknown) {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = Symbol('invalid JSON');
      }
      void handle(request, response, body, text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy(); // hung requests must not keep the server alive
      server.close(() => resolve());
    }),
  };
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
