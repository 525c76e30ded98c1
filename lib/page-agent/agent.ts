import type { PageAgentHandlers } from './handlers';

// The panel's hands in the page: a script injected on demand (`scripting.executeScript` with
// `page-agent.js`, in the extension's isolated world, never the page's) that answers the panel's
// questions with the full product logic (selector engine, descriptions, …), which the small
// self-contained functions of lib/panel/page-query.ts cannot carry. It adds nothing to the page:
// no node, no listener, only one function in the extension's own world, found under this key.

export const AGENT_KEY = 'goalpost.page-agent';

/** What the panel's call finds under AGENT_KEY: name and arguments in, answer (or a promise of it) out. */
export type AgentEntry = (name: string, args: unknown) => unknown;

export function installPageAgent(handlers: PageAgentHandlers, doc: Document, scope: object = globalThis): void {
  const entry: AgentEntry = (name, args) => {
    const handler = (handlers as Record<string, ((doc: Document, args: unknown) => unknown) | undefined>)[name];
    if (!handler) return { agentError: `The page agent does not know “${name}” (the extension was updated: reload the page).` };
    try {
      return handler(doc, args);
    } catch (error) {
      return { agentError: error instanceof Error ? error.message : String(error) };
    }
  };
  (scope as Record<symbol, AgentEntry>)[Symbol.for(AGENT_KEY)] = entry;
}
