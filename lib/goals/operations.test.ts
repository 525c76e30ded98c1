import { describe, expect, it } from 'vitest';
import type { Metric, PickedElement, Workspace } from './model';
import { activityNameFor, applyOperation, uniqueName, type WorkspaceOp } from './operations';

const PAGE = 'https://shop.example/tea';
const pick = (selector: string, pageUrl = PAGE): PickedElement => ({ selector, action: { kind: 'click' }, label: selector, pageUrl });
const metric = (id: string, elementIds: string[] = []): Metric => ({ id, name: id, counting: 'once', elementIds });

/** Applies operations in order, failing the test when one is refused. */
function run(ws: Workspace, ...ops: WorkspaceOp[]): Workspace {
  return ops.reduce((current, op, index) => {
    const result = applyOperation(current, op, 100 + index);
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.message}`);
    return result.workspace;
  }, ws);
}

const empty: Workspace = { activities: [], currentActivityId: null };

describe('workspace operations', () => {
  it('records the first pick in a new activity scoped to the page', () => {
    const ws = run(empty, { kind: 'recordPick', pick: pick('#buy') });
    const [activity] = ws.activities;
    expect(activity!.name).toBe('shop.example/tea');
    expect(activity!.scopes).toEqual([{ kind: 'exact', value: PAGE }]);
    expect(activity!.pages).toEqual([PAGE]);
    expect(ws.currentActivityId).toBe(activity!.id);
  });

  it('keeps picking on another page in the current activity, adding that page to its scopes', () => {
    const ws = run(empty, { kind: 'recordPick', pick: pick('#buy') }, { kind: 'recordPick', pick: pick('#more', 'https://shop.example/coffee#x') });
    expect(ws.activities).toHaveLength(1);
    expect(ws.activities[0]!.scopes.map((scope) => scope.value)).toEqual([PAGE, 'https://shop.example/coffee']);
    expect(ws.activities[0]!.elements.map((element) => element.selector)).toEqual(['#buy', '#more']);
  });

  it('takes picks back out when the picker unselects them, metrics included, and undoes it', () => {
    let ws = run(empty, { kind: 'recordPick', pick: pick('#buy') }, { kind: 'recordPick', pick: pick('#sell') },
      { kind: 'recordPick', pick: pick('#keep') });
    const activityId = ws.activities[0]!.id;
    const [buy, sell] = ws.activities[0]!.elements;
    ws = run(ws, { kind: 'addMetric', activityId, metric: metric('m', [sell!.id, buy!.id]) });
    const removed = applyOperation(ws, { kind: 'unrecordPick', activityId, elementIds: [buy!.id, sell!.id, 'gone'] }, 300);
    if (!removed.ok || !removed.undo) throw new Error('unrecordPick failed');
    expect(removed.workspace.activities[0]!.elements.map((element) => element.selector)).toEqual(['#keep']);
    expect(removed.workspace.activities[0]!.metrics[0]!.elementIds).toEqual([]);
    expect(removed.undo.label).toBe('Removed 2 elements in the picker.');
    const restored = run(removed.workspace, removed.undo.op);
    expect(restored.activities[0]!.elements.map((element) => element.selector)).toEqual(['#buy', '#sell', '#keep']);
    expect(new Set(restored.activities[0]!.metrics[0]!.elementIds)).toEqual(new Set([buy!.id, sell!.id]));
    // Nothing known: nothing changes, and there is nothing to undo.
    expect(applyOperation(ws, { kind: 'unrecordPick', activityId, elementIds: ['never'] }, 1)).toEqual({ ok: true, workspace: ws });
  });

  it('restores a row picked again meanwhile by giving its metrics to the new row, not by doubling it', () => {
    let ws = run(empty, { kind: 'recordPick', pick: pick('#buy') });
    const activityId = ws.activities[0]!.id;
    const [buy] = ws.activities[0]!.elements;
    ws = run(ws, { kind: 'addMetric', activityId, metric: metric('m', [buy!.id]) });
    const removed = applyOperation(ws, { kind: 'unrecordPick', activityId, elementIds: [buy!.id] }, 300);
    if (!removed.ok || !removed.undo) throw new Error('unrecordPick failed');
    expect(removed.undo.label).toBe('Removed “#buy” in the picker.');
    ws = run(removed.workspace, { kind: 'recordPick', pick: pick('#buy') }, removed.undo.op);
    const [again] = ws.activities[0]!.elements;
    expect(ws.activities[0]!.elements).toHaveLength(1);
    expect(ws.activities[0]!.metrics[0]!.elementIds).toEqual([again!.id]);
  });

  it('tells elements apart by selector, frames and shadow hosts', () => {
    const inShadow = { ...pick('#buy'), shadowHosts: ['shop-widget'] };
    const inFrame = { ...pick('#buy'), frames: ['#checkout'] };
    let ws = run(empty, { kind: 'recordPick', pick: pick('#buy') }, { kind: 'recordPick', pick: inShadow }, { kind: 'recordPick', pick: inFrame },
      { kind: 'recordPick', pick: { ...inShadow, label: 'again' } });
    const activity = ws.activities[0]!;
    expect(activity.elements.map((element) => [element.selector, element.frames, element.shadowHosts]))
      .toEqual([['#buy', undefined, undefined], ['#buy', undefined, ['shop-widget']], ['#buy', ['#checkout'], undefined]]);
    expect(applyOperation(ws, { kind: 'addElement', activityId: activity.id, pick: inShadow }, 1))
      .toEqual({ ok: false, message: '“#buy” inside “shop-widget” is already in this activity.' });
    ws = run(ws, { kind: 'addElement', activityId: activity.id, pick: { ...pick('#buy'), shadowHosts: ['other-widget'] } });
    // Editing the shadow row's selector to one the top-level row uses is no clash; within its own root it is.
    const [, shadowRow] = ws.activities[0]!.elements;
    ws = run(ws, { kind: 'updateElement', activityId: activity.id, elementId: shadowRow!.id, selector: '#sell' });
    const [top] = ws.activities[0]!.elements;
    expect(applyOperation(ws, { kind: 'updateElement', activityId: activity.id, elementId: top!.id, selector: '#sell' }, 1).ok).toBe(true);
    const deleted = applyOperation(ws, { kind: 'removeElement', activityId: activity.id, elementId: top!.id }, 1);
    if (!deleted.ok || !deleted.undo) throw new Error('delete failed');
    // The top-level row comes back even though a shadow-root row uses the same selector.
    expect(run(deleted.workspace, deleted.undo.op).activities[0]!.elements).toHaveLength(4);
  });

  it('creates, renames, switches and deletes activities, and undoes the delete', () => {
    let ws = run(empty,
      { kind: 'createActivity', activityId: 'a1', name: ' Launch  ', scopes: [] },
      { kind: 'createActivity', activityId: 'a2', name: 'Summer', scopes: [] },
      { kind: 'renameActivity', activityId: 'a1', name: 'Launch 2' },
      { kind: 'selectActivity', activityId: 'a1' });
    expect(ws.activities.map((a) => a.name)).toEqual(['Launch 2', 'Summer']);
    expect(ws.currentActivityId).toBe('a1');
    const deleted = applyOperation(ws, { kind: 'deleteActivity', activityId: 'a1' }, 200);
    if (!deleted.ok || !deleted.undo) throw new Error('delete failed');
    expect(deleted.workspace.activities.map((a) => a.id)).toEqual(['a2']);
    expect(deleted.workspace.currentActivityId).toBe('a2');
    ws = run(deleted.workspace, deleted.undo.op);
    expect(ws.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(ws.currentActivityId).toBe('a1');
  });

  it('refuses empty names and operations on things that are gone, with a message', () => {
    const ws = run(empty, { kind: 'createActivity', activityId: 'a1', name: 'A', scopes: [] });
    expect(applyOperation(ws, { kind: 'renameActivity', activityId: 'a1', name: '  ' }, 1)).toEqual({ ok: false, message: 'An activity needs a name.' });
    const gone = applyOperation(ws, { kind: 'removeElement', activityId: 'a1', elementId: 'nope' }, 1);
    expect(gone.ok).toBe(false);
    expect(applyOperation(ws, { kind: 'selectActivity', activityId: 'zz' }, 1).ok).toBe(false);
  });

  it('lets one element count in several metrics, moves it, and forgets it everywhere when deleted', () => {
    let ws = run(empty, { kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] },
      { kind: 'addElement', activityId: 'a', pick: pick('#buy') },
      { kind: 'addMetric', activityId: 'a', metric: metric('m1') },
      { kind: 'addMetric', activityId: 'a', metric: metric('m2') },
      { kind: 'addMetric', activityId: 'a', metric: metric('m3') });
    const id = ws.activities[0]!.elements[0]!.id;
    ws = run(ws, { kind: 'setMembership', activityId: 'a', metricId: 'm1', elementId: id, member: true },
      { kind: 'setMembership', activityId: 'a', metricId: 'm2', elementId: id, member: true },
      { kind: 'moveElement', activityId: 'a', elementId: id, fromMetricId: 'm1', toMetricId: 'm3' });
    expect(ws.activities[0]!.metrics.map((m) => m.elementIds)).toEqual([[], [id], [id]]);

    const removed = applyOperation(ws, { kind: 'removeElement', activityId: 'a', elementId: id }, 300);
    if (!removed.ok || !removed.undo) throw new Error('remove failed');
    expect(removed.workspace.activities[0]!.metrics.map((m) => m.elementIds)).toEqual([[], [], []]);
    const restored = run(removed.workspace, removed.undo.op);
    expect(restored.activities[0]!.elements.map((e) => e.id)).toEqual([id]);
    expect(restored.activities[0]!.metrics.map((m) => m.elementIds)).toEqual([[], [id], [id]]);
  });

  it('edits a selector and action, refusing a selector another row already uses', () => {
    const ws = run(empty, { kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] },
      { kind: 'addElement', activityId: 'a', pick: pick('#buy') }, { kind: 'addElement', activityId: 'a', pick: pick('#sell') });
    const [buy, sell] = ws.activities[0]!.elements;
    const edited = run(ws, { kind: 'updateElement', activityId: 'a', elementId: buy!.id, selector: ' .buy ', action: { kind: 'submit' } });
    expect(edited.activities[0]!.elements[0]).toMatchObject({ selector: '.buy', action: { kind: 'submit' } });
    const clash = applyOperation(ws, { kind: 'updateElement', activityId: 'a', elementId: sell!.id, selector: '#buy' }, 1);
    expect(clash).toEqual({ ok: false, message: 'Another row already uses “#buy”.' });
    expect(applyOperation(ws, { kind: 'addElement', activityId: 'a', pick: pick('#buy') }, 1).ok).toBe(false);
  });

  it('sets counting and an optional time window on a metric, and validates the window', () => {
    let ws = run(empty, { kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] }, { kind: 'addMetric', activityId: 'a', metric: metric('m') });
    ws = run(ws, { kind: 'updateMetric', activityId: 'a', metricId: 'm', name: 'Buy', counting: 'every', windowSeconds: 30 });
    expect(ws.activities[0]!.metrics[0]).toEqual({ id: 'm', name: 'Buy', counting: 'every', windowSeconds: 30, elementIds: [] });
    ws = run(ws, { kind: 'updateMetric', activityId: 'a', metricId: 'm', windowSeconds: null });
    expect(ws.activities[0]!.metrics[0]).not.toHaveProperty('windowSeconds');
    expect(applyOperation(ws, { kind: 'updateMetric', activityId: 'a', metricId: 'm', windowSeconds: 2.5 }, 1).ok).toBe(false);
  });

  it('restores a deleted metric without elements deleted meanwhile', () => {
    let ws = run(empty, { kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] },
      { kind: 'addElement', activityId: 'a', pick: pick('#x') }, { kind: 'addElement', activityId: 'a', pick: pick('#y') });
    const [x, y] = ws.activities[0]!.elements;
    ws = run(ws, { kind: 'addMetric', activityId: 'a', metric: metric('m', [x!.id, y!.id]) });
    const removed = applyOperation(ws, { kind: 'removeMetric', activityId: 'a', metricId: 'm' }, 1);
    if (!removed.ok || !removed.undo) throw new Error('remove failed');
    ws = run(removed.workspace, { kind: 'removeElement', activityId: 'a', elementId: x!.id }, removed.undo.op);
    expect(ws.activities[0]!.metrics[0]!.elementIds).toEqual([y!.id]);
  });

  it('edits URL scopes by value, refusing an edit of a scope changed elsewhere', () => {
    const exact = { kind: 'exact' as const, value: PAGE };
    const prefix = { kind: 'prefix' as const, value: 'https://shop.example/' };
    let ws = run(empty, { kind: 'createActivity', activityId: 'a', name: 'A', scopes: [exact] },
      { kind: 'addScope', activityId: 'a', scope: prefix }, { kind: 'addScope', activityId: 'a', scope: prefix });
    expect(ws.activities[0]!.scopes).toEqual([exact, prefix]);
    ws = run(ws, { kind: 'updateScope', activityId: 'a', previous: exact, scope: { kind: 'pattern', value: 'https://shop.example/*' } },
      { kind: 'removeScope', activityId: 'a', scope: prefix });
    expect(ws.activities[0]!.scopes).toEqual([{ kind: 'pattern', value: 'https://shop.example/*' }]);
    expect(applyOperation(ws, { kind: 'updateScope', activityId: 'a', previous: exact, scope: prefix }, 1).ok).toBe(false);
    expect(applyOperation(ws, { kind: 'addScope', activityId: 'a', scope: { kind: 'prefix', value: 'shop.example' } }, 1))
      .toMatchObject({ ok: false, message: expect.stringContaining('not a web address') });
  });

  it('names a first activity after the page title, and numbers a name already taken (issue 15)', () => {
    let ws = run(empty, { kind: 'recordPick', pick: pick('#buy'), pageTitle: '  NPR story page:\n engagement ' });
    expect(ws.activities[0]!.name).toBe('NPR story page: engagement');
    ws = run(ws, { kind: 'createActivity', activityId: 'b', name: 'NPR story page: engagement', scopes: [] },
      { kind: 'createActivity', activityId: 'c', name: 'npr story page: engagement', scopes: [] });
    expect(ws.activities.map((activity) => activity.name)).toEqual([
      'NPR story page: engagement', 'NPR story page: engagement (2)', 'npr story page: engagement (3)',
    ]);
    expect(activityNameFor(PAGE, 'about:blank')).toBe('shop.example/tea');
    expect(activityNameFor(PAGE, 'x'.repeat(100))).toHaveLength(60);
    expect(uniqueName('Shop (2)', ['Shop', 'Shop (2)'])).toBe('Shop (3)');
  });

  it('relabels a row for the selector it was described for, and takes a label with an edit', () => {
    let ws = run(empty, { kind: 'recordPick', pick: pick('#buy') });
    const activity = ws.activities[0]!;
    const id = activity.elements[0]!.id;
    ws = run(ws, { kind: 'relabelElement', activityId: activity.id, elementId: id, selector: '#buy', label: 'Button “Buy”' });
    expect(ws.activities[0]!.elements[0]!.label).toBe('Button “Buy”');
    // Described for a selector the row no longer has: an edit landed meanwhile, its label stays.
    ws = run(ws, { kind: 'updateElement', activityId: activity.id, elementId: id, selector: '#sell', label: 'Button “Sell”' },
      { kind: 'relabelElement', activityId: activity.id, elementId: id, selector: '#buy', label: 'Button “Buy”' });
    expect(ws.activities[0]!.elements[0]).toMatchObject({ selector: '#sell', label: 'Button “Sell”', origin: 'edited' });
  });

  it('stores a PostHog check’s filters with its selector, and drops them with it', () => {
    const ws = run(empty, { kind: 'recordPick', pick: pick('li:nth-child(1) > a.icon') });
    const activity = ws.activities[0]!;
    const element = activity.elements[0]!;
    const check = { kind: 'setTargetCheck' as const, activityId: activity.id, elementId: element.id, selector: element.selector, limit: null };
    const stored = run(ws, { ...check, posthog: 'a.icon', posthogFilters: { href: '/go?to=mail' } });
    expect(stored.activities[0]!.elements[0]!.targetSelectors).toEqual({ posthog: 'a.icon', posthogFilters: { href: '/go?to=mail' } });
    // A later check without filters (the selector alone is exact now) drops them.
    const plain = run(stored, { ...check, posthog: 'a.icon', posthogFilters: null });
    expect(plain.activities[0]!.elements[0]!.targetSelectors).toEqual({ posthog: 'a.icon' });
    // No selector for PostHog: nothing of it is kept.
    const none = run(stored, { ...check, posthog: null, limit: 'autocapture records no click on it' });
    expect(none.activities[0]!.elements[0]!.targetSelectors).toBeUndefined();
  });
});
