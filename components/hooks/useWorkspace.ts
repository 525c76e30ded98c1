import { useEffect, useMemo, useState } from 'preact/hooks';
import { quarantineItem, workspaceItem } from '@/lib/goals/storage';
import { parseQuarantine, parseWorkspace, type QuarantinedValue } from '@/lib/goals/schema';
import type { Workspace } from '@/lib/goals/model';
import { sendOp } from '@/lib/panel/workspace-client';

/** The stored workspace, or `undefined` while it loads: the valid part, as `useWorkspaceState` has it. */
export function useWorkspace(): Workspace | undefined {
  const state = useWorkspaceState();
  return state.kind === 'ready' ? state.workspace : undefined;
}

/**
 * The stored workspace, kept live and checked against its schema. The panel only reads; when it
 * finds something that fails the schema it asks the background writer to set it aside (`repair`).
 */
export function useWorkspaceState(): WorkspaceState {
  const [stored, setStored] = useState<Stored | { error: string }>();

  useEffect(() => {
    let alive = true;
    const load = () => Promise.all([workspaceItem.getValue(), quarantineItem.getValue()]).then(
      ([workspace, quarantine]) => alive && setStored({ workspace, quarantine }),
      (error: unknown) => alive && setStored({ error: error instanceof Error ? error.message : String(error) }),
    );
    void load();
    // Wakes the writer, which runs the storage migrations and quarantines what fails its schema.
    void sendOp({ kind: 'repair' });
    const unwatch = [workspaceItem.watch(() => void load()), quarantineItem.watch(() => void load())];
    return () => {
      alive = false;
      unwatch.forEach((stop) => stop());
    };
  }, []);

  const state = useMemo((): WorkspaceState => {
    if (!stored) return { kind: 'loading' };
    if ('error' in stored) return { kind: 'error', message: `Goalpost could not read its storage: ${stored.error}` };
    const now = Date.now();
    const { workspace, quarantined } = parseWorkspace(stored.workspace, now, () => 'pending');
    return { kind: 'ready', workspace, quarantine: parseQuarantine(stored.quarantine, now, () => 'pending'), settingAside: quarantined.length };
  }, [stored]);

  const settingAside = state.kind === 'ready' ? state.settingAside : 0;
  useEffect(() => {
    if (settingAside > 0) void sendOp({ kind: 'repair' });
  }, [settingAside, stored]);
  return state;
}

interface Stored {
  workspace: unknown;
  quarantine: unknown;
}

export type WorkspaceState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `settingAside`: parts that fail the schema and are on their way to the quarantine. */
  | { kind: 'ready'; workspace: Workspace; quarantine: QuarantinedValue[]; settingAside: number };
