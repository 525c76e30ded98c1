import { describe, expect, it } from 'vitest';
import { fileExports, safeFileName } from './files';
import { fixtureText, twoMetricActivity } from './test-data';

describe('file exports', () => {
  it('offers the canonical, GTM and Adobe Target files for an exportable activity', () => {
    const rows = fileExports(twoMetricActivity());
    expect(rows.map((row) => [row.target, row.fileName, row.ok])).toEqual([
      ['goalpost', 'Spring sale.goalpost.json', true],
      ['gtm', 'Spring sale.gtm-container.json', true],
      ['adobe-target', 'Spring sale.adobe-target-activity.json', true],
    ]);
    expect(rows[0]!.ok && rows[0]!.text).toBe(fixtureText('export-two-metrics.goalpost.json'));
  });

  it('says why a target cannot be written instead of writing a bad file', () => {
    const activity = { ...twoMetricActivity(), name: ' ', metrics: [] };
    const [canonical, gtm] = fileExports(activity);
    expect(canonical).toMatchObject({ ok: false, problems: ['The activity cannot be written as a valid file: name must not be blank.'] });
    expect(gtm).toMatchObject({ ok: false, problems: ['The activity has no goal metrics yet: group its elements into a metric first.'] });
  });

  it('makes file names every system accepts, keeping the name’s characters where they allow', () => {
    expect(safeFileName('Q1: "Buy"/Sell?')).toBe('Q1 — “Buy”-Sell');
  });
});
