import { afterEach, describe, expect, it } from 'vitest';
import { drawHighlight, explainFailure, probeMatches } from './page-query';

afterEach(() => {
  // A watch left running (the replaced one's successor) must not outlive the test's document.
  (globalThis as { __goalpostMatchWatch?: { cancel(): void } }).__goalpostMatchWatch?.cancel();
  drawHighlight(null);
  document.body.innerHTML = '';
});

describe('page query (injected functions, run here in happy-dom)', () => {
  it('counts matches, excluded ones and describes the first', async () => {
    document.body.innerHTML = `<a class="buy" href="https://shop.example/tea">Buy tea</a>
      <div data-goalpost-no-track><a class="buy" href="/x">Hidden</a></div><button id="b">Go</button>`;
    const page = await probeMatches([{ selector: 'a.buy' }, { selector: '#none' }, { selector: 'a[' }], null, 1000);
    expect(page!.matches[0]).toEqual({ ok: true, count: 2, excluded: 1, first: { tag: 'a', href: 'https://shop.example/tea', label: 'a.buy "Buy tea"' } });
    expect(page!.matches[1]).toEqual({ ok: true, count: 0, excluded: 0, first: null });
    expect(page!.matches[2]!.ok).toBe(false);
  });

  it('looks inside open shadow roots named by the target', async () => {
    document.body.innerHTML = '<x-card id="card"></x-card>';
    document.getElementById('card')!.attachShadow({ mode: 'open' }).innerHTML = '<button class="inner">In</button>';
    const page = await probeMatches([{ selector: 'button.inner', shadowHosts: ['#card'] }], null, 1000);
    expect(page!.matches[0]).toMatchObject({ ok: true, count: 1 });
  });

  it('waits for a DOM change that alters the counts, then answers', async () => {
    document.body.innerHTML = '<button class="buy">A</button>';
    const known = await probeMatches([{ selector: '.buy' }], null, 1000);
    const waiting = probeMatches([{ selector: '.buy' }], JSON.stringify(known), 5000);
    document.body.insertAdjacentHTML('beforeend', '<span>unrelated</span>');
    await new Promise((resolve) => setTimeout(resolve, 300));
    document.body.insertAdjacentHTML('beforeend', '<button class="buy">B</button>');
    const changed = await waiting;
    expect(changed!.matches[0]).toMatchObject({ count: 2 });
  });

  it('answers null to a watch replaced by a newer watch, and leaves it alone for a one-off count', async () => {
    document.body.innerHTML = '<button class="buy">A</button>';
    const known = JSON.stringify(await probeMatches([{ selector: '.buy' }], null, 1000));
    let settled = false;
    const first = probeMatches([{ selector: '.buy' }], known, 5000).then((value) => { settled = true; return value; });
    const oneOff = await probeMatches([{ selector: 'button' }], null, 5000);
    expect(oneOff!.matches[0]).toMatchObject({ count: 1 });
    await Promise.resolve();
    expect(settled).toBe(false);
    void probeMatches([{ selector: '.buy' }], known, 50);
    expect(await first).toBeNull();
  });

  it('draws one outline per match and removes it on the next call', () => {
    document.body.innerHTML = '<button class="buy">A</button><button class="buy">B</button>';
    const result = drawHighlight({ selector: '.buy' });
    expect(result.matches[0]).toMatchObject({ ok: true, count: 2 });
    expect(document.querySelectorAll('goalpost-highlight')).toHaveLength(1);
    drawHighlight({ selector: 'button' });
    expect(document.querySelectorAll('goalpost-highlight')).toHaveLength(1);
    drawHighlight(null);
    expect(document.querySelector('goalpost-highlight')).toBeNull();
  });

  it('tells a missing permission apart from a passing failure', () => {
    expect(explainFailure(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).kind).toBe('no-access');
    expect(explainFailure(new Error('Missing host permission for the tab')).kind).toBe('no-access');
    expect(explainFailure(new Error('Frame with ID 0 was removed.')).kind).toBe('failed');
  });
});
