import { describe, expect, it } from 'vitest';
import { addElement, createActivity, defaultAction, removeElement, type PickedElement } from './model';

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
