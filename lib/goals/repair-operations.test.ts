import { describe, expect, it } from 'vitest';
import type { ElementFingerprint, PickedElement, Workspace } from './model';
import { applyOperation, type ElementRepair, type WorkspaceOp } from './operations';

// Issue 14: accepting a repair is one operation with its undo; a backfilled fingerprint never
// overwrites one that exists.
const PAGE = 'https://shop.example/tea';
const fingerprint = (text: string): ElementFingerprint => ({
  tag: 'button', text, attributes: {}, classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/button',
});
const pick: PickedElement = {
  selector: '.buy', action: { kind: 'click' }, label: 'button.buy "Buy tea"', pageUrl: PAGE, origin: 'picked',
  fingerprint: fingerprint('Buy tea'), alternatives: [{ selector: 'button', matchCount: 2, hints: ['multiple-matches'] }],
};
const repair: ElementRepair = { selector: '.tile button', action: { kind: 'click' }, label: 'button.btn "Buy tea"', fingerprint: fingerprint('Buy tea!') };

function start(): { ws: Workspace; elementId: string } {
  const created = applyOperation({ activities: [], currentActivityId: null }, { kind: 'recordPick', pick }, 1);
  if (!created.ok) throw new Error(created.message);
  created.workspace.activities[0]!.metrics.push({ id: 'm1', name: 'Buy', counting: 'once', elementIds: [created.workspace.activities[0]!.elements[0]!.id] });
  return { ws: created.workspace, elementId: created.workspace.activities[0]!.elements[0]!.id };
}

function apply(ws: Workspace, op: WorkspaceOp) {
  const result = applyOperation(ws, op, 2);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('repairElement', () => {
  it('replaces the selector and what describes the element, keeps id, metrics and origin, and undoes exactly', () => {
    const { ws, elementId } = start();
    const activityId = ws.activities[0]!.id;
    const repaired = apply(ws, { kind: 'repairElement', activityId, elementId, expected: '.buy', repair });
    const row = repaired.workspace.activities[0]!.elements[0]!;
    expect(row).toMatchObject({ id: elementId, selector: '.tile button', label: 'button.btn "Buy tea"', origin: 'picked', fingerprint: repair.fingerprint });
    expect(row.alternatives).toBeUndefined();
    expect(repaired.workspace.activities[0]!.metrics[0]!.elementIds).toEqual([elementId]);
    expect(repaired.undo?.label).toBe('Repaired “.buy” → “.tile button”.');

    const undone = apply(repaired.workspace, repaired.undo!.op);
    expect(undone.workspace.activities[0]!.elements[0]).toEqual(ws.activities[0]!.elements[0]);
    expect(undone.undo).toBeUndefined();
  });

  it('refuses when the row was edited meanwhile, or when another row already has the new selector', () => {
    const { ws, elementId } = start();
    const activityId = ws.activities[0]!.id;
    expect(applyOperation(ws, { kind: 'repairElement', activityId, elementId, expected: '.old', repair }, 2)).toMatchObject({ ok: false, message: expect.stringContaining('changed meanwhile') });
    const withTwin = apply(ws, { kind: 'addElement', activityId, pick: { ...pick, selector: '.tile button' } }).workspace;
    expect(applyOperation(withTwin, { kind: 'repairElement', activityId, elementId, expected: '.buy', repair }, 2)).toMatchObject({ ok: false, message: expect.stringContaining('Another row') });
  });

  it('does not undo over an edit made after the repair', () => {
    const { ws, elementId } = start();
    const activityId = ws.activities[0]!.id;
    const repaired = apply(ws, { kind: 'repairElement', activityId, elementId, expected: '.buy', repair });
    const edited = apply(repaired.workspace, { kind: 'updateElement', activityId, elementId, selector: '#mine' }).workspace;
    expect(applyOperation(edited, repaired.undo!.op, 3)).toMatchObject({ ok: false });
  });
});

describe('setFingerprint', () => {
  it('fills in a missing fingerprint only, and only for the selector it was taken with', () => {
    const { ws, elementId } = start();
    const activityId = ws.activities[0]!.id;
    const bare = { ...ws, activities: [{ ...ws.activities[0]!, elements: ws.activities[0]!.elements.map(({ fingerprint: _f, ...rest }) => rest) }] };
    const stale = apply(bare, { kind: 'setFingerprint', activityId, elementId, selector: '.other', fingerprint: fingerprint('x') }).workspace;
    expect(stale.activities[0]!.elements[0]!.fingerprint).toBeUndefined();
    const filled = apply(bare, { kind: 'setFingerprint', activityId, elementId, selector: '.buy', fingerprint: fingerprint('x') }).workspace;
    expect(filled.activities[0]!.elements[0]!.fingerprint?.text).toBe('x');
    const kept = apply(ws, { kind: 'setFingerprint', activityId, elementId, selector: '.buy', fingerprint: fingerprint('x') }).workspace;
    expect(kept.activities[0]!.elements[0]!.fingerprint?.text).toBe('Buy tea');
  });
});
