import { useEffect, useState } from 'preact/hooks';
import type { Activity, TrackedElement } from '@/lib/goals/model';
import type { PostHogCheckAnswer } from '@/lib/export/posthog/check';
import { checkOperation } from '@/lib/export/posthog/panel';
import { askPage } from '@/lib/panel/ask-page';
import { pageWithoutQuery } from '@/lib/export/url-scope';
import type { Send } from './useOperations';

/**
 * Checks the row's element against PostHog's matching on its page, when that page is the one open
 * in the target tab (issue 12), each time its selector or tracked action changes or the page loads;
 * stores what it finds with the element. Returns the latest answer (null before one).
 */
export function usePostHogCheck(activity: Activity, element: TrackedElement, tabId: number | undefined, onPage: boolean, send: Send): PostHogCheckAnswer | null {
  const [answer, setAnswer] = useState<PostHogCheckAnswer | null>(null);
  const frames = element.frames?.join('\n') ?? '';
  const hosts = element.shadowHosts?.join('\n') ?? '';
  useEffect(() => {
    if (tabId === undefined || !onPage) return;
    let current = true;
    void (async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!current || !tab?.url || pageWithoutQuery(tab.url) !== pageWithoutQuery(element.pageUrl)) return;
      const asked = await askPage(tabId, 'posthogCheck', { selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts, action: element.action.kind, known: element.targetSelectors?.posthog, knownFilters: element.targetSelectors?.posthogFilters });
      if (!current || asked.kind !== 'ok') return;
      setAnswer(asked.answer);
      const op = checkOperation(activity.id, element, asked.answer);
      if (op) await send(op);
    })();
    return () => {
      current = false;
    };
    // Re-checked for a new selector, action or page, not for what the check itself stored.
  }, [tabId, onPage, activity.id, element.id, element.selector, element.action.kind, frames, hosts]);
  return answer;
}
