import { useEffect, useState } from 'preact/hooks';
import { workspaceItem } from '@/lib/goals/storage';
import type { Workspace } from '@/lib/goals/model';

/** The stored workspace, kept live: `undefined` while it loads. */
export function useWorkspace(): Workspace | undefined {
  const [workspace, setWorkspace] = useState<Workspace>();
  useEffect(() => {
    void workspaceItem.getValue().then(setWorkspace);
    return workspaceItem.watch((value) => setWorkspace(value));
  }, []);
  return workspace;
}
