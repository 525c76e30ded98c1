import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Undo, WorkspaceOp } from '@/lib/goals/operations';
import type { OpResult } from '@/lib/goals/writer';
import { onMessage } from '@/lib/messaging';
import { sendOp } from '@/lib/panel/workspace-client';

/** Sends operations to the writer; keeps the last refusal (shown as an alert) and the last undo. */
export function useOperations() {
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);

  const send = useCallback(async (op: WorkspaceOp): Promise<OpResult> => {
    const result = await sendOp(op);
    if (!result.ok) {
      setError(result.message);
      return result;
    }
    setError(null);
    if (result.undo) setUndo(result.undo);
    return result;
  }, []);

  // A removal made in the picker is undone here too (issue 11 item 4).
  useEffect(() => onMessage('removedInPicker', ({ data }) => setUndo(data.undo)), []);

  const runUndo = useCallback(async () => {
    if (!undo) return;
    const result = await send(undo.op);
    if (result.ok) setUndo(null);
  }, [undo, send]);

  return { send, error, dismissError: () => setError(null), undo, runUndo, dismissUndo: () => setUndo(null) };
}

export type Send = (op: WorkspaceOp) => Promise<OpResult>;
