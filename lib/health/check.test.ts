import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../selector';
import { checkGoals, type HealthTarget } from './check';
import { answerHealth } from './watch';
import { reportKey } from './check';

const BEFORE = `<main><div class="card"><h2>Green tea</h2><button class="buy" id="buy-tea">Buy tea</button></div>
  <div class="card"><h2>Coffee</h2><a class="buy" href="/checkout?item=coffee">Buy coffee</a></div></main>`;
/** The next deploy: classes renamed, a wrapper added, the texts kept. */
const AFTER = `<main><section class="grid"><article class="tile"><h3>Green tea</h3><div class="actions"><button class="btn">Buy tea</button></div></article>
  <article class="tile"><h3>Coffee</h3><div class="actions"><a class="btn" href="/checkout?item=coffee">Buy coffee</a></div></article></section></main>`;

function picked(selector: string): HealthTarget {
  return { id: selector, selector, fingerprint: fingerprintOf(document.querySelector(selector)!), expectsOne: true };
}

beforeEach(() => {
  document.body.innerHTML = BEFORE;
});

describe('checkGoals', () => {
  it('finds each lost goal again and proposes a unique selector for it', () => {
    const targets = [picked('#buy-tea'), picked('a.buy')];
    expect(checkGoals(document, targets).goals.map((goal) => goal.status)).toEqual(['ok', 'ok']);
    document.body.innerHTML = AFTER;
    const report = checkGoals(document, targets);
    expect(report.goals.map((goal) => goal.status)).toEqual(['lost', 'lost']);
    const [tea, coffee] = report.goals.map((goal) => (goal.status === 'ok' ? null : goal.repair!));
    expect(tea).toMatchObject({ words: 'Button “Buy tea”', tag: 'button', href: null });
    expect(Array.from(document.querySelectorAll(tea!.selector))).toEqual([document.querySelector('button')]);
    expect(coffee!.href).toMatch(/\/checkout\?item=coffee$/);
    expect(Array.from(document.querySelectorAll(coffee!.selector))).toEqual([document.querySelector('a')]);
    expect(coffee!.confidence).toBeGreaterThan(0.5);
    expect(coffee!.fingerprint.text).toBe('Buy coffee');
  });

  it('gives a row without fingerprint one when its selector finds exactly one element, and cannot repair it', () => {
    const bare: HealthTarget = { id: 'x', selector: '#buy-tea', expectsOne: true };
    const [ok] = checkGoals(document, [bare]).goals;
    expect(ok).toMatchObject({ status: 'ok', count: 1, backfill: { text: 'Buy tea' } });
    document.body.innerHTML = AFTER;
    expect(checkGoals(document, [bare]).goals[0]).toEqual({ id: 'x', status: 'lost', count: 0, repair: null, reason: 'no-fingerprint' });
  });

  it('says so when the frame or shadow host the goal lives in is gone', () => {
    const target: HealthTarget = { id: 'f', selector: 'button', frames: ['#checkout-frame'], expectsOne: true };
    expect(checkGoals(document, [target]).goals[0]).toMatchObject({ status: 'lost', reason: 'no-scope', repair: null });
  });

  it('leaves a selector typed to match several elements alone', () => {
    const typed: HealthTarget = { ...picked('#buy-tea'), selector: '.buy', expectsOne: false };
    expect(checkGoals(document, [typed]).goals[0]).toEqual({ id: '#buy-tea', status: 'ok', count: 2 });
  });
});

describe('answerHealth', () => {
  it('answers at once without a known report, and waits for the page to change with one', async () => {
    const targets = [picked('#buy-tea')];
    const first = answerHealth(document, { targets });
    expect('goals' in first && first.goals[0]!.status).toBe('ok');
    const waiting = answerHealth(document, { targets, watcher: 'w', known: reportKey(first as never), timeoutMs: 10_000 });
    expect(waiting).toBeInstanceOf(Promise);
    setTimeout(() => { document.body.innerHTML = AFTER; }, 50);
    const changed = await waiting;
    expect('goals' in changed && changed.goals[0]!.status).toBe('lost');
  });

  it('answers "replaced" to the older of one watcher’s two requests', async () => {
    const targets = [picked('#buy-tea')];
    const known = reportKey(answerHealth(document, { targets }) as never);
    const older = answerHealth(document, { targets, watcher: 'w', known, timeoutMs: 10_000 });
    const newer = answerHealth(document, { targets, watcher: 'w', known, timeoutMs: 200 });
    expect(await older).toEqual({ replaced: true });
    expect('goals' in (await newer)).toBe(true);
  });
});
