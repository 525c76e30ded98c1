import { describe, expect, it } from 'vitest';
import { portableFileName } from './file-name';

describe('download names', () => {
  it('keeps the name’s characters where every system allows them', () => {
    expect(portableFileName('NPR story page: engagement.goalpost.json')).toBe('NPR story page — engagement.goalpost.json');
    expect(portableFileName('Café – Frühling 2026 (test) #1 & more.json')).toBe('Café – Frühling 2026 (test) #1 & more.json');
  });

  it('replaces what some system refuses with the nearest readable stand-in', () => {
    expect(portableFileName('Q1: "Buy"/Sell?')).toBe('Q1 — “Buy”-Sell');
    expect(portableFileName('a<b>c|d\\e*f 10:30')).toBe('a‹b›c-d-ef 10-30');
    expect(portableFileName('..hidden. ')).toBe('hidden');
    expect(portableFileName('tab\there\nline')).toBe('tab here line');
  });

  it('never gives an empty or reserved name', () => {
    expect(portableFileName('???')).toBe('activity');
    expect(portableFileName('CON.goalpost.json')).toBe('CON activity.goalpost.json');
    expect(portableFileName('x'.repeat(400))).toHaveLength(150);
  });
});
