import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { workspaceItem } from '@/lib/goals/storage';
import type { Workspace } from '@/lib/goals/model';
import { canonicalArb, mutatedArb } from '@/tests/contract/arbitraries';
import { serializeCanonical } from './canonical';
import { applyImport, findDuplicate, importIntoWorkspace, parseImport } from './import';
import { createWorkspaceWriter } from '@/lib/goals/writer';
import { fixtureText, twoMetricActivity } from './test-data';

const good = fixtureText('export-two-metrics.goalpost.json');

function stored(): Workspace {
  const other = { ...twoMetricActivity(5), id: 'act_other', name: 'Other activity' };
  return { activities: [other], currentActivityId: other.id };
}

async function snapshot(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

describe('import: checks', () => {
  it.each([
    ['{', '(file)', /is not JSON/],
    ['[]', '(file)', /must be a JSON object/],
    ['{"format":"goalpost/activity@2"}', 'format', /is “goalpost\/activity@2”: this version of Goalpost reads "goalpost\/activity@1"/],
    ['{"name":"x"}', 'format', /is missing/],
  ])('refuses %s at %s', (text, path, reason) => {
    const result = parseImport(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.path).toBe(path);
    expect(result.error.reason).toMatch(reason);
  });

  it('points at the failing field with the reason', () => {
    const result = parseImport(fixtureText('export-broken.goalpost.json'));
    expect(result).toEqual({ ok: false, error: { path: 'metrics[0].counting', reason: 'must be "once" or "every"' } });
  });

  it.each([
    [(f: any) => { delete f.elements[1].pageUrl; }, 'elements[1].pageUrl', 'is required but missing'],
    [(f: any) => { f.elements[0].extra = 1; }, 'elements[0].extra', 'is not a field of a goalpost/activity@1 file'],
    [(f: any) => { f.elements[0].selector = '#form\\:submit'; }, 'elements[0].selector', 'must not contain a backslash escape'],
    [(f: any) => { f.elements[0].selector = 'a['; }, 'elements[0].selector', 'is not a valid CSS selector'],
    [(f: any) => { f.metrics[1].windowSeconds = 1.5; }, 'metrics[1].windowSeconds', 'must be a whole number'],
    [(f: any) => { f.metrics[0].elementIds.push('el_ghost'); }, 'metrics[0].elementIds[2]', 'names no element of this file (“el_ghost”)'],
    [(f: any) => { f.metrics[0].elementIds.push('el_tea'); }, 'metrics[0].elementIds[2]', 'lists “el_tea” twice'],
    [(f: any) => { f.elements[2].id = 'el_tea'; }, 'elements[2].id', '“el_tea” is already the id of elements[0]'],
    [(f: any) => { f.metrics[1].id = 'm_buy'; }, 'metrics[1].id', '“m_buy” is already the id of metrics[0]'],
    [(f: any) => { f.name = '   '; }, 'name', 'must not be blank'],
    [(f: any) => { f.pages = ['javascript:alert(1)']; }, 'pages[0]', 'must be an http(s) URL without spaces'],
  ])('refuses a damaged file: %#', (damage, path, reason) => {
    const file = JSON.parse(good);
    damage(file);
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.path).toBe(path);
    expect(result.error.reason).toContain(reason);
  });
});

describe('import: duplicates', () => {
  const parsed = parseImport(good);
  if (!parsed.ok) throw new Error('fixture must be valid');
  const file = parsed.file;

  it('finds a duplicate by id, else by name', () => {
    const workspace = stored();
    expect(findDuplicate(workspace, file)).toBeUndefined();
    workspace.activities.push({ ...twoMetricActivity(), id: 'act_spring', name: 'Renamed' });
    expect(findDuplicate(workspace, file)?.name).toBe('Renamed');
    expect(findDuplicate({ activities: [{ ...twoMetricActivity(), id: 'act_x', name: ' spring SALE ' }], currentActivityId: null }, file)?.id).toBe('act_x');
  });

  it('replaces in place, keeping the original creation time', () => {
    const workspace = stored();
    workspace.activities.unshift({ ...twoMetricActivity(1), id: 'act_spring', elements: [], metrics: [] });
    const next = applyImport(workspace, file, 'replace', 50);
    expect(next.activities.map((item) => item.id)).toEqual(['act_spring', 'act_other']);
    expect(next.activities[0]!.elements).toHaveLength(3);
    expect(next.activities[0]!.createdAt).toBe(1);
    expect(next.currentActivityId).toBe('act_spring');
    expect(serializeCanonical(next.activities[0]!)).toBe(good);
  });

  it('keeps both with a fresh id and a distinct name', () => {
    const workspace = stored();
    workspace.activities.push({ ...twoMetricActivity(1) });
    const next = applyImport(workspace, file, 'keepBoth', 50);
    expect(next.activities).toHaveLength(3);
    const copy = next.activities[2]!;
    expect(copy.id).not.toBe('act_spring');
    expect(copy.name).toBe('Spring sale (imported)');
    expect(next.currentActivityId).toBe(copy.id);
    expect(applyImport(next, file, 'keepBoth', 51).activities[3]!.name).toBe('Spring sale (imported 2)');
  });
});

describe('import: storage', () => {
  const writer = createWorkspaceWriter(undefined, () => 7);
  beforeEach(async () => {
    fakeBrowser.reset();
    await workspaceItem.setValue(stored());
  });

  it('stores a good file as the current activity', async () => {
    const outcome = await importIntoWorkspace(good, 'replace', writer);
    expect(outcome).toEqual({ ok: true, activityId: 'act_spring', name: 'Spring sale' });
    const workspace = await workspaceItem.getValue();
    expect(workspace.activities.map((item) => item.id)).toEqual(['act_other', 'act_spring']);
    expect(serializeCanonical(workspace.activities[1]!)).toBe(good);
  });

  it('never changes stored data for arbitrary JSON (fuzzed), and never throws', async () => {
    const before = await snapshot();
    expect(before).toContain('act_other');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.string()), async (text) => {
        const outcome = await importIntoWorkspace(text, 'replace', writer);
        expect(outcome.ok).toBe(false);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes stored data for a mutated valid file it refuses (fuzzed)', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutatedArb, fc.constantFrom('replace' as const, 'keepBoth' as const), async (file, choice) => {
        fakeBrowser.reset();
        await workspaceItem.setValue(stored());
        const before = await snapshot();
        const outcome = await importIntoWorkspace(JSON.stringify(file), choice, writer);
        if (outcome.ok) return;
        refused++;
        expect(outcome.error.path).not.toBe('');
        expect(outcome.error.reason).not.toBe('');
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 300 },
    );
    // The mutations must mostly break files, or this test would prove nothing.
    expect(refused).toBeGreaterThan(100);
  });

  it('accepts every valid file (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(canonicalArb, async (file) => {
        const outcome = await importIntoWorkspace(JSON.stringify(file), 'keepBoth', writer);
        expect(outcome.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('import: limits', () => {
  it('refuses a file over 5 MB before parsing it', () => {
    const result = parseImport(`"${'x'.repeat(5_000_001)}"`);
    expect(result).toEqual({ ok: false, error: { path: '(file)', reason: 'is 5.0 MB: a Goalpost activity file is far smaller (limit 5 MB)' } });
  });

  it('refuses a __proto__ key like any unknown field', () => {
    const file = JSON.parse(good);
    const text = JSON.stringify(file).replace('{', '{"__proto__":{"polluted":true},');
    expect(parseImport(text)).toEqual({ ok: false, error: { path: '__proto__', reason: 'is not a field of a goalpost/activity@1 file' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
