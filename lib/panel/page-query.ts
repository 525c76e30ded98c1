import { browser } from 'wxt/browser';

// The panel's own eyes on the target tab: live match counts and the row-hover highlight, run
// with `scripting.executeScript` so they work whether or not the picker is there. The injected
// functions are serialized into the page, so each must be self-contained (no outside references).

/** Counts now, or (with `known`) waits until the counts differ from `known` or `timeoutMs` passes. */
export async function queryMatches(tabId: number, targets: MatchTarget[], known?: PageMatches, timeoutMs = 15_000): Promise<PageQuery> {
  const knownKey = known ? JSON.stringify(known) : null;
  return run(() => browser.scripting.executeScript({
    target: { tabId, allFrames: false },
    func: probeMatches,
    args: [targets, knownKey, timeoutMs],
  }));
}

/** Outlines every match of `target` on the page; `null` removes the outline. */
export async function highlightMatches(tabId: number, target: MatchTarget | null): Promise<PageQuery> {
  return run(() => browser.scripting.executeScript({
    target: { tabId, allFrames: false },
    func: drawHighlight,
    args: [target],
  }));
}

async function run(execute: () => Promise<{ result?: unknown }[]>): Promise<PageQuery> {
  try {
    const [frame] = await execute();
    const page = frame?.result as PageMatches | null | undefined;
    // `null` means a newer query replaced this one in the page.
    if (page === null) return { kind: 'replaced' };
    if (!page) return { kind: 'failed', message: 'The page did not answer (it may be loading).' };
    return { kind: 'ok', page };
  } catch (error) {
    return explainFailure(error);
  }
}

/** Sorts an executeScript failure into "no access" (the user can fix it) or a passing failure. */
export function explainFailure(error: unknown): PageQuery {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|cannot access|cannot be scripted|extensions gallery|host/i.test(message)) {
    return { kind: 'no-access', message: 'Goalpost has no access to this page yet.' };
  }
  return { kind: 'failed', message: `The page could not be read: ${message}` };
}

/**
 * Injected. For each target: how many elements match, how many of those are excluded by
 * `data-goalpost-no-track`, and what the first one is. Resolves at once when the result differs
 * from `knownKey`; otherwise watches the DOM (debounced) until it does or the time is up.
 */
export function probeMatches(targets: MatchTarget[], knownKey: string | null, timeoutMs: number): Promise<PageMatches | null> {
  type Watch = { cancel(): void };
  const registry = globalThis as unknown as { __goalpostMatchWatch?: Watch };

  const rootsFor = (target: MatchTarget): ParentNode[] => {
    let root: ParentNode | null = document;
    for (const frame of target.frames ?? []) {
      const element: Element | null = root?.querySelector(frame) ?? null;
      root = (element as HTMLIFrameElement | null)?.contentDocument ?? null;
    }
    for (const host of target.shadowHosts ?? []) root = root?.querySelector(host)?.shadowRoot ?? null;
    return root ? [root] : [];
  };
  const label = (element: Element): string => {
    const tag = element.tagName.toLowerCase();
    const id = element.id ? `#${element.id}` : '';
    const classes = [...element.classList].slice(0, 2).map((name) => `.${name}`).join('');
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const words = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    return words ? `${tag}${id}${classes} "${words}"` : `${tag}${id}${classes}`;
  };
  const measure = (target: MatchTarget): MatchInfo => {
    try {
      const matches: Element[] = [];
      for (const root of rootsFor(target)) matches.push(...root.querySelectorAll(target.selector));
      const first = matches[0];
      const excluded = matches.filter((element) => element.closest('[data-goalpost-no-track]')).length;
      const href = first && first.tagName.toLowerCase() === 'a' ? ((first as HTMLAnchorElement).href || first.getAttribute('href')) : null;
      return { ok: true, count: matches.length, excluded, first: first ? { tag: first.tagName.toLowerCase(), href, label: label(first) } : null };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  };
  const collect = (): PageMatches => ({ url: location.href, matches: targets.map(measure) });

  const now = collect();
  if (knownKey === null || JSON.stringify(now) !== knownKey) return Promise.resolve(now);

  // One watch per page: a newer one (the panel's targets changed, or a second panel) replaces it.
  registry.__goalpostMatchWatch?.cancel();
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: PageMatches | null) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      if (registry.__goalpostMatchWatch === watch) registry.__goalpostMatchWatch = undefined;
      resolve(value);
    };
    const check = () => {
      const next = collect();
      if (JSON.stringify(next) !== knownKey) finish(next);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(check, 150);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const deadline = setTimeout(() => finish(collect()), timeoutMs);
    const watch: Watch = { cancel: () => finish(null) };
    registry.__goalpostMatchWatch = watch;
  });
}

/**
 * Injected. Draws one outline per match in a closed shadow root above the page, kept in place on
 * scroll and resize; the previous highlight (and its listeners) always goes first.
 */
export function drawHighlight(target: MatchTarget | null): PageMatches {
  type Highlight = { remove(): void };
  const registry = globalThis as unknown as { __goalpostHighlight?: Highlight };
  registry.__goalpostHighlight?.remove();
  registry.__goalpostHighlight = undefined;
  if (!target) return { url: location.href, matches: [] };

  const found: { element: Element; frameOffset: () => { x: number; y: number } }[] = [];
  let root: ParentNode | null = document;
  const frames: Element[] = [];
  try {
    for (const frame of target.frames ?? []) {
      const element: Element | null = root?.querySelector(frame) ?? null;
      if (element) frames.push(element);
      root = (element as HTMLIFrameElement | null)?.contentDocument ?? null;
    }
    for (const host of target.shadowHosts ?? []) root = root?.querySelector(host)?.shadowRoot ?? null;
    const offset = () => frames.reduce((sum, frame) => {
      const rect = frame.getBoundingClientRect();
      return { x: sum.x + rect.left + frame.clientLeft, y: sum.y + rect.top + frame.clientTop };
    }, { x: 0, y: 0 });
    for (const element of root?.querySelectorAll(target.selector) ?? []) found.push({ element, frameOffset: offset });
  } catch (error) {
    return { url: location.href, matches: [{ ok: false, message: (error as Error).message }] };
  }

  const host = document.createElement('goalpost-highlight');
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: 0 !important; pointer-events: none !important; z-index: 2147483646 !important;');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = '.box { position: fixed; box-sizing: border-box; border: 2px solid #e8590c; background: rgba(232, 89, 12, .15); pointer-events: none; }';
  shadow.append(style);
  const boxes = found.map(() => shadow.appendChild(document.createElement('div')));
  const place = () => {
    found.forEach(({ element, frameOffset }, index) => {
      const rect = element.getBoundingClientRect();
      const { x, y } = frameOffset();
      const box = boxes[index]!;
      box.className = 'box';
      box.style.transform = `translate(${rect.left + x}px, ${rect.top + y}px)`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
    });
  };
  place();
  document.documentElement.append(host);
  const controller = new AbortController();
  let frame = 0;
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(place);
  };
  addEventListener('scroll', schedule, { capture: true, passive: true, signal: controller.signal });
  addEventListener('resize', schedule, { passive: true, signal: controller.signal });
  registry.__goalpostHighlight = {
    remove: () => {
      controller.abort();
      cancelAnimationFrame(frame);
      host.remove();
    },
  };
  const first = found[0]?.element;
  return {
    url: location.href,
    matches: [{ ok: true, count: found.length, excluded: 0, first: first ? { tag: first.tagName.toLowerCase(), href: null, label: first.tagName.toLowerCase() } : null }],
  };
}

/** Where a selector is evaluated: the top document, or inside the given same-origin frames and shadow roots. */
export interface MatchTarget {
  selector: string;
  frames?: string[];
  shadowHosts?: string[];
}

export interface FirstMatch {
  tag: string;
  href: string | null;
  /** `tag#id.class "text"`, as the picker labels picks. */
  label: string;
}

export type MatchInfo =
  | { ok: true; count: number; excluded: number; first: FirstMatch | null }
  | { ok: false; message: string };

export interface PageMatches {
  url: string;
  matches: MatchInfo[];
}

export type PageQuery =
  | { kind: 'ok'; page: PageMatches }
  | { kind: 'replaced' }
  | { kind: 'no-access'; message: string }
  | { kind: 'failed'; message: string };
