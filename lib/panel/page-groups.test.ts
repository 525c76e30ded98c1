import { describe, expect, it } from 'vitest';
import type { TrackedElement } from '@/lib/goals/model';
import { groupByPage } from './page-groups';

const row = (id: string, pageUrl: string): TrackedElement => ({ id, createdAt: 1, selector: `#${id}`, action: { kind: 'click' }, label: '', pageUrl });

describe('rows grouped by page', () => {
  it('says each page once, in the order first used, and marks the page in the tab', () => {
    const groups = groupByPage([
      row('a', 'https://shop.example/tea'), row('b', 'https://shop.example/coffee'), row('c', 'https://shop.example/tea#reviews'),
    ], 'https://shop.example/coffee');
    expect(groups.map((group) => [group.page, group.current, group.elements.map((element) => element.id)])).toEqual([
      ['https://shop.example/tea', false, ['a', 'c']],
      ['https://shop.example/coffee', true, ['b']],
    ]);
  });
});
