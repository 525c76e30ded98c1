import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { fromExtensionPage } from '../export/background';
import { onMessage } from '../messaging';
import { sendToTab } from '../tab-messaging';
import { newSession, notePage, recordReport, resetSession, type TestModeStatus, type TestSessions } from './session';
import { testSessionsItem } from './storage';

// Test mode in the background (issue 13): starts and stops it per tab, keeps its counts, and puts the
// test-mode script back into every page the tab loads while it is on (a multi-page funnel). Nothing
// is sent anywhere: reports go from the page to here, and from here to the panel through storage.

const TEST_MODE_SCRIPT = '/content-scripts/test-mode.js';

export function registerTestMode(): void {
  const sessions = sessionStore();

  onMessage('setTestMode', async ({ data, sender }): Promise<TestModeStatus> => {
    if (!fromExtensionPage(sender)) return { on: false, error: 'Test mode can only be switched from the Goalpost panel.' };
    if (!data.on) return stop(data.tabId);
    // Switched on again for the same activity (after access to a site was granted): the counts go on.
    let resumed = false;
    await sessions.update((all) => {
      resumed = all[data.tabId]?.activityId === data.activityId;
      return resumed ? all : { ...all, [data.tabId]: newSession(data.tabId, data.activityId, Date.now()) };
    });
    const problem = await inject(data.tabId);
    if (problem === null) return { on: true };
    await sessions.update((all) => (resumed ? withProblem(all, data.tabId, problem) : without(all, data.tabId)));
    return { on: resumed, error: problem };
  });

  onMessage('resetTestMode', async ({ data, sender }) => {
    if (!fromExtensionPage(sender)) return;
    await sessions.update((all) => {
      const session = all[data.tabId];
      return session ? { ...all, [data.tabId]: resetSession(session) } : all;
    });
    await sendToTab('testModeReset', undefined, data.tabId).catch(() => undefined);
  });

  onMessage('testModeSetup', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    // Each top document watched is one page of the funnel.
    const session = await sessions.update((all) => {
      const current = all[tabId];
      if (!current || sender.frameId !== 0 || !sender.url) return all;
      return { ...all, [tabId]: notePage(current, sender.url) };
    });
    const current = session[tabId];
    return current ? { activityId: current.activityId, converted: current.converted } : null;
  });

  onMessage('testModeReport', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const report = v.safeParse(ReportSchema, data);
    if (tabId === undefined || !report.success) return [];
    const all = await sessions.update((current) => {
      const session = current[tabId];
      return session ? { ...current, [tabId]: recordReport(session, report.output, Date.now()) } : current;
    });
    return all[tabId]?.converted ?? [];
  });

  // Every document the tab loads while test mode is on gets the script again (a page load ends the
  // old one's content scripts). Scripts that are already there keep watching: the script sees itself.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'complete') return;
    void testSessionsItem.getValue().then(async (all) => {
      if (!all[tabId]) return;
      const problem = await inject(tabId);
      if (problem !== null) await sessions.update((current) => withProblem(current, tabId, problem));
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => void sessions.update((all) => without(all, tabId)));

  async function stop(tabId: number): Promise<TestModeStatus> {
    await sessions.update((all) => without(all, tabId));
    await sendToTab('stopTestMode', undefined, tabId).catch(() => undefined);
    return { on: false };
  }
}

/**
 * Puts the test-mode script into the tab's frames; `null` when it runs, or why not in words.
 * Frames Goalpost may not access (another site's ads, say) are skipped by the browser.
 */
async function inject(tabId: number): Promise<string | null> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [TEST_MODE_SCRIPT] });
    return null;
  } catch (error) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return explainInjectionError(error, tab?.url);
  }
}

function explainInjectionError(error: unknown, url: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!url || !/^https?:/.test(url)) return 'Test mode watches web pages (http or https) only; it resumes on the next one.';
  if (/permission|host|access/i.test(message)) {
    return `Goalpost may not run on ${new URL(url).host}. Allow it on this site to test its clicks.`;
  }
  return `Test mode could not start on this page: ${message}`;
}

function withProblem(all: TestSessions, tabId: number, problem: string): TestSessions {
  const session = all[tabId];
  return session ? { ...all, [tabId]: { ...session, problem } } : all;
}

function without(all: TestSessions, tabId: number): TestSessions {
  if (!(tabId in all)) return all;
  const rest = { ...all };
  delete rest[tabId];
  return rest;
}

/** One change at a time to the stored sessions, each on the latest value (reports come in bursts). */
function sessionStore() {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    update(change: (all: TestSessions) => TestSessions): Promise<TestSessions> {
      const run = queue.then(async () => {
        const before = await testSessionsItem.getValue();
        const after = change(before);
        if (after !== before) await testSessionsItem.setValue(after);
        return after;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

// What a page may report: checked before it touches the stored counts (a page is outside input).
const Name = v.pipe(v.string(), v.maxLength(500));
const ReasonSchema = v.variant('kind', [
  v.object({ kind: v.literal('scope') }),
  v.object({ kind: v.literal('no-track') }),
  v.object({ kind: v.literal('link'), link: v.picklist(['mailto', 'tel', 'javascript', 'anchor', 'not-http', 'unresolvable']) }),
  v.object({ kind: v.literal('late'), seconds: v.number(), windowSeconds: v.number() }),
  v.object({ kind: v.literal('once') }),
]);
const ReportSchema = v.object({
  pageUrl: v.pipe(v.string(), v.maxLength(4096)),
  outcomes: v.pipe(v.array(v.object({
    metricId: Name,
    metricName: Name,
    counting: v.picklist(['once', 'every']),
    element: Name,
    verdict: v.variant('counts', [v.object({ counts: v.literal(true) }), v.object({ counts: v.literal(false), reason: ReasonSchema })]),
  })), v.maxLength(200)),
});
