import { storage } from '#imports';
import { addElement, createActivity, removeElement, type PickedElement, type Workspace } from './model';

/** Everything the user made: one typed, versioned item in `storage.local`. */
export const workspaceItem = storage.defineItem<Workspace>('local:workspace', {
  version: 1,
  fallback: { activities: [], currentActivityId: null },
});

/** Records a pick in the current activity, creating a first activity when there is none. */
export async function recordPick(pick: PickedElement, now = Date.now()): Promise<Workspace> {
  const workspace = await workspaceItem.getValue();
  let current = workspace.activities.find((activity) => activity.id === workspace.currentActivityId);
  const activities = [...workspace.activities];
  if (!current) {
    current = createActivity('My first activity', now);
    activities.push(current);
  }
  const updated = addElement(current, pick, now);
  const next: Workspace = {
    activities: activities.map((activity) => (activity.id === updated.id ? updated : activity)),
    currentActivityId: updated.id,
  };
  await workspaceItem.setValue(next);
  return next;
}

/** Removes an element the user unselected in the picker from the current activity (matched by selector). */
export async function unrecordPick(pick: { selector: string; pageUrl: string }, now = Date.now()): Promise<Workspace> {
  const workspace = await workspaceItem.getValue();
  const current = workspace.activities.find((activity) => activity.id === workspace.currentActivityId);
  const element = current?.elements.find((candidate) => candidate.selector === pick.selector);
  if (!current || !element) return workspace;
  const updated = removeElement(current, element.id, now);
  const next: Workspace = {
    ...workspace,
    activities: workspace.activities.map((activity) => (activity.id === updated.id ? updated : activity)),
  };
  await workspaceItem.setValue(next);
  return next;
}
