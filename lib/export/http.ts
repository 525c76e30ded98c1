// One HTTP exchange with an export target, from the background. Every failure becomes a value
// (never a throw) so the caller can show it and keep the payload in the outbox.

export const DEFAULT_TIMEOUT_MS = 15_000;

export async function request(url: string, init: RequestInit, options: HttpOptions = {}): Promise<HttpOutcome> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs), credentials: 'omit' });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { ok: false, failure: { kind: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 } };
    }
    return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false, failure: { kind: 'timeout', seconds: Math.round(timeoutMs / 100) / 10 } };
  }
  if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status, detail: errorDetail(text) } };
  return { ok: true, status: response.status, body: parseJson(text) };
}

/** The human part of an error body: DRF's `detail`, a `message`, or the first line of text. */
export function errorDetail(text: string): string {
  const body = parseJson(text);
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['detail', 'message', 'error']) {
      if (typeof record[key] === 'string') return clip(record[key] as string);
    }
  }
  return clip(text.split('\n')[0]?.trim() ?? '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A server may echo request headers in its error body; a secret must never reach the UI or storage. */
export function redact(text: string, secret: string | undefined): string {
  const value = secret?.trim();
  return value ? text.split(value).join('•••') : text;
}

/** A parsed http(s) URL, or why the text is not one. */
export function parseWebUrl(text: string): { ok: true; url: URL } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: `“${text}” is not a URL. Write it in full, e.g. https://hooks.example.com/goalpost.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: `“${text}” must start with https:// or http://.` };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'Put credentials in the token field, not in the URL: a URL is shown and stored in clear.' };
  }
  return { ok: true, url };
}

export interface HttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type HttpFailure =
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'network'; message: string };

export type HttpOutcome = { ok: true; status: number; body: unknown } | { ok: false; failure: HttpFailure };
