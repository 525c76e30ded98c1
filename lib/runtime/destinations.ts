// Where a conversion goes (issue 13, PRODUCT.md §5): the engines a site already runs, never a
// collector of ours. Each hand-off is synchronous and cannot throw into the page's event dispatch.

export const DATALAYER_EVENT = 'goalpost_conversion';
export const POSTHOG_EVENT = 'goalpost conversion';

/**
 * Destinations from text: `datalayer`, `posthog`, or an http(s) URL for a beacon, several separated by
 * spaces or commas. A URL starting with `/` resolves against `base` (the page). Anything else is an error, in words.
 */
export function parseDestinations(text: string, base: string): Destination[] | { error: string } {
  const destinations: Destination[] = [];
  for (const word of text.split(/[\s,]+/)) {
    if (!word) continue;
    const name = word.toLowerCase();
    if (name === 'datalayer') destinations.push({ kind: 'dataLayer' });
    else if (name === 'posthog') destinations.push({ kind: 'posthog' });
    else {
      const url = /^(https?:|\/)/i.test(word) ? httpUrl(word, base) : null;
      if (!url) return { error: `“${word}” ${USE}` };
      destinations.push({ kind: 'beacon', url });
    }
  }
  return destinations.length ? destinations : { error: `no destination ${USE}` };
}

const USE = 'is not a destination: use datalayer, posthog or an http(s) URL';

/** Hands one conversion to each destination. Returns a problem per destination that could not take it. */
export function deliver(conversion: Conversion, destinations: readonly Destination[], win: Window): string[] {
  const problems: string[] = [];
  for (const destination of destinations) {
    try {
      const problem = HANDOFF[destination.kind](conversion, destination, win);
      if (problem) problems.push(problem);
    } catch (error) {
      problems.push(`${destination.kind}: ${String(error)}`);
    }
  }
  return problems;
}

type Handoff = (conversion: Conversion, destination: Destination, win: Window) => string | undefined;

const HANDOFF: Record<Destination['kind'], Handoff> = {
  // GTM reads pushes on `dataLayer` (its own `push` replaces the array's); GA4 through a GTM trigger on the event name.
  dataLayer(conversion, _destination, win) {
    const scope = win as unknown as { dataLayer?: unknown[] };
    scope.dataLayer = scope.dataLayer || [];
    scope.dataLayer.push({ event: DATALAYER_EVENT, ...conversion });
    return undefined;
  },
  posthog(conversion, _destination, win) {
    // posthog-js's snippet defines `posthog.capture` at once and queues calls until it has loaded.
    const posthog = (win as unknown as { posthog?: { capture?: (event: string, properties: object) => void } }).posthog;
    if (!posthog || typeof posthog.capture !== 'function') return 'PostHog is not on this page';
    posthog.capture(POSTHOG_EVENT, conversion);
    return undefined;
  },
  beacon(conversion, destination, win) {
    const url = (destination as { url: string }).url;
    // A string body goes as text/plain: no CORS preflight, and the browser sends it even as the page unloads.
    const body = JSON.stringify(conversion);
    // sendBeacon refuses when its queue is full (64 KB in flight); fetch with keepalive outlives the page too.
    if (!win.navigator.sendBeacon(url, body)) {
      win.fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit' }).catch(() => undefined);
    }
    return undefined;
  },
};

function httpUrl(text: string, base: string): string | null {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export type Destination = { kind: 'dataLayer' } | { kind: 'posthog' } | { kind: 'beacon'; url: string };

/**
 * Everything a conversion records (README, privacy): which metric of which activity, on which page,
 * when; a random visitor id only for once-per-visitor metrics. No text, no user agent, nothing else.
 */
export interface Conversion {
  metric_id: string;
  metric_name: string;
  activity_id: string;
  /** The page's URL without its #fragment (which can carry tokens and never names another page). */
  page_url: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  visitor_id?: string;
}
