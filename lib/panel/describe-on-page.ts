import { askPage } from './ask-page';
import type { MatchTarget } from './page-query';

/**
 * The first element `target` matches on the tab, in words (`Button “Buy”`), for a row's label
 * (issue 15: labels follow edits). `null` when the page shows no such element; `undefined` when
 * the page could not be asked (no access, loading), so nothing is known.
 */
export async function describeOnPage(tabId: number | undefined, target: MatchTarget): Promise<string | null | undefined> {
  if (tabId === undefined) return undefined;
  const answer = await askPage(tabId, 'describe', target);
  if (answer.kind !== 'ok') return undefined;
  return answer.answer.found ? answer.answer.words : null;
}
