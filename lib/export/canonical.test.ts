import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalArb } from '@/tests/contract/arbitraries';
import { serializeCanonical, toCanonical } from './canonical';
import { fromCanonical, parseImport } from './import';
import { fixtureText, twoMetricActivity } from './test-data';

describe('canonical export', () => {
  it('writes the fixture byte for byte from the activity it describes', () => {
    expect(serializeCanonical(twoMetricActivity())).toBe(fixtureText('export-two-metrics.goalpost.json'));
  });

  it('leaves timestamps out, so editing time alone does not change the file', () => {
    const later = { ...twoMetricActivity(1), updatedAt: 99 };
    expect(serializeCanonical(later)).toBe(serializeCanonical(twoMetricActivity(2)));
    expect(serializeCanonical(later)).not.toMatch(/createdAt|updatedAt/);
  });

  it('writes keys in one fixed order whatever order the stored object has', () => {
    const activity = twoMetricActivity();
    const shuffled = Object.fromEntries(Object.entries(activity).reverse()) as typeof activity;
    shuffled.metrics = activity.metrics.map((metric) => Object.fromEntries(Object.entries(metric).reverse()) as typeof metric);
    expect(serializeCanonical(shuffled)).toBe(serializeCanonical(activity));
    expect(Object.keys(toCanonical(shuffled))).toEqual(['format', 'id', 'name', 'scopes', 'pages', 'metrics', 'elements']);
  });

  it('round-trips export → import → export byte-identically (fuzzed)', () => {
    fc.assert(
      fc.property(canonicalArb, fc.integer({ min: 0 }), (file, now) => {
        const first = `${JSON.stringify(file, null, 2)}\n`;
        const parsed = parseImport(first);
        if (!parsed.ok) throw new Error(`${parsed.error.path}: ${parsed.error.reason}`);
        const exported = serializeCanonical(fromCanonical(parsed.file, now));
        expect(exported).toBe(first);
        const again = parseImport(exported);
        expect(again.ok && serializeCanonical(fromCanonical(again.file, now + 1))).toBe(exported);
      }),
      { numRuns: 300 },
    );
  });
});
