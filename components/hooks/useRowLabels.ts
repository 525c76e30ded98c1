import { useEffect, useRef } from 'preact/hooks';
import type { Activity } from '@/lib/goals/model';
import { normalizeUrl } from '@/lib/goals/url-scope';
import { describeOnPage } from '@/lib/panel/describe-on-page';
import type { MatchInfo } from '@/lib/panel/page-query';
import { needsWords } from '@/lib/panel/row-title';
import { sendOp } from '@/lib/panel/workspace-client';

/**
 * Rows whose label is not in words yet (stored before labels were, typed by hand, edited away from
 * the page) are described again from the live page once the tab shows their page and element, and
 * the words are stored, so the exported `label` says the same (issue 15). Once per row and selector
 * per panel.
 */
export function useRowLabels(activity: Activity, tabId: number | undefined, pageUrl: string | undefined, matches: (MatchInfo | undefined)[]): void {
  const tried = useRef(new Set<string>());
  const here = pageUrl ? normalizeUrl(pageUrl) : null;
  const wanted = activity.elements.filter((element, index) => {
    const info = matches[index];
    // Only on the page it was picked on: the same selector may find another element elsewhere.
    const onItsPage = here !== null && normalizeUrl(element.pageUrl) === here;
    return onItsPage && needsWords(element.label) && info?.ok && info.count > 0 && !tried.current.has(`${element.id}|${element.selector}`);
  });
  const key = wanted.map((element) => `${element.id}|${element.selector}`).join(',');
  useEffect(() => {
    if (tabId === undefined || wanted.length === 0) return;
    for (const element of wanted) {
      tried.current.add(`${element.id}|${element.selector}`);
      const target = { selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts };
      void describeOnPage(tabId, target).then((words) => {
        // Straight to the writer: a quiet background fix must not clear an error the panel shows.
        if (words) void sendOp({ kind: 'relabelElement', activityId: activity.id, elementId: element.id, selector: element.selector, label: words });
      });
    }
    // `key` stands for `wanted`.
  }, [tabId, key]);
}
