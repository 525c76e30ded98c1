import { beforeEach, describe, expect, it } from 'vitest';
import type { Activity, TrackedElement } from '../goals/model';
import { findRows, metricsOf, METRIC_COLOURS, removalReasons, trackedRows } from './tracked';

const element = (id: string, selector: string, extra: Partial<TrackedElement> = {}): TrackedElement => ({
  id, selector, action: { kind: 'click' }, label: selector, pageUrl: 'https://shop.example/', createdAt: 0, ...extra,
});

describe('tracked rows in the picker', () => {
  const activity: Pick<Activity, 'elements' | 'metrics'> = {
    elements: [
      element('buy', '#buy'),
      element('share', '.share', { origin: 'typed' }),
      element('deep', '#buy', { shadowHosts: ['x-widget'] }),
      element('edited', '#sell', { origin: 'edited' }),
    ],
    metrics: [
      { id: 'm1', name: 'Shares', counting: 'once', elementIds: ['share'] },
      { id: 'm2', name: 'Sales', counting: 'every', elementIds: ['buy', 'share'] },
    ],
  };

  beforeEach(() => {
    document.body.innerHTML = '<button id="buy" class="share">Buy</button><button class="share">Share</button><x-widget></x-widget><button id="sell">Sell</button>';
    document.querySelector('x-widget')!.attachShadow({ mode: 'open' }).innerHTML = '<button id="buy">Deep buy</button>';
  });

  it('names each row\'s metrics, one colour per metric', () => {
    const rows = trackedRows(activity);
    expect(rows.find((row) => row.id === 'share')!.metrics).toEqual([{ name: 'Shares', colour: METRIC_COLOURS[0] }, { name: 'Sales', colour: METRIC_COLOURS[1] }]);
    expect(rows.find((row) => row.id === 'deep')!.metrics).toEqual([]);
    expect(trackedRows(null)).toEqual([]);
  });

  it('finds the rows on the page, the same selector in a shadow root apart', () => {
    const found = findRows(document, trackedRows(activity));
    const top = document.getElementById('buy')!;
    const deep = document.querySelector('x-widget')!.shadowRoot!.getElementById('buy')!;
    expect(found.byElement.get(top)!.map((row) => row.id)).toEqual(['buy', 'share']);
    expect(found.byElement.get(deep)!.map((row) => row.id)).toEqual(['deep']);
    expect(found.counts.get('share')).toBe(2);
    expect(metricsOf(found.byElement.get(top)!).map((tag) => tag.name)).toEqual(['Sales', 'Shares']);
  });

  it('asks before removing a typed, edited, multi-match or counted row, not a plain pick', () => {
    const rows = trackedRows(activity);
    const { counts } = findRows(document, rows);
    const row = (id: string) => rows.filter((item) => item.id === id);
    expect(removalReasons(row('deep'), counts)).toEqual([]);
    expect(removalReasons(row('share'), counts)).toEqual(['tracked in Shares, Sales', '“.share” was typed by hand', '“.share” matches 2 elements']);
    expect(removalReasons(row('edited'), counts)).toEqual(['“#sell” was edited by hand']);
    expect(removalReasons(row('buy'), counts)).toEqual(['tracked in Sales']);
  });
});
