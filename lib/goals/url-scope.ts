import type { Activity, UrlScope, Workspace } from './model';

// URL scopes of an activity (PRODUCT.md §3): which pages it applies to. The hash never matters
// (in-page anchors are the same page); scheme and host compare case-insensitively because
// `new URL()` lowercases them on both sides.

/** Whether a page URL falls under one scope. */
export function scopeMatches(scope: UrlScope, pageUrl: string): boolean {
  const page = normalizeUrl(pageUrl);
  if (page === null) return false;
  return MATCHERS[scope.kind](scope.value.trim(), page);
}

/** Whether any of the activity's scopes covers the page. An activity without scopes covers nothing. */
export function activityCovers(activity: Activity, pageUrl: string): boolean {
  return activity.scopes.some((scope) => scopeMatches(scope, pageUrl));
}

/** The scope a new activity (or a new page of one) gets: exactly that page, without its hash. */
export function scopeForPage(pageUrl: string): UrlScope {
  return { kind: 'exact', value: normalizeUrl(pageUrl) ?? pageUrl };
}

/** Why a scope cannot match anything, or `null` when it is usable. Shown next to the field. */
export function scopeProblem(scope: UrlScope): string | null {
  const value = scope.value.trim();
  if (value === '') return 'Enter a URL.';
  if (scope.kind === 'pattern') {
    if (!/^(https?|\*):\/\//i.test(value)) return 'A pattern starts with http://, https:// or *://, e.g. https://shop.example/products/*';
    return null;
  }
  if (normalizeUrl(value) === null) {
    return `“${value}” is not a web address. Use a full URL starting with http:// or https://.`;
  }
  return null;
}

/** The page URL as compared: parsed, without hash; `null` for anything but http(s). */
export function normalizeUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** `*` stands for any run of characters (slashes included); everything else is literal. */
export function wildcardToRegExp(pattern: string): RegExp {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 'i');
}

const MATCHERS: Record<UrlScope['kind'], (value: string, page: string) => boolean> = {
  exact: (value, page) => normalizeUrl(value) === page,
  // A bare origin like `https://shop.example` is normalized to `https://shop.example/`, so it still
  // covers the whole site.
  prefix: (value, page) => {
    const prefix = normalizeUrl(value);
    return prefix !== null && page.startsWith(prefix);
  },
  pattern: (value, page) => wildcardToRegExp(value.replace(/#.*$/, '')).test(page),
};

/**
 * The activity the panel should show for a page: the current one when it covers the page,
 * otherwise the first that does; `undefined` when none does.
 */
export function activityForPage(workspace: Workspace, pageUrl: string): Activity | undefined {
  const current = workspace.activities.find((activity) => activity.id === workspace.currentActivityId);
  if (current && activityCovers(current, pageUrl)) return current;
  return workspace.activities.find((activity) => activityCovers(activity, pageUrl));
}
