import type { Activity, TrackedElement } from '@/lib/goals/model';
import type { GoalHealth, RepairProposal } from '@/lib/health/check';
import { noRepairText, problemText, repairOperation } from '@/lib/health/goals';
import { askPage } from '@/lib/panel/ask-page';
import type { MatchTarget } from '@/lib/panel/page-query';
import { useGoalHealth } from '../hooks/useHealth';
import type { Send } from '../hooks/useOperations';
import './health.css';

/**
 * Under a row whose goal is lost, ambiguous or now points at another element (issue 14): what is
 * wrong, the element found again by its fingerprint (outlined on the page while the note is
 * pointed at, or shown with "Show on page"), its new selector, and "Use this selector", which the
 * undo bar can take back.
 */
export function RepairNote({ activity, element, tabId, send, highlight }: RepairNoteProps) {
  const health = useGoalHealth(element, tabId);
  if (!health || health.status === 'ok') return null;
  const repair = health.repair;
  const repairTarget: MatchTarget | null = repair ? { selector: repair.selector, frames: element.frames, shadowHosts: element.shadowHosts } : null;
  const outline = () => repairTarget && highlight(repairTarget);
  const show = async () => {
    if (!repairTarget || tabId === undefined) return;
    await askPage(tabId, 'reveal', repairTarget);
    highlight(repairTarget);
  };
  return (
    <div
      class="repair-note"
      data-testid="repair-note"
      data-status={health.status}
      onMouseEnter={outline}
      onMouseLeave={() => highlight({ selector: element.selector, frames: element.frames, shadowHosts: element.shadowHosts })}
      onFocusIn={(event) => {
        // The row outlines its own matches on focus; here the repair is what to see.
        event.stopPropagation();
        outline();
      }}
      onFocusOut={(event) => {
        // Going over to the page (the panel loses focus) keeps the repair shown there.
        if (event.relatedTarget === null) event.stopPropagation();
      }}
    >
      <p class="warn" data-testid="repair-problem">{problemText(health)}</p>
      {repair ? <Proposal repair={repair} onShow={() => void show()} onAccept={() => void send(repairOperation(activity, element, repair))} /> : (
        <p class="status" data-testid="repair-none">{noRepairText(health as Exclude<GoalHealth, { status: 'ok' }>)}</p>
      )}
    </div>
  );
}

function Proposal({ repair, onShow, onAccept }: { repair: RepairProposal; onShow(): void; onAccept(): void }) {
  return (
    <>
      <p class="status">
        Found again by its fingerprint: <span data-testid="repair-words">{repair.words}</span>{' '}
        <span class="confidence" title="How closely it matches what was recorded when it was picked">({Math.round(repair.confidence * 100)}% alike)</span>
      </p>
      <code class="mono repair-selector" data-testid="repair-selector">{repair.selector}</code>
      <div class="bar">
        <button type="button" class="small" data-testid="repair-show" onClick={onShow}>Show on page</button>
        <button type="button" class="small primary" data-testid="repair-accept" onClick={onAccept}>Use this selector</button>
      </div>
    </>
  );
}

interface RepairNoteProps {
  activity: Activity;
  element: TrackedElement;
  tabId: number | undefined;
  send: Send;
  highlight(target: MatchTarget | null): void;
}
