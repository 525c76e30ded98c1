import { describe, expect, it } from 'vitest';
import { dockFor, overlaps, placeBadges, placeLabel } from './layout';

const viewport = { width: 1280, height: 800 };
const label = { width: 200, height: 20 };

describe('picker layout', () => {
  it('puts the label above the element, or below it when the element is within 24 px of the top', () => {
    expect(placeLabel({ x: 100, y: 300, width: 80, height: 30 }, label, viewport, [])).toEqual({ x: 100, y: 278, ...label });
    const nearTop = { x: 100, y: 10, width: 80, height: 30 };
    const placed = placeLabel(nearTop, label, viewport, []);
    expect(placed.y).toBe(42);
    expect(overlaps(placed, nearTop)).toBe(false);
  });

  it('keeps the label inside the viewport, aligned right for right-to-left elements', () => {
    expect(placeLabel({ x: 1200, y: 300, width: 60, height: 30 }, label, viewport, []).x).toBe(1080);
    expect(placeLabel({ x: 500, y: 300, width: 300, height: 30 }, label, viewport, [], true).x).toBe(600);
  });

  it('keeps the label off the path bar and off another label', () => {
    const bar = { x: 0, y: 0, width: 1280, height: 56 };
    const placed = placeLabel({ x: 100, y: 60, width: 80, height: 30 }, label, viewport, [bar]);
    expect(placed.y).toBe(92);
    const whole = placeLabel({ x: 0, y: 0, width: 1280, height: 800 }, label, viewport, [bar]);
    expect(overlaps(whole, bar)).toBe(false);
  });

  it('puts badges outside the element, never over a label or another badge', () => {
    const small = { x: 100, y: 300, width: 40, height: 20 };
    const [above] = placeBadges([{ box: small, size: { width: 60, height: 16 } }], viewport, []);
    expect(above).toEqual({ x: 80, y: 282, width: 60, height: 16 });
    expect(overlaps(above!, small)).toBe(false);
    // The hover label sits above it: the badge goes below.
    const hoverLabel = placeLabel(small, label, viewport, []);
    const [below] = placeBadges([{ box: small, size: { width: 60, height: 16 } }], viewport, [hoverLabel]);
    expect(below!.y).toBe(322);
    expect(overlaps(below!, hoverLabel)).toBe(false);
    // Two elements side by side: their badges do not overlap.
    const [left, right] = placeBadges([
      { box: { x: 100, y: 300, width: 40, height: 20 }, size: { width: 90, height: 16 } },
      { box: { x: 150, y: 300, width: 40, height: 20 }, size: { width: 90, height: 16 } },
    ], viewport, []);
    expect(overlaps(left!, right!)).toBe(false);
  });

  it('keeps a badge above its element rather than over the next one when the corner is taken', () => {
    const facebook = { x: 200, y: 146, width: 105, height: 32 };
    const twitter = { x: 316, y: 146, width: 84, height: 32 };
    const email = { x: 412, y: 146, width: 71, height: 32 };
    const hoverLabel = { x: 200, y: 174, width: 500, height: 18 };
    const size = { width: 103, height: 15 };
    const [, badge] = placeBadges([{ box: facebook, size }, { box: twitter, size }], viewport, [hoverLabel]);
    expect(badge).toEqual({ x: 316, y: 129, ...size });
    expect([facebook, twitter, email, hoverLabel].some((other) => overlaps(badge!, other))).toBe(false);
  });

  it('puts the badge of an element at the top of the page below it, and skips elements off screen', () => {
    const top = { x: 0, y: 0, width: 300, height: 40 };
    const [badge, gone] = placeBadges([{ box: top, size: { width: 60, height: 16 } }, { box: { x: 0, y: 900, width: 10, height: 10 }, size: { width: 60, height: 16 } }], viewport, []);
    expect(badge!.y).toBe(42);
    expect(gone).toBeNull();
  });

  it('docks the path bar at the top while the element worked on is under it at the bottom, and back', () => {
    const bar = 56;
    const atBottom = { x: 0, y: 770, width: 100, height: 30 };
    const atTop = { x: 0, y: 10, width: 100, height: 30 };
    const middle = { x: 0, y: 400, width: 100, height: 30 };
    const tall = { x: 0, y: -100, width: 100, height: 1200 };
    expect(dockFor('bottom', atBottom, 800, bar, false)).toBe('top');
    expect(dockFor('top', middle, 800, bar, false)).toBe('top');
    expect(dockFor('top', atTop, 800, bar, false)).toBe('bottom');
    expect(dockFor('bottom', tall, 800, bar, false)).toBe('bottom');
    expect(dockFor('bottom', null, 800, bar, true)).toBe('top');
    // A section as tall as the viewport has no say: scrolling past the end still moves the bar.
    expect(dockFor('bottom', { x: 0, y: 7, width: 1280, height: 749 }, 800, bar, true)).toBe('top');
    expect(dockFor('bottom', middle, 800, bar, false)).toBe('bottom');
  });
});
