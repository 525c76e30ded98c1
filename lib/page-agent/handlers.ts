import { candidateSelectors } from '../selector';
import { answerHealth } from '../health/watch';
import { resolvePick, type Locatable } from '../picker/pick';
import { describeInWords } from '../picker/words';
import { postHogCheck } from '../export/posthog/check';
import { matchView, revealMatch } from '../panel/match-view';
import { alternativeSelectors, workingSelectors } from '../panel/working-selector';
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
  alternatives(doc, target) {
    const first = resolvePick(doc, target)[0];
    if (!first) return { found: false };
    return { found: true, candidates: alternativeSelectors(first.getRootNode() as Document | ShadowRoot, first) };
  },
  suggest(doc, { target, repairs }) {
    return workingSelectors(scopeOf(doc, target), target.selector, repairs);
  },
  matchView: (doc, target) => matchView(doc, target),
  reveal: (doc, target) => revealMatch(doc, target),
};

/** The document or shadow root a target's selector is written for (its frames and shadow hosts resolved). */
function scopeOf(doc: Document, target: Locatable): ParentNode {
  const host = resolvePick(doc, { selector: ':root', frames: target.frames ?? [] })[0];
  let scope: ParentNode = host?.ownerDocument ?? doc;
  for (const selector of target.shadowHosts ?? []) {
    const root = scope.querySelector(selector)?.shadowRoot;
    if (!root) return scope;
    scope = root;
  }
  return scope;
}

export type PageAgentHandlers = {
  [K in keyof PageAgentApi]: (doc: Document, args: Parameters<PageAgentApi[K]>[0]) => ReturnType<PageAgentApi[K]> | Promise<ReturnType<PageAgentApi[K]>>;
};
