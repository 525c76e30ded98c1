import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Workspace } from './model';
import type { WorkspaceOp } from './operations';
import { quarantineItem, workspaceItem } from './storage';
import { createWorkspaceWriter } from './writer';

const PAGE = 'https://shop.example/';
const activityV1 = (name: string, pages: string[]) => ({
  id: `id-${name}`, name, scopes: [], pages, elements: [], metrics: [], createdAt: 1, updatedAt: 1,
});

/** What the panel in another window would send: operations with its own ids, against its own stale view. */
function panelEdits(panel: string, activityId: string, count: number): WorkspaceOp[] {
  const ops: WorkspaceOp[] = [];
  for (let i = 0; i < count; i++) {
    ops.push({ kind: 'addElement', activityId, pick: { selector: `#${panel}-${i}`, action: { kind: 'click' }, label: '', pageUrl: PAGE } });
    ops.push({ kind: 'addMetric', activityId, metric: { id: `${panel}-m${i}`, name: `${panel} ${i}`, counting: 'once', elementIds: [] } });
  }
  return ops;
}

async function stored(): Promise<Workspace> {
  return (await fakeBrowser.storage.local.get('workspace')).workspace as Workspace;
}

describe('workspace writer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps every edit of two panels editing the same activity at once', async () => {
    const writer = createWorkspaceWriter();
    await writer.apply({ kind: 'createActivity', activityId: 'a', name: 'Launch', scopes: [] });
    const a = panelEdits('left', 'a', 15);
    const b = panelEdits('right', 'a', 15);
    // Interleaved and all in flight together, as two windows sending as fast as they can.
    const inFlight = a.flatMap((op, i) => [writer.apply(op), writer.apply(b[i]!)]);
    inFlight.push(writer.apply({ kind: 'renameActivity', activityId: 'a', name: 'Launch (both windows)' }));
    const results = await Promise.all(inFlight);
    expect(results.every((result) => result.ok)).toBe(true);
    const [activity] = (await stored()).activities;
    expect(activity!.name).toBe('Launch (both windows)');
    expect(activity!.elements).toHaveLength(30);
    expect(activity!.metrics).toHaveLength(30);
  });

  it('keeps what a second writer (the background after an extension reload) finds in storage', async () => {
    await createWorkspaceWriter().apply({ kind: 'recordPick', pick: { selector: '#buy', action: { kind: 'click' }, label: '', pageUrl: PAGE } });
    const restarted = createWorkspaceWriter();
    await restarted.apply({ kind: 'recordPick', pick: { selector: '#sell', action: { kind: 'click' }, label: '', pageUrl: PAGE } });
    expect((await stored()).activities[0]!.elements.map((e) => e.selector)).toEqual(['#buy', '#sell']);
    expect(await workspaceItem.getValue()).toEqual(await stored());
  });

  it('migrates a v1 workspace to v2: activities get the scopes of the pages they were picked on', async () => {
    await fakeBrowser.storage.local.set({ workspace: { activities: [activityV1('Old', [PAGE, 'about:blank'])], currentActivityId: 'id-Old' } });
    const writer = createWorkspaceWriter();
    expect(await writer.apply({ kind: 'repair' })).toEqual({ ok: true });
    const workspace = await stored();
    expect(workspace.activities[0]!.scopes).toEqual([{ kind: 'exact', value: PAGE }]);
    expect((await fakeBrowser.storage.local.get('workspace$'))['workspace$']).toEqual({ v: 3 });
  });

  it('migrates a v2 workspace to v3: rows say whether they were picked or typed by hand', async () => {
    const picked = { id: 'e1', createdAt: 1, selector: '#buy', action: { kind: 'click' }, label: 'Button “Buy”', pageUrl: PAGE, alternatives: [{ selector: 'button', matchCount: 1, hints: [] }] };
    const typed = { id: 'e2', createdAt: 1, selector: '.x', action: { kind: 'click' }, label: 'Added by hand', pageUrl: PAGE };
    const old = { ...activityV1('Old', [PAGE]), scopes: [{ kind: 'exact', value: PAGE }], elements: [picked, typed] };
    await fakeBrowser.storage.local.set({ workspace: { activities: [old], currentActivityId: 'id-Old' }, 'workspace$': { v: 2 } });
    await createWorkspaceWriter().apply({ kind: 'repair' });
    const [activity] = (await stored()).activities;
    expect(activity!.elements.map((element) => element.origin)).toEqual(['picked', 'typed']);
    expect(await quarantineItem.getValue()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('workspace$'))['workspace$']).toEqual({ v: 3 });
  });

  it('quarantines a stored activity failing its schema, keeps the rest, and lets the user dismiss it', async () => {
    const broken = { ...activityV1('Broken', [PAGE]), metrics: [{ id: 'm', counting: 'sometimes' }] };
    await fakeBrowser.storage.local.set({
      workspace: { activities: [activityV1('Good', [PAGE]), broken], currentActivityId: 'id-Broken' },
      'workspace$': { v: 2 },
    });
    const writer = createWorkspaceWriter();
    await writer.apply({ kind: 'repair' });
    const workspace = await stored();
    expect(workspace.activities.map((a) => a.name)).toEqual(['Good']);
    expect(workspace.currentActivityId).toBe('id-Good');
    const quarantine = await quarantineItem.getValue();
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]!.value).toEqual(broken);
    expect(quarantine[0]!.reason).toMatch(/“Broken” is unreadable/);
    // A second pass finds nothing new to set aside.
    await writer.apply({ kind: 'repair' });
    expect(await quarantineItem.getValue()).toHaveLength(1);
    await writer.dismissQuarantined([quarantine[0]!.id]);
    expect(await quarantineItem.getValue()).toEqual([]);
  });

  it('quarantines a workspace of the wrong shape instead of dropping it', async () => {
    await fakeBrowser.storage.local.set({ workspace: [1, 2, 3], 'workspace$': { v: 2 } });
    const writer = createWorkspaceWriter();
    await writer.apply({ kind: 'recordPick', pick: { selector: '#buy', action: { kind: 'click' }, label: '', pageUrl: PAGE } });
    expect((await stored()).activities[0]!.elements).toHaveLength(1);
    expect((await quarantineItem.getValue())[0]).toMatchObject({ source: 'workspace', value: [1, 2, 3] });
  });

  it('answers a refused operation with its message and leaves storage as it was', async () => {
    const writer = createWorkspaceWriter();
    await writer.apply({ kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] });
    const before = await stored();
    const result = await writer.apply({ kind: 'renameActivity', activityId: 'a', name: '' });
    expect(result).toEqual({ ok: false, message: 'An activity needs a name.' });
    expect(await stored()).toEqual(before);
  });

  it('turns a storage failure into a message and keeps serving later operations', async () => {
    let fail = true;
    const writer = createWorkspaceWriter({
      workspace: { getValue: async () => ({ activities: [], currentActivityId: null }), setValue: async () => { if (fail) throw new Error('QUOTA_BYTES quota exceeded'); } },
      quarantine: quarantineItem,
    });
    const first = await writer.apply({ kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] });
    expect(first).toMatchObject({ ok: false, message: expect.stringContaining('QUOTA_BYTES quota exceeded') });
    fail = false;
    expect(await writer.apply({ kind: 'createActivity', activityId: 'a', name: 'A', scopes: [] })).toEqual({ ok: true });
  });
});
