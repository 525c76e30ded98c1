import { describe, expect, it } from 'vitest';
import type { MatchTarget } from './page-query';
import { rowHighlighter, type HighlightWays } from './row-highlight';

/** Ways that record every call; the picker answers `picking`, each call after a turn of the event loop. */
function fakeWays(state: { picking: boolean }) {
  const calls: string[] = [];
  const name = (target: MatchTarget | null) => target?.selector ?? 'null';
  const turn = () => new Promise((resolve) => setTimeout(resolve, 1));
  const ways: HighlightWays = {
    inPicker: async (target) => {
      calls.push(`picker ${name(target)}`);
      await turn();
      return state.picking;
    },
    inPage: async (target) => {
      calls.push(`page ${name(target)}`);
      await turn();
    },
  };
  return { ways, calls, pageCalls: () => calls.filter((call) => call.startsWith('page')) };
}

const a = { selector: '.a' };
const b = { selector: '.b' };

describe('row highlight on the tab', () => {
  it('draws into the page when the tab is not picking, and removes it on leave', async () => {
    const { ways, calls } = fakeWays({ picking: false });
    const highlighter = rowHighlighter(ways);
    await highlighter.show(a);
    await highlighter.show(null);
    expect(calls).toEqual(['picker .a', 'page .a', 'picker null', 'page null']);
  });

  it('leaves it to the picker while the tab is picking: nothing is injected into the page', async () => {
    const { ways, pageCalls } = fakeWays({ picking: true });
    const highlighter = rowHighlighter(ways);
    await highlighter.show(a);
    await highlighter.show(null);
    expect(pageCalls()).toEqual([]);
  });

  it('applies only the latest of quick requests, one after another, and leaves nothing behind', async () => {
    const { ways, calls } = fakeWays({ picking: false });
    const highlighter = rowHighlighter(ways);
    void highlighter.show(a);
    void highlighter.show(b);
    await highlighter.show(null);
    // `.a` was already on its way; `.b` was replaced before its turn.
    expect(calls).toEqual(['picker .a', 'page .a', 'picker null', 'page null']);
  });

  it('removes the page outline when the picker has started since', async () => {
    const state = { picking: false };
    const { ways, pageCalls } = fakeWays(state);
    const highlighter = rowHighlighter(ways);
    await highlighter.show(a);
    state.picking = true;
    await highlighter.show(b);
    expect(pageCalls()).toEqual(['page .a', 'page null']);
  });

  it('clears both ways on close, whatever was drawn', async () => {
    const { ways, calls } = fakeWays({ picking: true });
    const highlighter = rowHighlighter(ways);
    await highlighter.show(a);
    await highlighter.clear();
    expect(calls.slice(-2).sort()).toEqual(['page null', 'picker null']);
  });
});
