import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filtersMatch, urlMatches, type StringMatching } from '../../lib/export/posthog/filters';
import { compileStep, parseChain, stepMatches } from '../../lib/export/posthog/matching';
import { COMPILERS, type Compiler } from '../../lib/export/posthog/compiler';

// Local stand-ins for the export targets, on 127.0.0.1. Each one enforces the request shape the
// target documents (PRODUCT.md §4) and can be told to answer 200/201, 400, 401, 500 or hang.

export type Mode = 'ok' | 'unauthorized' | 'forbidden' | 'error' | 'hang';

/**
 * PostHog's actions API as its source has it (products/actions/backend/api/action.py): `/api/projects/
 * {id}/actions/`, Bearer personal key; a name must be non-blank, at most 400 characters and unique
 * among the project's actions that are not deleted (a deleted action's name is free again); a step
 * accepts event, properties, selector, tag_name, text(_matching), href(_matching), url(_matching);
 * DRF drops fields it does not know, silently (kept in `ignoredFields` so tests can see them).
 * `matchEvent` then counts an `$autocapture` event the way action_to_expr does, with the model of
 * PostHog's selector compilers (both, or one).
 */
export async function fakePostHog(options: { projectId: string; apiKey: string; pageSize?: number }) {
  const actions: { id: number; name: string; steps: StoredStep[]; deleted?: boolean }[] = [];
  const log: { method: string; path: string; body: unknown }[] = [];
  const shapeErrors: string[] = [];
  const ignoredFields: string[] = [];
  const hooks: { onList?: () => void } = {};
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
    hooks.onList?.();
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const size = options.pageSize ?? 100;
    const visible = actions.filter((action) => !action.deleted);
    const page = visible.slice(offset, offset + size);
    const next = offset + size < visible.length ? `${server.origin}${listPath}?limit=${size}&offset=${offset + size}` : null;
    json(response, 200, { count: visible.length, next, previous: null, results: page });
  }

  function create(response: ServerResponse, body: unknown) {
    const problem = actionShapeProblem(body, ignoredFields);
    if (problem) return shapeError(response, problem);
    const { name, steps } = body as { name: string; steps: StoredStep[] };
    const clash = actions.find((action) => action.name === name && !action.deleted);
    if (clash) return json(response, 400, { type: 'validation_error', code: 'unique', detail: `This project already has an action with this name, ID ${clash.id}`, attr: 'name' });
    const action = { id: nextId++, name, steps: steps.map(storedStep) };
    actions.push(action);
    json(response, 201, action);
  }

  function update(response: ServerResponse, id: number, body: unknown) {
    const problem = actionShapeProblem(body, ignoredFields);
    if (problem) return shapeError(response, problem);
    const action = actions.find((item) => item.id === id && !item.deleted);
    if (!action) return json(response, 404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.' });
    const { name, steps } = body as { name: string; steps: StoredStep[] };
    const clash = actions.find((other) => other.id !== id && other.name === name && !other.deleted);
    if (clash) return json(response, 400, { type: 'validation_error', code: 'unique', detail: `This project already has an action with this name, ID ${clash.id}`, attr: 'name' });
    Object.assign(action, { name, steps: steps.map(storedStep) });
    json(response, 200, action);
  }

  /** The live actions an `$autocapture` event counts for, as PostHog's action_to_expr decides. */
  function matchEvent(event: FakeEvent, compilers: readonly Compiler[] = COMPILERS): string[] {
    return actions.filter((action) => !action.deleted && action.steps.some((step) => compilers.every((compiler) => stepCounts(step, event, compiler)))).map((action) => action.name);
  }

  function shapeError(response: ServerResponse, problem: string) {
    shapeErrors.push(problem);
    json(response, 400, { type: 'validation_error', code: 'invalid_input', detail: problem });
  }

  return { ...server, actions, log, shapeErrors, ignoredFields, state, matchEvent, hooks };
}

const ACTION_FIELDS = ['name', 'description', 'tags', 'post_to_slack', 'slack_message_format', 'steps', 'deleted', 'pinned_at', '_create_in_folder'];
const STEP_FIELDS = ['event', 'properties', 'selector', 'tag_name', 'text', 'text_matching', 'href', 'href_matching', 'url', 'url_matching'];
const MATCHING = ['contains', 'exact', 'regex'];

/** ActionSerializer + ActionStepJSONSerializer validation; unknown fields are dropped, as DRF does. */
export function actionShapeProblem(body: unknown, ignored: string[] = []): string | undefined {
  if (!isRecord(body)) return 'body must be a JSON object';
  for (const key of Object.keys(body)) if (!ACTION_FIELDS.includes(key)) ignored.push(key);
  if (typeof body.name !== 'string' || !body.name.trim()) return 'name: This field may not be blank.';
  if ([...body.name].length > 400) return 'name: Ensure this field has no more than 400 characters.';
  if (!Array.isArray(body.steps) || body.steps.length === 0) return 'steps must be a non-empty array';
  for (const [index, step] of body.steps.entries()) {
    if (!isRecord(step)) return `steps[${index}] must be an object`;
    for (const key of Object.keys(step)) if (!STEP_FIELDS.includes(key)) ignored.push(`steps[${index}].${key}`);
    if (step.event !== '$autocapture') return `steps[${index}].event must be "$autocapture"`;
    if (typeof step.selector !== 'string' || !step.selector) return `steps[${index}].selector must be a string`;
    if (typeof step.url !== 'string' || !step.url) return `steps[${index}].url must be a string`;
    for (const key of ['url_matching', 'href_matching', 'text_matching']) {
      if (key in step && step[key] !== null && !MATCHING.includes(step[key] as string)) return `steps[${index}].${key}: "${String(step[key])}" is not a valid choice.`;
    }
    for (const key of ['tag_name', 'href', 'text']) {
      if (key in step && typeof step[key] !== 'string') return `steps[${index}].${key} must be a string`;
    }
    if ('properties' in step && step.properties !== null) {
      if (!Array.isArray(step.properties) || !step.properties.every(isRecord)) return `steps[${index}].properties must be a list of objects`;
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

interface StoredStep {
  event: string;
  selector?: string;
  tag_name?: string;
  href?: string;
  href_matching?: StringMatching;
  text?: string;
  text_matching?: StringMatching;
  url?: string;
  url_matching?: 'contains' | 'exact' | 'regex';
  properties?: { key: string; value: unknown; operator?: string; type?: string }[];
}

function storedStep(step: StoredStep): StoredStep {
  const kept: Record<string, unknown> = {};
  for (const key of STEP_FIELDS) if (key in step) kept[key] = (step as unknown as Record<string, unknown>)[key];
  return { url_matching: 'contains', ...kept } as StoredStep;
}

/** An `$autocapture` event as PostHog stores it: its element chain and properties. */
export interface FakeEvent {
  event: string;
  elementsChain: string;
  properties: Record<string, string>;
}

/** One step of action_to_expr (posthog/hogql/property.py) for one event. */
function stepCounts(step: StoredStep, event: FakeEvent, compiler: Compiler): boolean {
  if (step.event && step.event !== event.event) return false;
  if (step.selector && !stepMatches(compileStep(step.selector, compiler), event.elementsChain)) return false;
  // tag_name anywhere in the chain, href against its first href, text against any of its texts,
  // url against $current_url: where action_to_expr reads each (lib/export/posthog/filters.ts).
  if (!filtersMatch(step, parseChain(event.elementsChain))) return false;
  if (!urlMatches(step, event.properties.$current_url ?? '')) return false;
  for (const filter of step.properties ?? []) {
    // Only the `exact` event-property filter Goalpost writes is modelled; anything else counts nothing.
    if ((filter.operator ?? 'exact') !== 'exact' || (filter.type ?? 'event') !== 'event') return false;
    const values = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
    if (!values.includes(event.properties[filter.key] ?? '')) return false;
  }
  return true;
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
