import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchView, revealMatch } from './match-view';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Places each `.m` element at the given top (px), or hides it (null); the viewport is 800 px high. */
function layout(tops: (number | null)[]) {
  document.body.innerHTML = tops.map(() => '<button class="m">x</button>').join('');
  const buttons = [...document.querySelectorAll('.m')];
  buttons.forEach((button, index) => {
    const top = tops[index]!;
    vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(
      (top === null ? { top: 0, left: 0, width: 0, height: 0 } : { top, left: 10, width: 80, height: 30 }) as DOMRect,
    );
  });
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
  vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1200);
  return buttons;
}

describe('where matches are on screen', () => {
  it('counts matches outside the viewport and those not rendered', () => {
    layout([100, 1500, -200, null]);
    expect(matchView(document, { selector: '.m' })).toEqual({ count: 4, offscreen: 2, hidden: 1 });
  });

  it('scrolls the first off-screen match into view', () => {
    const buttons = layout([100, 1500]);
    const scroll = vi.fn();
    (buttons[1] as HTMLElement).scrollIntoView = scroll;
    expect(revealMatch(document, { selector: '.m' })).toEqual({ revealed: true, was: 'below' });
    expect(scroll).toHaveBeenCalledWith({ block: 'center', inline: 'center', behavior: 'instant' });
    layout([100]);
    expect(revealMatch(document, { selector: '.m' })).toEqual({ revealed: false });
  });
});
