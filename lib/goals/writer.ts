import { newId, type Workspace } from './model';
import { applyOperation, type Applied, type Undo, type WorkspaceOp } from './operations';
import { parseQuarantine, parseWorkspace, type QuarantinedValue } from './schema';
import { defineVersionedWorkspaceItem, quarantineItem } from './storage';

/**
 * The single writer of the workspace, living in the background. Panels (one per window) and the
 * picker send it operations; it applies them one at a time, each to the value as stored right
 * then, so no edit is based on a stale copy and none is lost when two panels edit at once.
 * Whatever in storage fails its schema is moved to the quarantine first, never dropped.
 */
export function createWorkspaceWriter(items: WriterItems = defaultItems(), clock: () => number = Date.now) {
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs tasks strictly one after another, whatever each of them does. */
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };

  /** Computes the next workspace from the one stored right now, and stores it if it changed. */
  const update = async (change: (workspace: Workspace, now: number) => Workspace): Promise<Workspace> => {
    const now = clock();
    const { workspace, quarantined } = parseWorkspace(await items.workspace.getValue(), now, () => newId('q'));
    // Quarantine first: if the browser dies between the two writes, the bad value is in both
    // places rather than in neither.
    if (quarantined.length > 0) await addToQuarantine(quarantined, now);
    const next = change(workspace, now);
    if (next !== workspace || quarantined.length > 0) await items.workspace.setValue(next);
    return next;
  };

  const apply = async (op: WorkspaceOp): Promise<OpResult> => {
    let result: Applied | undefined;
    await update((workspace, now) => {
      result = applyOperation(workspace, op, now);
      return result.ok ? result.workspace : workspace;
    });
    if (!result?.ok) return result ?? { ok: false, message: 'The change was not applied.' };
    return result.undo ? { ok: true, undo: result.undo } : { ok: true };
  };

  const addToQuarantine = async (values: QuarantinedValue[], now: number) => {
    const existing = parseQuarantine(await items.quarantine.getValue(), now, () => newId('q'));
    await items.quarantine.setValue([...existing, ...values]);
  };

  const dismissQuarantined = async (ids: string[]): Promise<OpResult> => {
    const existing = parseQuarantine(await items.quarantine.getValue(), clock(), () => newId('q'));
    await items.quarantine.setValue(existing.filter((value) => !ids.includes(value.id)));
    return { ok: true };
  };

  return {
    apply: (op: WorkspaceOp) => serialize(() => apply(op).catch(saveFailed)),
    /** For callers inside the background that derive a whole new workspace (import); may reject. */
    update: (change: (workspace: Workspace, now: number) => Workspace) => serialize(() => update(change)),
    dismissQuarantined: (ids: string[]) => serialize(() => dismissQuarantined(ids).catch(saveFailed)),
  };
}

function saveFailed(error: unknown): OpResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, message: `Goalpost could not save this change (${reason}). Nothing else was changed; try again.` };
}

function defaultItems(): WriterItems {
  return { workspace: defineVersionedWorkspaceItem(), quarantine: quarantineItem };
}

export type WorkspaceWriter = ReturnType<typeof createWorkspaceWriter>;

/** What a panel learns back from an operation: whether it was applied, and how to undo it. */
export type OpResult = { ok: true; undo?: Undo } | { ok: false; message: string };

interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface WriterItems {
  workspace: StoredItem<unknown>;
  quarantine: StoredItem<unknown>;
}
