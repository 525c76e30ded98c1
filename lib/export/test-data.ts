import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from '@/lib/goals/model';
import type { CanonicalActivity } from './canonical';
import { fromCanonical } from './import';

// The two-metric fixture shared by the unit, contract and e2e tests (tests/fixtures/export-*).

export const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function twoMetricActivity(now = 1_700_000_000_000): Activity {
  return fromCanonical(JSON.parse(fixtureText('export-two-metrics.goalpost.json')) as CanonicalActivity, now);
}
