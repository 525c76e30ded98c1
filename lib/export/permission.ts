import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/panel/target-tab';

/**
 * Asks for access to the host a send goes to (optional host permissions, PRODUCT.md §4). Call it
 * before any other await in the click handler: Firefox drops the user gesture after an await, and
 * then refuses to show the prompt. Already granted → resolves true without a prompt.
 */
export function requestHostAccess(url: URL): Promise<boolean> {
  // A refused request (e.g. no gesture) counts as "not allowed": the caller says nothing was sent.
  return browser.permissions.request({ origins: [originPattern(url.href)] }).catch(() => false);
}
