import { sendToTab } from '../tab-messaging';
import { highlightMatches, type MatchTarget } from './page-query';

/** The two ways to outline matches on a tab; each answers when it is done. */
export interface HighlightWays {
  /** In the picker's own overlay; false when the tab is not picking (or has no picker). */
  inPicker(target: MatchTarget | null): Promise<boolean>;
  /** Drawn into the page by an injected function (lib/panel/page-query.ts). */
  inPage(target: MatchTarget | null): Promise<void>;
}

/** The real ways, on one tab. */
export function tabHighlightWays(tabId: number): HighlightWays {
  return {
    inPicker: (target) => sendToTab('highlightInPicker', { target }, tabId).catch(() => false),
    inPage: async (target) => {
      await highlightMatches(tabId, target);
    },
  };
}

/**
 * Outlines the matches of the row the user points at: in the picker while the tab is picking (its
 * outlines, above the page and the path bar's own), drawn into the page otherwise. Requests are
 * applied one after another and only the latest counts, so a quick pass over several rows never
 * leaves an outline behind. `clear` removes the outline both ways, whatever was drawn before.
 */
export function rowHighlighter(ways: HighlightWays): { show(target: MatchTarget | null): Promise<void>; clear(): Promise<void> } {
  let wanted: MatchTarget | null = null;
  let applied: MatchTarget | null = null;
  let drawnInPage = false;
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const apply = async () => {
    busy = true;
    try {
      while (wanted !== applied) {
        const target = wanted;
        applied = target;
        if (await ways.inPicker(target)) {
          // The picker took over (it started since): what was drawn into the page goes.
          if (drawnInPage) await ways.inPage(null);
          drawnInPage = false;
        } else if (target !== null || drawnInPage) {
          await ways.inPage(target);
          drawnInPage = target !== null;
        }
      }
    } finally {
      busy = false;
    }
  };

  return {
    show(target) {
      wanted = target;
      if (!busy) running = apply();
      return running;
    },
    async clear() {
      wanted = null;
      await running;
      applied = null;
      drawnInPage = false;
      await Promise.all([ways.inPicker(null), ways.inPage(null)]);
    },
  };
}
