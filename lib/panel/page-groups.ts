import type { TrackedElement } from '@/lib/goals/model';
import { normalizeUrl } from '@/lib/goals/url-scope';

/**
 * Rows grouped by the page they were picked on, so "picked on" is said once per page (issue 15).
 * Groups come in the order their first row does; rows keep their order inside a group. Pages that
 * differ only by their #fragment are one page. `current` marks the group of the page in the tab.
 */
export function groupByPage(elements: readonly TrackedElement[], currentUrl?: string): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  const here = currentUrl ? pageKey(currentUrl) : null;
  for (const element of elements) {
    const key = pageKey(element.pageUrl);
    let group = groups.get(key);
    if (!group) {
      group = { page: element.pageUrl, current: key === here, elements: [] };
      groups.set(key, group);
    }
    group.elements.push(element);
  }
  return [...groups.values()];
}

function pageKey(url: string): string {
  return normalizeUrl(url) ?? url;
}

export interface PageGroup {
  /** The page's URL as the first row of the group recorded it. */
  page: string;
  current: boolean;
  elements: TrackedElement[];
}
