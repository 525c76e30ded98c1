import { describe, expect, it } from 'vitest';
import type { Activity, TrackedElement } from '../goals/model';
import type { HealthReport, RepairProposal } from './check';
import { badgeText, goalsOfPage, healthTargets, repairOperation, summaryText } from './goals';

const element = (id: string, pageUrl: string, extra: Partial<TrackedElement> = {}): TrackedElement => ({
  id, createdAt: 1, selector: `#${id}`, action: { kind: 'click' }, label: id, pageUrl, ...extra,
});
const activity: Activity = {
  id: 'a', name: 'Shop', createdAt: 1, updatedAt: 1, metrics: [], pages: [],
  scopes: [{ kind: 'prefix', value: 'https://shop.example/' }],
  elements: [
    element('tea', 'https://shop.example/tea?utm_source=mail', { origin: 'picked' }),
    element('typed', 'https://shop.example/tea/', { origin: 'typed' }),
    element('coffee', 'https://shop.example/coffee'),
  ],
};

describe('goals of a page', () => {
  it('are the rows picked on that page (query, hash and trailing slash aside), inside the activity’s scope', () => {
    expect(goalsOfPage(activity, 'https://shop.example/tea#reviews').map((goal) => goal.id)).toEqual(['tea', 'typed']);
    expect(goalsOfPage(activity, 'https://other.example/tea')).toEqual([]);
  });

  it('expect one match unless the user wrote the selector', () => {
    expect(healthTargets(activity, 'https://shop.example/tea').map((target) => [target.id, target.expectsOne])).toEqual([['tea', true], ['typed', false]]);
  });
});

describe('health in words', () => {
  const report = (statuses: string[]): HealthReport => ({
    url: '', goals: statuses.map((status, index) => (status === 'ok' ? { id: String(index), status: 'ok', count: 1 } : { id: String(index), status: 'lost', count: 0, repair: null })),
  });
  it('sums up the page', () => {
    expect(summaryText(report(['lost', 'ok', 'lost', ...Array(11).fill('ok')]))).toBe('2 of 14 goals need attention on this page.');
    expect(summaryText(report(['lost', 'ok']))).toBe('1 of 2 goals needs attention on this page.');
    expect(summaryText(report(['ok', 'ok']))).toBe('All 2 goals on this page are found.');
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(140)).toBe('99+');
  });
});

describe('repairOperation', () => {
  const proposal: RepairProposal = {
    selector: 'a.btn', alternatives: [], words: 'Link “Buy”', label: 'a.btn "Buy"', tag: 'a', href: 'https://shop.example/checkout?item=2', confidence: 0.9,
    fingerprint: { tag: 'a', text: 'Buy', attributes: {}, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/a' },
  };
  it('replaces the selector the row has now, and a link click follows the link to its new address', () => {
    const link = element('l', 'https://shop.example/', { action: { kind: 'link', href: 'https://shop.example/checkout?item=1' } });
    expect(repairOperation(activity, link, proposal)).toMatchObject({
      kind: 'repairElement', activityId: 'a', elementId: 'l', expected: '#l',
      repair: { selector: 'a.btn', label: 'a.btn "Buy"', action: { kind: 'link', href: 'https://shop.example/checkout?item=2' } },
    });
    expect(repairOperation(activity, element('c', ''), proposal).kind === 'repairElement' && repairOperation(activity, element('c', ''), proposal)).toMatchObject({ repair: { action: { kind: 'click' } } });
  });
});
