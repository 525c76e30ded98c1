import { describe, expect, it } from 'vitest';
import { addElement, createActivity, defaultAction, locationText, removeElement, sameLocation, type PickedElement } from './model';

const pick = (selector: string): PickedElement => ({
  selector, action: { kind: 'click' }, label: selector, pageUrl: 'https://shop.example/',
});

describe('goals model', () => {
  it('adds a pick once per selector and remembers the page', () => {
    const empty = createActivity('Launch', 1);
    const once = addElement(empty, pick('#buy'), 2);
    const twice = addElement(once, pick('#buy'), 3);
    expect(twice.elements).toHaveLength(1);
    expect(twice.pages).toEqual(['https://shop.example/']);
  });

  it('adds the same selector again inside a shadow root or a frame: another element', () => {
    const top = addElement(createActivity('Launch', 1), pick('#buy'), 2);
    const shadow = addElement(top, { ...pick('#buy'), shadowHosts: ['shop-widget'] }, 3);
    const frame = addElement(shadow, { ...pick('#buy'), frames: ['iframe'] }, 4);
    expect(addElement(frame, { ...pick('#buy'), frames: ['iframe'], shadowHosts: [] }, 5).elements).toHaveLength(3);
    expect(sameLocation({ selector: '#buy' }, { selector: '#buy', frames: [], shadowHosts: [] })).toBe(true);
    expect(sameLocation({ selector: '#buy', shadowHosts: ['a', 'b'] }, { selector: '#buy', shadowHosts: ['a'] })).toBe(false);
    expect(locationText({ selector: '#buy', frames: ['#f'], shadowHosts: ['x-card'] })).toBe('“#buy” inside “#f › x-card”');
  });

  it('removes an element from its metrics too', () => {
    const activity = addElement(createActivity('Launch', 1), pick('#buy'), 2);
    const id = activity.elements[0]!.id;
    const withMetric = { ...activity, metrics: [{ id: 'm', name: 'Buy', counting: 'once' as const, elementIds: [id] }] };
    const removed = removeElement(withMetric, id, 3);
    expect(removed.elements).toEqual([]);
    expect(removed.metrics[0]!.elementIds).toEqual([]);
  });

  it('tracks links as link clicks and forms as submits', () => {
    expect(defaultAction('A', 'https://x.example/')).toEqual({ kind: 'link', href: 'https://x.example/' });
    expect(defaultAction('FORM', null)).toEqual({ kind: 'submit' });
    expect(defaultAction('BUTTON', null)).toEqual({ kind: 'click' });
  });
});
