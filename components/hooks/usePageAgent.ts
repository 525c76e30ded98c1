import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MatchView } from '@/lib/panel/match-view';
import type { MatchTarget } from '@/lib/panel/page-query';
import { askPage } from '@/lib/panel/ask-page';
import type { SelectorCandidate } from '@/lib/selector';
import type { WorkingSelectors } from '@/lib/panel/working-selector';

// The panel's questions to the page agent (lib/page-agent), as hooks: each asks again when its
// input changes, drops answers to older questions, and gives `undefined` while it does not know.

/** Where `target`'s matches are on screen, asked again every `everyMs` while `active`; `reveal` scrolls to one off-screen. */
export function useMatchView(tabId: number | undefined, target: MatchTarget | null, active: boolean, everyMs = 1500) {
  const [view, setView] = useState<MatchView>();
  const key = target && active && tabId !== undefined ? `${tabId}|${JSON.stringify(target)}` : null;
  const [tick, setTick] = useState(0);
  useEffect(() => setView(undefined), [key]);
  useEffect(() => {
    // Asked again after a reveal (`tick`) without forgetting the last answer meanwhile.
    if (key === null || !target || tabId === undefined) return;
    let current = true;
    const ask = async () => {
      const answer = await askPage(tabId, 'matchView', target);
      if (current) setView(answer.kind === 'ok' ? answer.answer : undefined);
    };
    void ask();
    const timer = setInterval(() => void ask(), everyMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [key, tick]);
  const reveal = useCallback(async () => {
    if (!target || tabId === undefined) return;
    await askPage(tabId, 'reveal', target);
    setTick((value) => value + 1);
  }, [key]);
  return { view, reveal };
}

/** Fresh ranked selectors for the first element `target` matches on the page (issue 15 alternatives). */
export function useFreshCandidates(tabId: number | undefined, target: MatchTarget | null): SelectorCandidate[] | undefined {
  const [candidates, setCandidates] = useState<SelectorCandidate[]>();
  const key = target && tabId !== undefined ? `${tabId}|${JSON.stringify(target)}` : null;
  useEffect(() => {
    setCandidates(undefined);
    if (key === null || !target || tabId === undefined) return;
    let current = true;
    void askPage(tabId, 'alternatives', target).then((answer) => {
      if (current && answer.kind === 'ok' && answer.answer.found) setCandidates(answer.answer.candidates);
    });
    return () => {
      current = false;
    };
  }, [key]);
  return candidates;
}

/** Working selectors proven on the page for a refused one (issue 15 "plain errors"); `undefined` while asking or without a page. */
export function useProposals(tabId: number | undefined, request: { target: MatchTarget; repairs: string[] } | null): WorkingSelectors | undefined {
  const [answer, setAnswer] = useState<WorkingSelectors>();
  const key = request && tabId !== undefined ? `${tabId}|${JSON.stringify(request)}` : null;
  useEffect(() => {
    setAnswer(undefined);
    if (key === null || !request || tabId === undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      void askPage(tabId, 'suggest', request).then((result) => {
        if (current && result.kind === 'ok') setAnswer(result.answer);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return answer;
}
