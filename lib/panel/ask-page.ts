import { browser } from 'wxt/browser';
import { AGENT_KEY } from '@/lib/page-agent/agent';
import type { PageAgentApi, PageRequest } from '@/lib/page-agent/protocol';
import { explainFailure } from './page-query';

const AGENT_SCRIPT = '/page-agent.js';

/**
 * Asks the page agent in a tab's top document (lib/page-agent/agent.ts), injecting it first when
 * the page has none yet (a new page, or a reload). Never throws: no access, a page that is
 * loading, or a failing handler come back as a kind the panel can show in words.
 */
export async function askPage<K extends PageRequest>(tabId: number, name: K, args: Parameters<PageAgentApi[K]>[0]): Promise<PageAnswer<ReturnType<PageAgentApi[K]>>> {
  try {
    let answer = await call(tabId, name, args);
    if (isMissing(answer)) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [AGENT_SCRIPT] });
      answer = await call(tabId, name, args);
    }
    if (isMissing(answer)) return { kind: 'failed', message: 'The page did not answer (it may be loading).' };
    if (isAgentError(answer)) return { kind: 'failed', message: answer.agentError };
    return { kind: 'ok', answer: answer as ReturnType<PageAgentApi[K]> };
  } catch (error) {
    const failure = explainFailure(error);
    return failure.kind === 'no-access' ? failure : { kind: 'failed', message: failure.kind === 'failed' ? failure.message : 'The page did not answer.' };
  }
}

async function call(tabId: number, name: string, args: unknown): Promise<unknown> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    // Serialized into the page's isolated world: self-contained on purpose.
    func: (key: string, request: string, requestArgs: unknown) => {
      const entry = (globalThis as unknown as Record<symbol, ((name: string, args: unknown) => unknown) | undefined>)[Symbol.for(key)];
      return entry ? entry(request, requestArgs) : { agentMissing: true };
    },
    args: [AGENT_KEY, name, args as never],
  });
  return frame?.result;
}

function isMissing(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'object' && 'agentMissing' in answer);
}

function isAgentError(answer: unknown): answer is { agentError: string } {
  return typeof answer === 'object' && answer !== null && 'agentError' in answer;
}

export type PageAnswer<T> =
  | { kind: 'ok'; answer: T }
  | { kind: 'no-access'; message: string }
  | { kind: 'failed'; message: string };
