import { beforeEach, describe, expect, it } from 'vitest';
import type { PickedElement, TrackedElement } from '../goals/model';
import { createSelection } from './selection';

const row = (id: string, selector: string, extra: Partial<TrackedElement> = {}): TrackedElement => ({
  id, selector, action: { kind: 'click' }, label: selector, pageUrl: 'https://shop.example/', createdAt: 0, origin: 'picked', ...extra,
});
const box = { x: 0, y: 0, width: 80, height: 30 };
const $ = (selector: string) => document.querySelector(selector)!;

describe('the picker\'s selection', () => {
  let picks: PickedElement[];
  let unpicks: string[][];
  let selection: ReturnType<typeof createSelection>;

  beforeEach(() => {
    document.body.innerHTML = `<button id="buy">Buy</button><button class="share" id="fb">Facebook</button><button class="share" id="tw">Twitter</button>
      <nav id="nav"><a href="/a">A</a><a href="/b">B</a></nav><p id="text">Text</p>`;
    picks = [];
    unpicks = [];
    selection = createSelection(document, {
      onPick: (pick) => picks.push(pick),
      onUnpick: (_, ids) => unpicks.push(ids),
      wordsOf: (element) => element.textContent!.trim(),
      containerOf: (element) => (element.id === 'nav' ? { width: 300, height: 40, actionables: 2 } : null),
    });
    selection.setActivity({
      id: 'act',
      elements: [row('buy', '#buy'), row('share', '.share', { origin: 'typed' })],
      metrics: [{ id: 'm', name: 'Shares', counting: 'once', elementIds: ['share'] }],
    });
  });

  it('unselects a plain pick at once', () => {
    expect(selection.choose($('#buy'), box)).toBeUndefined();
    expect(unpicks).toEqual([['buy']]);
    expect(selection.isSelected($('#buy'))).toBe(false);
  });

  it('asks before unselecting a typed row in a metric that matches several elements, and removes it on yes', () => {
    const question = selection.choose($('#tw'), box)!;
    expect(question.view).toEqual({
      kind: 'remove', words: 'Twitter', box, metrics: [expect.objectContaining({ name: 'Shares' })],
      reasons: ['tracked in Shares', '“.share” was typed by hand', '“.share” matches 2 elements'],
    });
    expect(unpicks).toEqual([]);
    question.yes();
    expect(unpicks).toEqual([['share']]);
    expect(selection.isSelected($('#fb'))).toBe(false);
  });

  it('records an element at once, shows it selected before it is stored, and waits on a second click', () => {
    expect(selection.choose($('#text'), box)).toBeUndefined();
    expect(picks.map((pick) => pick.selector)).toEqual(['#text']);
    expect(selection.isSelected($('#text'))).toBe(true);
    expect(selection.rowsOf($('#text'))).toEqual([]);
    expect(selection.choose($('#text'), box)).toBeUndefined();
    expect(picks).toHaveLength(1);
  });

  it('asks before recording a container, and keeps the warning on the pick', () => {
    const question = selection.choose($('#nav'), box)!;
    expect(question.view).toEqual({ kind: 'container', words: 'AB', text: 'Any click inside this 300 × 40 area counts: it holds 2 links, buttons or fields.', box });
    expect(picks).toEqual([]);
    question.yes();
    expect(picks[0]).toMatchObject({ selector: '#nav', container: { width: 300, height: 40, actionables: 2 } });
  });

  it('badges each selected element with its metrics', () => {
    const badges = selection.badges(() => box, 10);
    expect(badges.map((badge) => badge.metrics.map((metric) => metric.name))).toEqual([[], ['Shares'], ['Shares']]);
    expect(selection.badges(() => box, 1)).toHaveLength(1);
  });
});
