import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordPick, unrecordPick, workspaceItem } from './storage';
import type { PickedElement } from './model';

const pick = (selector: string, pageUrl = 'https://shop.example/'): PickedElement => ({
  selector, action: { kind: 'click' }, label: selector, pageUrl,
});

describe('unrecordPick', () => {
  beforeEach(() => fakeBrowser.reset());

  it('removes the unselected element from the current activity, and from its metrics', async () => {
    await recordPick(pick('#buy'), 1);
    const workspace = await recordPick(pick('#sell'), 2);
    const [buy] = workspace.activities[0]!.elements;
    await workspaceItem.setValue({
      ...workspace,
      activities: [{ ...workspace.activities[0]!, metrics: [{ id: 'm', name: 'Buy', counting: 'once', elementIds: [buy!.id] }] }],
    });
    const next = await unrecordPick({ selector: '#buy', pageUrl: 'https://shop.example/' }, 3);
    expect(next.activities[0]!.elements.map((element) => element.selector)).toEqual(['#sell']);
    expect(next.activities[0]!.metrics[0]!.elementIds).toEqual([]);
    expect(await workspaceItem.getValue()).toEqual(next);
  });

  it('changes nothing for a selector that is not listed', async () => {
    const before = await recordPick(pick('#buy'), 1);
    expect(await unrecordPick({ selector: '#nope', pageUrl: 'https://shop.example/' }, 2)).toEqual(before);
    expect(await workspaceItem.getValue()).toEqual(before);
  });
});
