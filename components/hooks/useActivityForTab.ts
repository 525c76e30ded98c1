import { useEffect, useRef } from 'preact/hooks';
import type { Workspace } from '@/lib/goals/model';
import { activityForPage } from '@/lib/goals/url-scope';
import type { Send } from './useOperations';

/**
 * When the tab shows another page, switch to the activity that covers it (PRODUCT.md §3). Only
 * on navigation: a switch the user makes by hand stays until the page changes.
 */
export function useActivityForTab(workspace: Workspace | undefined, pageUrl: string | undefined, send: Send): void {
  const handled = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!workspace || !pageUrl || handled.current === pageUrl) return;
    handled.current = pageUrl;
    const match = activityForPage(workspace, pageUrl);
    if (match && match.id !== workspace.currentActivityId) void send({ kind: 'selectActivity', activityId: match.id });
  }, [workspace, pageUrl, send]);
}
