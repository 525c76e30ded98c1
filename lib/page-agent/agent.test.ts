import { beforeEach, describe, expect, it } from 'vitest';
import { AGENT_KEY, installPageAgent, type AgentEntry } from './agent';
import { HANDLERS } from './handlers';

describe('page agent', () => {
  let scope: Record<symbol, AgentEntry>;
  const ask = (name: string, args: unknown) => scope[Symbol.for(AGENT_KEY)]!(name, args);

  beforeEach(() => {
    document.body.innerHTML = '<button id="buy" class="cta">Buy now</button><button class="cta">Later</button>';
    scope = {};
    installPageAgent(HANDLERS, document, scope);
  });

  it('describes what a selector matches, in words', () => {
    expect(ask('describe', { selector: '.cta' })).toEqual({ found: true, count: 2, words: 'Button “Buy now”' });
    expect(ask('describe', { selector: '.gone' })).toEqual({ found: false, count: 0 });
  });

  it('ranks selectors for the first match', () => {
    const answer = ask('candidates', { selector: '#buy' }) as { found: true; candidates: { selector: string }[] };
    expect(answer.found).toBe(true);
    expect(answer.candidates[0]!.selector).toBe('#buy');
  });

  it('answers an unknown request or a failing handler with a message, never a throw', () => {
    expect(ask('nope', {})).toMatchObject({ agentError: expect.stringContaining('“nope”') });
    const failing = { ...HANDLERS, describe: () => { throw new Error('boom'); } };
    installPageAgent(failing, document, scope);
    expect(ask('describe', { selector: '#buy' })).toEqual({ agentError: 'boom' });
  });
});
