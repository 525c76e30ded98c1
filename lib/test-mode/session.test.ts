import { describe, expect, it } from 'vitest';
import { newSession, notePage, recordReport, resetSession, RECENT_MAX, type TestOutcome } from './session';
import { outcomeInWords } from './words';

const counts = (metricId: string, counting: 'once' | 'every' = 'every'): TestOutcome => ({
  metricId, metricName: metricId, counting, element: 'Button “Share”', verdict: { counts: true },
});

describe('a test session', () => {
  it('counts every click, and once-per-visitor metrics once across pages and frames', () => {
    let session = newSession(7, 'act', 1);
    session = recordReport(session, { pageUrl: 'https://shop.example/a', outcomes: [counts('shares'), counts('signup', 'once')] }, 2);
    session = recordReport(session, { pageUrl: 'https://shop.example/b', outcomes: [counts('shares'), counts('signup', 'once')] }, 3);
    expect(session.counts).toEqual({ shares: 2, signup: 1 });
    expect(session.converted).toEqual(['signup']);
    // The second page did not know yet: the session says it was already counted.
    expect(session.recent[0]!.outcomes[1]!.verdict).toEqual({ counts: false, reason: { kind: 'once' } });
    expect(outcomeInWords(session.recent[0]!.outcomes[1]!)).toBe('Already counted for signup: once per visitor');
  });

  it('keeps reasons as reported, and only the latest events', () => {
    let session = newSession(7, 'act', 1);
    const late: TestOutcome = { ...counts('quick'), verdict: { counts: false, reason: { kind: 'late', seconds: 6.2, windowSeconds: 5 } } };
    for (let index = 0; index < RECENT_MAX + 5; index++) session = recordReport(session, { pageUrl: 'https://shop.example/', outcomes: [late] }, index);
    expect(session.counts).toEqual({});
    expect(session.recent).toHaveLength(RECENT_MAX);
    expect(session.recent[0]!.id).toBe(RECENT_MAX + 5);
    expect(outcomeInWords(late)).toBe('Too late for quick: 6.2 s after load (window 5 s)');
  });

  it('notes each page once, and resets to nothing but its activity and pages', () => {
    let session = notePage(notePage(notePage(newSession(7, 'act', 1), 'https://shop.example/a#x'), 'https://shop.example/a'), 'https://shop.example/b');
    expect(session.pages).toEqual(['https://shop.example/a', 'https://shop.example/b']);
    session = resetSession(recordReport({ ...session, problem: 'x' }, { pageUrl: 'https://shop.example/b', outcomes: [counts('signup', 'once')] }, 2));
    expect(session).toMatchObject({ activityId: 'act', counts: {}, converted: [], recent: [], pages: ['https://shop.example/a', 'https://shop.example/b'] });
  });
});

describe('reasons in words', () => {
  it.each([
    [{ counts: true } as const, 'Counts for Shares'],
    [{ counts: false, reason: { kind: 'link', link: 'mailto' } } as const, 'Not counted for Shares: mailto link'],
    [{ counts: false, reason: { kind: 'link', link: 'anchor' } } as const, 'Not counted for Shares: in-page #anchor link'],
    [{ counts: false, reason: { kind: 'no-track' } } as const, 'Not counted for Shares: marked data-goalpost-no-track'],
    [{ counts: false, reason: { kind: 'scope' } } as const, 'Not counted for Shares: this page is outside the activity’s pages'],
  ])('%o → %s', (verdict, words) => {
    expect(outcomeInWords({ metricName: 'Shares', verdict })).toBe(words);
  });
});
