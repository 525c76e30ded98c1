import { describe, expect, it } from 'vitest';
import { currentOf, initialFocus, nextFocus, PAUSE_MS, TRANSIT_MS, type FocusEvent, type FocusState } from './focus';

// Elements are plain strings here: the model never touches the DOM. The path bar is at y = 780.
const run = (events: FocusEvent<string>[], from: FocusState<string> = initialFocus<string>()) => events.reduce(nextFocus, from);
const point = (target: string | null, now: number, y = 300, trail: string[] = [], x = 400): FocusEvent<string> => ({ type: 'point', target, trail, x, y, now });
const bar = (now: number, y = 780): FocusEvent<string> => ({ type: 'bar', x: 400, y, now });
const anchor = (element: string, now: number, trail: string[] = []): FocusEvent<string> => ({ type: 'anchor', element, trail, now });
const current = (state: FocusState<string>) => currentOf(state)?.element ?? null;

describe('picker focus model', () => {
  it('follows the pointer while hovering', () => {
    const state = run([point('a', 0), point('b', 10)]);
    expect(state.focus).toEqual({ kind: 'hovering', element: 'b', trail: [], since: 10 });
    expect(state.pointed).toBe('b');
  });

  it('keeps the trail that leads back down to the element under the pointer', () => {
    expect(currentOf(run([point('button', 0, 300, ['b'])]))).toEqual({ element: 'button', trail: ['b'] });
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
    let state = run([point('a', 0), bar(PAUSE_MS + 100)]);
    expect(state.focus).toEqual({ kind: 'frozen', element: 'a', trail: [] });
    expect(state.pointed).toBeNull();
    // Keys and path entries still move it while frozen.
    state = run([anchor('parent', PAUSE_MS + 200)], state);
    expect(state.focus).toEqual({ kind: 'frozen', element: 'parent', trail: [] });
    expect(run([bar(PAUSE_MS + 300)], state)).toBe(state);
  });

  it('freezes on the element the user rested on, not on those the pointer crossed on its way down to the bar', () => {
    const crossing = [point('card', 0, 200, ['title']), point('list', 2000, 400), point('footer', 2050, 600), bar(2100)];
    expect(run(crossing).focus).toEqual({ kind: 'frozen', element: 'card', trail: ['title'] });
    // However slowly a busy machine delivers the crossing (each step well within a rest).
    const slow = [point('card', 0, 200), point('list', 2000, 400), point('footer', 2800, 600), bar(3600)];
    expect(current(run(slow))).toBe('card');
  });

  it('freezes on the element chosen with a key before the pointer went down to the bar', () => {
    const state = run([point('child', 0, 200), anchor('parent', 100), point('between', 150, 500), bar(200)]);
    expect(current(state)).toBe('parent');
  });

  it('freezes on an element the pointer rested on during the way, or where it turned away from the bar', () => {
    expect(current(run([point('card', 0, 200), point('list', 100, 400), point('footer', 100 + PAUSE_MS, 600), bar(200 + PAUSE_MS)]))).toBe('list');
    // Down to the list, back up to the card's neighbour, then down to the bar: the neighbour is where the way began.
    expect(current(run([point('card', 0, 200), point('list', 100, 400), point('aside', 200, 250), point('footer', 300, 600), bar(350)]))).toBe('aside');
    // A way longer than TRANSIT_MS is no crossing.
    const long = Array.from({ length: 12 }, (_, index) => point(`row-${index}`, 1000 + index * 300, 300 + index * 30));
    expect(current(run([point('card', 0, 200), ...long, bar(1000 + 11 * 300 + 100)]))).not.toBe('card');
    expect(TRANSIT_MS).toBeLessThan(12 * 300);
  });

  it('releases a frozen element when the pointer comes back over the page, and restores it on a quick return to the bar', () => {
    let state = run([point('a', 0, 300), bar(PAUSE_MS, 780), point('edge', PAUSE_MS + 500, 760)]);
    expect(state.focus).toMatchObject({ kind: 'hovering', element: 'edge' });
    state = run([bar(PAUSE_MS + 600, 780)], state);
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
