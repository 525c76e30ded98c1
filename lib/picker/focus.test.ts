import { describe, expect, it } from 'vitest';
import { currentOf, initialFocus, nextFocus, SETTLE_MS, TRANSIT_MS, type FocusEvent, type FocusState } from './focus';

// Elements are plain strings here: the model never touches the DOM.
const run = (events: FocusEvent<string>[], from: FocusState<string> = initialFocus<string>()) => events.reduce(nextFocus, from);
const point = (target: string | null, now: number, trail: string[] = []): FocusEvent<string> => ({ type: 'point', target, trail, now });
const bar = (now: number): FocusEvent<string> => ({ type: 'bar', now });
const anchor = (element: string, now: number, trail: string[] = []): FocusEvent<string> => ({ type: 'anchor', element, trail, now });
const current = (state: FocusState<string>) => currentOf(state)?.element ?? null;

describe('picker focus model', () => {
  it('follows the pointer while hovering', () => {
    const state = run([point('a', 0), point('b', 10)]);
    expect(state.focus).toEqual({ kind: 'hovering', element: 'b', trail: [], since: 10 });
    expect(state.pointed).toBe('b');
  });

  it('keeps the trail that leads back down to the element under the pointer', () => {
    expect(currentOf(run([point('button', 0, ['b'])]))).toEqual({ element: 'button', trail: ['b'] });
  });

  it('anchors on a click or key, keeps it while the pointer stays on the same target, releases on another', () => {
    let state = run([point('child', 0), anchor('parent', 50)]);
    expect(state.focus.kind).toBe('anchored');
    expect(current(state)).toBe('parent');
    // A small move over the same element: still anchored.
    expect(run([point('child', 60)], state)).toBe(state);
    state = run([point('other', 70)], state);
    expect(state.focus).toMatchObject({ kind: 'hovering', element: 'other' });
  });

  it('acts on the hovered element after an earlier click on another one (↑ goes to its parent, not the old one)', () => {
    const state = run([point('first', 0), anchor('first', 10), point('second', 500)]);
    expect(current(state)).toBe('second');
  });

  it('freezes on the path bar and never clears', () => {
    let state = run([point('a', 0), bar(SETTLE_MS + 100)]);
    expect(state.focus).toEqual({ kind: 'frozen', element: 'a', trail: [] });
    expect(state.pointed).toBeNull();
    // Keys and path entries still move it while frozen.
    state = run([anchor('parent', SETTLE_MS + 200)], state);
    expect(state.focus).toEqual({ kind: 'frozen', element: 'parent', trail: [] });
    expect(run([bar(SETTLE_MS + 300)], state)).toBe(state);
  });

  it('freezes on the element the user looked at, not on those the pointer only crossed on its way to the bar', () => {
    const state = run([point('card', 0, ['title']), point('list', 1000), point('footer', 1050), bar(1100)]);
    expect(state.focus).toEqual({ kind: 'frozen', element: 'card', trail: ['title'] });
  });

  it('freezes on the element chosen with a key before the pointer moved to the bar', () => {
    const state = run([point('child', 0), anchor('parent', 100), point('between', 150), bar(200)]);
    expect(current(state)).toBe('parent');
  });

  it('freezes on the element crossed last when the pointer rested on it, or when the look was long ago', () => {
    expect(current(run([point('card', 0), point('list', 1000), bar(1000 + SETTLE_MS)]))).toBe('list');
    // A long, slow crossing of many elements: the card was too long ago.
    const crossing = Array.from({ length: 9 }, (_, index) => point(`row-${index}`, 1000 + index * 300));
    expect(current(run([point('card', 0), ...crossing, bar(1000 + TRANSIT_MS + 500)]))).toBe('row-8');
  });

  it('releases a frozen element when the pointer comes back over the page, and restores it on a quick return to the bar', () => {
    let state = run([point('a', 0), bar(SETTLE_MS), point('edge', SETTLE_MS + 500)]);
    expect(state.focus).toMatchObject({ kind: 'hovering', element: 'edge' });
    state = run([bar(SETTLE_MS + 600)], state);
    expect(current(state)).toBe('a');
  });

  it('shows nothing until something is pointed at, and stays empty on the bar', () => {
    expect(run([bar(0)]).focus).toEqual({ kind: 'none' });
    expect(currentOf(run([bar(0)]))).toBeNull();
  });

  it('forgets elements the page removed', () => {
    const state = run([point('a', 0), anchor('b', 10)]);
    const after = run([{ type: 'forget', keep: (element) => element !== 'b' }], state);
    expect(after.focus).toEqual({ kind: 'none' });
    expect(after.pointed).toBe('a');
    expect(run([{ type: 'forget', keep: () => true }], state)).toBe(state);
  });
});
