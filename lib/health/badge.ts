import { browser } from 'wxt/browser';
import { badgeText } from './goals';

/** Shows on the toolbar icon, for one tab, how many goals of its page need attention (issue 14). Never throws. */
export async function showHealthBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badgeText(count) });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/** The colour of the page outlines: the badge and the outline say the same thing. */
const BADGE_COLOUR = '#e8590c';
