import { redact, request, parseWebUrl, type HttpFailure, type HttpOptions } from './http';

// Webhook target (PRODUCT.md §4): POST the canonical file to a URL the user configured, with an
// optional bearer token. Runs in the background; the token never appears in results or messages.

export async function postWebhook(url: string, token: string | undefined, body: string, options: HttpOptions = {}): Promise<WebhookResult> {
  const parsed = parseWebUrl(url);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token?.trim()) headers.Authorization = `Bearer ${token.trim()}`;
  const sent = await request(parsed.url.href, { method: 'POST', headers, body }, options);
  if (sent.ok) return { ok: true, status: sent.status };
  return { ok: false, error: redact(webhookMessage(sent.failure, parsed.url), token) };
}

/** A token sent over plain http can be read on the way, unless the receiver is this computer. */
export function tokenWarning(url: string, token: string): string | undefined {
  const parsed = parseWebUrl(url);
  if (!token.trim() || !parsed.ok || parsed.url.protocol !== 'http:') return undefined;
  if (LOOPBACK_HOSTS.includes(parsed.url.hostname)) return undefined;
  return `The token would travel unencrypted to ${parsed.url.host} over http://; use https:// if the receiver supports it.`;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function webhookMessage(failure: HttpFailure, url: URL): string {
  const where = url.host;
  if (failure.kind === 'timeout') return `${where} did not answer within ${failure.seconds} s. The export is kept in the outbox: retry it there.`;
  if (failure.kind === 'network') {
    return `Could not reach ${where} (${failure.message}). Check the URL and that Goalpost may access this site, then retry from the outbox.`;
  }
  const detail = failure.detail ? `: ${failure.detail}` : '';
  const hint = STATUS_HINTS.find(([test]) => test(failure.status))?.[1] ?? 'The export is kept in the outbox.';
  return `${where} answered HTTP ${failure.status}${detail}. ${hint}`;
}

const STATUS_HINTS: [(status: number) => boolean, string][] = [
  [(status) => status === 401, 'The token was refused: check it, then retry from the outbox.'],
  [(status) => status === 403, 'The token may not post here: check its rights, then retry from the outbox.'],
  [(status) => status === 404, 'Check the URL, then retry from the outbox.'],
  [(status) => status === 400 || status === 409 || status === 422, 'The server refused the content; the export is kept in the outbox.'],
  [(status) => status >= 500, 'The server failed; the export is kept in the outbox: retry later.'],
];

export type WebhookResult = { ok: true; status: number } | { ok: false; error: string };
