import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, type FrameView, type Outline } from './protocol';
import { changedFields, createViewSender } from './view-sender';

const outline = (x: number, words = 'Button “Buy”'): Outline => ({
  box: { x, y: 10, width: 40, height: 20 }, label: { words, name: 'button.buy', size: '40 × 20' }, selected: false, rtl: false,
});

function setup() {
  const sent: Partial<FrameView>[] = [];
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const sender = createViewSender((changes) => sent.push(changes), {
    request: (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    cancel: (id) => void callbacks.delete(id),
  });
  const frame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    due.forEach((callback) => callback());
  };
  return { sent, sender, frame, waiting: () => callbacks.size };
}

describe('what the picker sends its frame', () => {
  it('sends the whole view first, then only what the frame would draw differently', () => {
    const { sent, sender } = setup();
    sender.now({ ...EMPTY_VIEW, current: outline(1) });
    sender.now({ ...EMPTY_VIEW, current: outline(1) });
    sender.now({ ...EMPTY_VIEW, current: outline(2) });
    expect(sent).toHaveLength(2);
    expect(sent[0]).toEqual({ ...EMPTY_VIEW, current: outline(1) });
    expect(sent[1]).toEqual({ current: outline(2) });
  });

  it('sends the moves of one animation frame once, with the latest state', () => {
    const { sent, sender, frame, waiting } = setup();
    sender.now(EMPTY_VIEW);
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(1) }));
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(2) }));
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(3) }));
    expect(waiting()).toBe(1);
    expect(sent).toHaveLength(1);
    frame();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ hover: outline(3) });
  });

  it('builds the view for the moves of one animation frame once, at that frame', () => {
    const { sent, sender, frame } = setup();
    const built: number[] = [];
    sender.now(EMPTY_VIEW);
    for (const x of [1, 2, 3]) sender.soon(() => (built.push(x), { ...EMPTY_VIEW, hover: outline(x) }));
    expect(built).toEqual([]);
    frame();
    expect(built).toEqual([3]);
    expect(sent[1]).toEqual({ hover: outline(3) });
    // A click before the frame sends its own view; the moves' view is never built.
    sender.soon(() => (built.push(4), { ...EMPTY_VIEW, hover: outline(4) }));
    sender.now({ ...EMPTY_VIEW, hover: outline(5) });
    frame();
    expect(built).toEqual([3]);
  });

  it('sends nothing when the pointer came back to what the frame shows before it painted', () => {
    const { sent, sender, frame } = setup();
    sender.now({ ...EMPTY_VIEW, hover: outline(1) });
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(2) }));
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(1) }));
    frame();
    expect(sent).toHaveLength(1);
  });

  it('sends a click at once, with the moves before it, and drops their frame', () => {
    const { sent, sender, frame, waiting } = setup();
    sender.now(EMPTY_VIEW);
    sender.soon(() => ({ ...EMPTY_VIEW, hover: outline(1) }));
    sender.now({ ...EMPTY_VIEW, hover: outline(1), exact: true });
    expect(waiting()).toBe(0);
    expect(sent[1]).toEqual({ hover: outline(1), exact: true });
    frame();
    expect(sent).toHaveLength(2);
  });

  it('sends everything again to a new frame, and nothing once cancelled', () => {
    const { sent, sender, frame } = setup();
    const view = { ...EMPTY_VIEW, current: outline(1) };
    sender.now(view);
    sender.forget();
    sender.now(view);
    expect(sent[1]).toEqual(view);
    sender.soon(() => ({ ...view, current: outline(5) }));
    sender.cancel();
    frame();
    expect(sent).toHaveLength(2);
  });

  it('compares lists by identity and outlines by what they show', () => {
    const path = [{ name: 'body', role: 'ancestor' as const, selected: false }];
    const shown = { ...EMPTY_VIEW, path, current: outline(1) };
    expect(changedFields(shown, { ...shown, current: outline(1) })).toEqual({});
    expect(changedFields(shown, { ...shown, path: [...path] })).toEqual({ path });
    expect(changedFields(shown, { ...shown, current: outline(1, 'Link “Deals”') })).toEqual({ current: outline(1, 'Link “Deals”') });
    expect(changedFields(shown, { ...shown, current: { ...outline(1), label: { ...outline(1).label, note: { text: '✓ Selected', tone: 'selected' } } } }))
      .toHaveProperty('current');
  });
});
