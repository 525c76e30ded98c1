import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountedActivity } from '../runtime/match';
import { FLASH_MS, FLASH_TAG } from './flash';
import type { TestReport } from './session';
import { watchTestClicks } from './watch';

const ACTIVITY: CountedActivity = {
  id: 'act',
  scopes: [{ kind: 'prefix', value: 'https://shop.example/' }],
  metrics: [
    { id: 'm_share', name: 'Shares', counting: 'every', elementIds: ['el_share'] },
    { id: 'm_signup', name: 'Sign up', counting: 'once', elementIds: ['el_signup'] },
    { id: 'm_contact', name: 'Contact', counting: 'every', elementIds: ['el_contact'] },
  ],
  elements: [
    { id: 'el_share', selector: '.share', action: { kind: 'click' } },
    { id: 'el_signup', selector: '#signup', action: { kind: 'click' } },
    { id: 'el_contact', selector: '#contact', action: { kind: 'link', href: 'mailto:hello@shop.example' } },
  ],
};

describe('test mode in a page', () => {
  let controller: AbortController;
  let reports: TestReport[];
  beforeEach(() => {
    vi.useFakeTimers();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://shop.example/tea');
    document.body.innerHTML = '<button class="share">Share</button><button id="signup">Sign up</button><a id="contact" href="mailto:hello@shop.example">Email us</a><p id="other">Text</p>';
    controller = new AbortController();
    reports = [];
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });
  const start = () => watchTestClicks(document, {
    converted: [],
    activity: () => ACTIVITY,
    report: async (report) => {
      reports.push(report);
      return [];
    },
  }, controller.signal);
  const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();

  it('reports each click that touches a metric with its outcome and the element in words, and flashes it', () => {
    start();
    click('.share');
    click('#contact');
    click('#other');
    expect(reports.map((report) => report.outcomes.map((outcome) => [outcome.metricName, outcome.verdict, outcome.element]))).toEqual([
      [['Shares', { counts: true }, 'Button “Share”']],
      [['Contact', { counts: false, reason: { kind: 'link', link: 'mailto' } }, 'Link “Email us” → mailto:hello@shop.example']],
    ]);
    const host = document.documentElement.querySelector(FLASH_TAG) as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(host.style.getPropertyPriority('pointer-events')).toBe('important');
    // Closed: the page cannot reach into it.
    expect(host.shadowRoot).toBeNull();
    vi.advanceTimersByTime(FLASH_MS + 10);
    expect(document.querySelector(FLASH_TAG)).toBeNull();
  });

  it('counts a once-per-visitor metric once until reset', () => {
    const watch = start();
    click('#signup');
    click('#signup');
    expect(reports.map((report) => report.outcomes[0]!.verdict.counts)).toEqual([true, false]);
    watch.reset();
    click('#signup');
    expect(reports[2]!.outcomes[0]!.verdict.counts).toBe(true);
  });

  it('leaves nothing behind when stopped, even in the middle of a flash', () => {
    start();
    click('.share');
    expect(document.querySelector(FLASH_TAG)).not.toBeNull();
    controller.abort();
    expect(document.querySelector(FLASH_TAG)).toBeNull();
    click('.share');
    expect(reports).toHaveLength(1);
    expect(document.querySelector(FLASH_TAG)).toBeNull();
  });
});
