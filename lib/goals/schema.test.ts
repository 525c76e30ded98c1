import { describe, expect, it } from 'vitest';
import { parseQuarantine, parseWorkspace } from './schema';

let seq = 0;
const id = () => `q${++seq}`;
const activity = (name: string) => ({
  id: `id-${name}`, name, scopes: [], pages: [], elements: [], metrics: [], createdAt: 1, updatedAt: 1,
});

describe('stored workspace schema', () => {
  it('accepts a valid workspace and keeps fields it does not know', () => {
    const stored = { activities: [{ ...activity('A'), futureField: 1 }], currentActivityId: 'id-A', note: 'x' };
    const { workspace, quarantined } = parseWorkspace(stored, 5, id);
    expect(quarantined).toEqual([]);
    expect(workspace).toEqual(stored);
  });

  it('sets aside only the activity that fails, with its name and the reason', () => {
    const broken = { ...activity('Broken'), elements: [{ id: 'e', selector: 42 }] };
    const { workspace, quarantined } = parseWorkspace({ activities: [activity('A'), broken], currentActivityId: 'id-Broken' }, 5, id);
    expect(workspace.activities.map((a) => a.name)).toEqual(['A']);
    expect(workspace.currentActivityId).toBe('id-A');
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ source: 'activity', quarantinedAt: 5, value: broken });
    expect(quarantined[0]!.reason).toMatch(/^“Broken” is unreadable \(/);
  });

  it('sets aside a workspace that is not even the right shape and starts empty', () => {
    const { workspace, quarantined } = parseWorkspace('garbage', 5, id);
    expect(workspace).toEqual({ activities: [], currentActivityId: null });
    expect(quarantined).toMatchObject([{ source: 'workspace', value: 'garbage' }]);
  });

  it('treats a missing value as an empty workspace, not as damage', () => {
    expect(parseWorkspace(undefined, 5, id)).toEqual({ workspace: { activities: [], currentActivityId: null }, quarantined: [] });
  });

  it('keeps a damaged quarantine list as one quarantined value', () => {
    expect(parseQuarantine({ not: 'a list' }, 5, id)).toMatchObject([{ source: 'quarantine', value: { not: 'a list' } }]);
    expect(parseQuarantine(undefined, 5, id)).toEqual([]);
  });
});
