import type { WorkspaceOp } from '@/lib/goals/operations';
import type { OpResult } from '@/lib/goals/writer';
import { sendMessage } from '@/lib/messaging';

/**
 * Sends one operation to the background writer. A missing answer (the service worker was being
 * restarted, the extension was reloaded) is retried once, then reported; it never passes silently.
 */
export async function sendOp(op: WorkspaceOp): Promise<OpResult> {
  try {
    return await sendMessage('workspaceOp', op);
  } catch {
    try {
      return await sendMessage('workspaceOp', op);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `Goalpost's background did not answer, so this change was not saved (${reason}). Try again.` };
    }
  }
}

export async function dismissQuarantined(ids: string[]): Promise<OpResult> {
  try {
    return await sendMessage('dismissQuarantined', { ids });
  } catch (error) {
    return { ok: false, message: `Goalpost's background did not answer (${error instanceof Error ? error.message : String(error)}). Try again.` };
  }
}
