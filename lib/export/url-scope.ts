import type { UrlScope } from '@/lib/goals/model';

// URL scopes (PRODUCT.md §3: exact URL, URL prefix, or wildcard pattern where `*` matches anything)
// written as the regular expressions that PostHog and GTM filters take.

export function scopeToRegex(scope: UrlScope): string {
  if (scope.kind === 'exact') return `^${escapeRegex(scope.value)}$`;
  if (scope.kind === 'prefix') return `^${escapeRegex(scope.value)}`;
  return `^${scope.value.split('*').map(escapeRegex).join('.*')}$`;
}

/** One regular expression matching any of the scopes (filters in GTM are AND-ed, so OR lives here). */
export function scopesToRegex(scopes: UrlScope[]): string {
  const parts = scopes.map(scopeToRegex);
  return parts.length === 1 ? parts[0]! : parts.map((part) => `(?:${part})`).join('|');
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The page an element was picked on without its query and hash, for a "contains" URL filter. */
export function pageWithoutQuery(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    return `${url.origin}${url.pathname}`;
  } catch {
    return pageUrl;
  }
}
