import { beforeEach, describe, expect, it } from 'vitest';
import { navigate, trailDown } from './navigation';

const byId = (id: string) => document.getElementById(id)!;

describe('keyboard navigation', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <ul id="list"><li id="one"><a id="one-link">1</a></li><li id="two"><a id="two-link">2</a><b id="two-b"></b></li><li id="three"></li></ul>`;
  });

  it('goes up and back down the way it came', () => {
    const up = navigate(byId('two-b'), 'parent', [])!;
    expect(up.element.id).toBe('two');
    const upAgain = navigate(up.element, 'parent', up.trail)!;
    expect(upAgain.element.id).toBe('list');
    const down = navigate(upAgain.element, 'child', upAgain.trail)!;
    expect(down.element.id).toBe('two');
    // Back down to where the user started, not to the first child.
    expect(navigate(down.element, 'child', down.trail)!.element.id).toBe('two-b');
  });

  it('goes to the first child when it did not come from below', () => {
    expect(navigate(byId('list'), 'child', [])!.element.id).toBe('one');
    expect(navigate(byId('three'), 'child', [])).toBeNull();
  });

  it('moves between siblings and stops at the ends', () => {
    expect(navigate(byId('two'), 'next', [])!.element.id).toBe('three');
    expect(navigate(byId('two'), 'previous', [])!.element.id).toBe('one');
    expect(navigate(byId('three'), 'next', [])).toBeNull();
    expect(navigate(byId('one'), 'previous', [])).toBeNull();
  });

  it('ignores a trail that no longer leads down from here', () => {
    const stale = navigate(byId('one'), 'child', [byId('two-b')])!;
    expect(stale.element.id).toBe('one-link');
  });

  it('builds the trail from a path bar ancestor back down to the element', () => {
    const path = [document.documentElement, document.body, byId('list'), byId('two'), byId('two-b')];
    expect(trailDown(byId('list'), path).map((element) => element.id)).toEqual(['two-b', 'two']);
    expect(trailDown(byId('one'), path)).toEqual([]);
  });
});
