import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOT_ANSWERING, NOT_LOADED, READY_TIMEOUT_MS, watchReady } from './ready-watch';

describe('waiting for the picker frame to say it is ready', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const watch = () => {
    const lost: string[] = [];
    let replaced = 0;
    const readyWatch = watchReady(globalThis as unknown as Window, { replace: () => void replaced++, lost: (reason) => void lost.push(reason) });
    return { readyWatch, lost, replaced: () => replaced };
  };

  it('blames the page for a frame that never loaded, at once, without a second frame', () => {
    const { readyWatch, lost, replaced } = watch();
    readyWatch.frameAdded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS - 1);
    expect(lost).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(lost).toEqual([NOT_LOADED]);
    expect(replaced()).toBe(0);
  });

  it('replaces a frame that loaded and stayed silent once, then stops saying it did not answer', () => {
    const { readyWatch, lost, replaced } = watch();
    readyWatch.frameAdded();
    readyWatch.frameLoaded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS);
    expect(replaced()).toBe(1);
    expect(lost).toEqual([]);
    readyWatch.frameAdded();
    readyWatch.frameLoaded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS);
    expect(lost).toEqual([NOT_ANSWERING]);
    expect(replaced()).toBe(1);
    vi.advanceTimersByTime(10 * READY_TIMEOUT_MS);
    expect(lost).toEqual([NOT_ANSWERING]);
  });

  it('is satisfied by the fresh frame, and gives each new frame its own time', () => {
    const { readyWatch, lost, replaced } = watch();
    readyWatch.frameAdded();
    readyWatch.frameLoaded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS);
    readyWatch.frameAdded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS / 2);
    // The page replaced the frame meanwhile (the guard put in another): the clock starts again.
    readyWatch.frameAdded();
    vi.advanceTimersByTime(READY_TIMEOUT_MS - 1);
    readyWatch.frameLoaded();
    readyWatch.ready();
    vi.advanceTimersByTime(10 * READY_TIMEOUT_MS);
    expect(lost).toEqual([]);
    expect(replaced()).toBe(1);
  });

  it('says nothing once stopped (picking ended), nor after ready for a frame the guard replaces later', () => {
    const { readyWatch, lost } = watch();
    readyWatch.frameAdded();
    readyWatch.stop();
    vi.advanceTimersByTime(2 * READY_TIMEOUT_MS);
    const again = watch();
    again.readyWatch.frameAdded();
    again.readyWatch.ready();
    again.readyWatch.frameAdded();
    vi.advanceTimersByTime(2 * READY_TIMEOUT_MS);
    expect([...lost, ...again.lost]).toEqual([]);
  });
});
