import { storage } from '#imports';
import type { Workspace } from './model';
import { WORKSPACE_MIGRATIONS, WORKSPACE_VERSION } from './migrations';
import type { QuarantinedValue } from './schema';

// Everything the user made lives in `storage.local` under these typed items. Reading is open to
// every context; writing is the background writer's job alone (lib/goals/writer.ts).

const EMPTY: Workspace = { activities: [], currentActivityId: null };

/**
 * The workspace, for reading and watching (panel, export). Defined without migrations on purpose:
 * @wxt-dev/storage runs an item's migrations in every context that defines it, and a migration
 * is a write, which must stay with the single writer.
 */
export const workspaceItem = storage.defineItem<Workspace>('local:workspace', { fallback: EMPTY });

/** Stored values that failed their schema, kept verbatim until the user downloads or dismisses them. */
export const quarantineItem = storage.defineItem<QuarantinedValue[]>('local:quarantine', { fallback: [], version: 1 });

/** The same workspace key with its version and migrations: only the writer defines it. */
export function defineVersionedWorkspaceItem() {
  return storage.defineItem<Workspace>('local:workspace', {
    fallback: EMPTY,
    version: WORKSPACE_VERSION,
    migrations: WORKSPACE_MIGRATIONS,
  });
}

