// Which links a tracking runtime can count (PRODUCT.md §5, from the email click-tracking seeds):
// only http(s) links that lead somewhere else; the rest is flagged on its row, never hidden.

/** Why a link cannot be tracked, or `null` when it can. */
export function linkProblem(href: string, pageUrl: string): LinkProblem | null {
  const value = href.trim();
  if (value === '') return { kind: 'unresolvable', message: 'This link has no address, so there is nothing to track.' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  const byScheme = scheme ? SCHEMES[scheme] : undefined;
  if (byScheme) return byScheme;
  if (value.startsWith('#')) return ANCHOR;
  const resolved = resolve(value, pageUrl);
  if (!resolved) {
    return { kind: 'unresolvable', message: `The relative link “${value}” cannot be resolved on ${pageUrl || 'this page'}; use an absolute http(s) address.` };
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    return { kind: 'not-http', message: `Only http(s) links can be tracked; this one uses ${resolved.protocol}` };
  }
  if (resolved.hash !== '' && samePage(resolved, pageUrl)) return ANCHOR;
  return null;
}

const ANCHOR: LinkProblem = { kind: 'anchor', message: 'An in-page anchor (#…) does not load a page, so its click is not tracked as a link.' };

const SCHEMES: Record<string, LinkProblem> = {
  mailto: { kind: 'mailto', message: 'Email links (mailto:) open a mail program and cannot be tracked.' },
  tel: { kind: 'tel', message: 'Phone links (tel:) cannot be tracked.' },
  javascript: { kind: 'javascript', message: 'javascript: links run a script instead of opening a page and cannot be tracked.' },
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

export interface LinkProblem {
  kind: 'mailto' | 'tel' | 'javascript' | 'anchor' | 'not-http' | 'unresolvable';
  message: string;
}
