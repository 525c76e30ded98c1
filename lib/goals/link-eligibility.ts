// Which links a tracking runtime can count (PRODUCT.md §5, from the email click-tracking seeds):
// only http(s) links that lead somewhere else; the rest is flagged on its row, never hidden.
// The rule (`linkProblemKind`) is apart from its words so the site runtime (lib/runtime/, ≤ 3 KB)
// carries the rule alone.

/** Why a link cannot be tracked, or `null` when it can. */
export function linkProblem(href: string, pageUrl: string): LinkProblem | null {
  const kind = linkProblemKind(href, pageUrl);
  return kind === null ? null : { kind, message: MESSAGES[kind](href.trim(), pageUrl) };
}

/** The rule alone: what kind of problem the link has, or `null` when it can be tracked. */
export function linkProblemKind(href: string, pageUrl: string): LinkProblemKind | null {
  const value = href.trim();
  if (value === '') return 'unresolvable';
  const scheme = (/^([a-z][a-z0-9+.-]*):/i.exec(value) || ['', ''])[1]!.toLowerCase();
  if (scheme === 'mailto' || scheme === 'tel' || scheme === 'javascript') return scheme;
  if (value.startsWith('#')) return 'anchor';
  const resolved = resolve(value, pageUrl);
  if (!resolved) return 'unresolvable';
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return 'not-http';
  if (resolved.hash !== '' && samePage(resolved, pageUrl)) return 'anchor';
  return null;
}

const MESSAGES: Record<LinkProblemKind, (href: string, pageUrl: string) => string> = {
  mailto: () => 'Email links (mailto:) open a mail program and cannot be tracked.',
  tel: () => 'Phone links (tel:) cannot be tracked.',
  javascript: () => 'javascript: links run a script instead of opening a page and cannot be tracked.',
  anchor: () => 'An in-page anchor (#…) does not load a page, so its click is not tracked as a link.',
  'not-http': (href, pageUrl) => `Only http(s) links can be tracked; this one uses ${resolve(href, pageUrl)?.protocol}`,
  unresolvable: (href, pageUrl) => href === ''
    ? 'This link has no address, so there is nothing to track.'
    : `The relative link “${href}” cannot be resolved on ${pageUrl || 'this page'}; use an absolute http(s) address.`,
};

function resolve(href: string, pageUrl: string): URL | null {
  try {
    return new URL(href);
  } catch {
    // Relative: only a web page gives it a usable base.
  }
  try {
    const base = new URL(pageUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') return null;
    return new URL(href, base);
  } catch {
    return null;
  }
}

function samePage(link: URL, pageUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    return link.origin === page.origin && link.pathname === page.pathname && link.search === page.search;
  } catch {
    return false;
  }
}

export type LinkProblemKind = 'mailto' | 'tel' | 'javascript' | 'anchor' | 'not-http' | 'unresolvable';

export interface LinkProblem {
  kind: LinkProblemKind;
  message: string;
}
