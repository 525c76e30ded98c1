import { candidateSelectors } from '../selector';
import { answerHealth } from '../health/watch';
import { resolvePick } from '../picker/pick';
import { describeInWords } from '../picker/words';
import { postHogCheck } from '../export/posthog/check';
import type { PageAgentApi } from './protocol';

/** The page agent's answers, each a function of the page's document and the panel's arguments. */
export const HANDLERS: PageAgentHandlers = {
  describe(doc, target) {
    const matches = resolvePick(doc, target);
    const first = matches[0];
    return first ? { found: true, count: matches.length, words: describeInWords(first) } : { found: false, count: 0 };
  },
  candidates(doc, target) {
    const first = resolvePick(doc, target)[0];
    return first ? { found: true, candidates: candidateSelectors(first) } : { found: false };
  },
  posthogCheck: (doc, request) => postHogCheck(doc, request),
  health: answerHealth,
  reveal(doc, target) {
    const first = resolvePick(doc, target)[0];
    first?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return first !== undefined;
  },
};

export type PageAgentHandlers = {
  [K in keyof PageAgentApi]: (doc: Document, args: Parameters<PageAgentApi[K]>[0]) => ReturnType<PageAgentApi[K]> | Promise<ReturnType<PageAgentApi[K]>>;
};
