import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CanonicalSchema } from '@/lib/export/canonical';
import { canonicalArb, mutatedArb } from './arbitraries';
import { validateAgainstSchema, type Schema } from './json-schema-subset';

// The published JSON Schema and the runtime validator must agree (issue 6). Both are run on the
// same samples: valid files, valid files with one random mutation, and arbitrary JSON. The schema
// side uses our own checker of the keyword subset the schema uses (see json-schema-subset.ts).

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'goalpost-activity-1.schema.json'), 'utf8')) as Schema;

const schemaAccepts = (value: unknown) => validateAgainstSchema(schema, value).length === 0;
const validatorAccepts = (value: unknown) => v.safeParse(CanonicalSchema, value).success;

describe('JSON Schema ⇔ valibot validator', () => {
  it('both accept every valid file', () => {
    fc.assert(fc.property(canonicalArb, (file) => {
      expect(validateAgainstSchema(schema, file)).toEqual([]);
      expect(validatorAccepts(file)).toBe(true);
    }), { numRuns: 300 });
  });

  it('agree on mutated files', () => {
    let rejected = 0;
    fc.assert(fc.property(mutatedArb, (file) => {
      const verdict = schemaAccepts(file);
      expect(validatorAccepts(file)).toBe(verdict);
      if (!verdict) rejected++;
    }), { numRuns: 1000 });
    expect(rejected).toBeGreaterThan(300);
  });

  it('agree on arbitrary JSON and on near-miss values', () => {
    const nearMiss = fc.oneof(
      fc.jsonValue(),
      canonicalArb.chain((file) => fc.record({
        ...Object.fromEntries(Object.entries(file).map(([key, value]) => [key, fc.constant(value)])),
        name: fc.oneof(fc.constant(file.name), fc.string({ maxLength: 3 }), fc.constant('x'.repeat(501)), fc.constant('😀'.repeat(500))),
        id: fc.oneof(fc.constant(file.id), fc.string({ maxLength: 70 })),
      })),
    );
    fc.assert(fc.property(nearMiss, (value) => {
      expect(validatorAccepts(value)).toBe(schemaAccepts(value));
    }), { numRuns: 1000 });
  });

  it.each([
    ['a number where a string belongs', (f: any) => { f.name = 3; }],
    ['an unknown key', (f: any) => { f.extra = true; }],
    ['a link action without href', (f: any) => { f.elements[0].action = { kind: 'link' }; }],
    ['a click action with href', (f: any) => { f.elements[0].action = { kind: 'click', href: 'https://x.example/' }; }],
    ['a zero window', (f: any) => { f.metrics[0].windowSeconds = 0; }],
    ['a fractional window', (f: any) => { f.metrics[0].windowSeconds = 2.5; }],
    ['a backslash in a selector', (f: any) => { f.elements[0].selector = 'a\\:b'; }],
    ['a 501-character name', (f: any) => { f.name = 'n'.repeat(501); }],
    ['fingerprint attributes as an array', (f: any) => {
      f.elements[0].fingerprint = { tag: 'a', text: '', attributes: [], classes: [], ancestors: [], neighbours: [], position: null, box: null, path: 'html/body/a' };
    }],
    // Objects whose keys are all optional: valibot alone would take `[]` for them (fuzz seed 60235647).
    ['targetSelectors as an empty array', (f: any) => { f.elements[0].targetSelectors = []; }],
    ['posthogFilters as an empty array', (f: any) => { f.elements[0].targetSelectors = { posthog: 'a', posthogFilters: [] }; }],
    ['targetLimits as an empty array', (f: any) => { f.elements[0].targetLimits = []; }],
  ])('both refuse %s', (_, damage) => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'export-two-metrics.goalpost.json'), 'utf8'));
    expect(schemaAccepts(file)).toBe(true);
    damage(file);
    expect(schemaAccepts(file)).toBe(false);
    expect(validatorAccepts(file)).toBe(false);
  });

  it('both accept 500 astral characters (JSON Schema counts code points)', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'export-two-metrics.goalpost.json'), 'utf8'));
    file.name = '😀'.repeat(500);
    expect(schemaAccepts(file)).toBe(true);
    expect(validatorAccepts(file)).toBe(true);
  });
});
