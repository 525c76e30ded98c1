import { browser } from 'wxt/browser';
import { workspaceItem } from '../goals/storage';
import { activityForPage } from '../goals/url-scope';
import { askPage } from '../panel/ask-page';
import { isWebUrl } from '../panel/target-tab';
import { showHealthBadge } from './badge';
import { attentionCount, healthTargets } from './goals';

/**
 * On every page load inside an activity's scope, the goals of that page are re-checked and the
 * toolbar icon shows, for that tab, how many need attention (PRODUCT.md §5 Health, issue 14), with
 * or without the panel open. Only pages Goalpost may script are checked (the site was allowed,
 * or the toolbar button was clicked there); elsewhere the badge is left as it was.
 */
export function watchHealthOnPageLoads(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && isWebUrl(tab.url)) void checkTab(tabId, tab.url);
  });
}

async function checkTab(tabId: number, url: string): Promise<void> {
  const workspace = await workspaceItem.getValue();
  const activity = activityForPage(workspace, url);
  const targets = activity ? healthTargets(activity, url) : [];
  if (targets.length === 0) return showHealthBadge(tabId, 0);
  const answer = await askPage(tabId, 'health', { targets });
  if (answer.kind !== 'ok' || !('goals' in answer.answer)) return;
  await showHealthBadge(tabId, attentionCount(answer.answer));
}
