import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PickedElement } from './goals/model';
import type { DuplicateChoice, ImportOutcome } from './export/import';
import type { PostHogDestination } from './export/posthog';
import type { SendReport } from './export/send';
import type { Undo, WorkspaceOp } from './goals/operations';
import type { OpResult } from './goals/writer';
import type { Locatable } from './picker/pick';
import type { TestModeStatus, TestReport, TestSetup } from './test-mode/session';

/**
 * Every message between content script, side panel and background (STYLE.md: one module declares
 * them all). Direction is in the comment; the background is the only writer of the workspace.
 */
export interface ProtocolMap {
  /** picker → background: the user picked an element; the background records it. */
  elementPicked(pick: PickedElement): void;
  /** picker → background: the user unselected these rows in the picker; the background removes them (issue 11). */
  elementUnpicked(request: { activityId: string; elementIds: string[] }): void;
  /** background → panel: rows were removed in the picker; the panel offers their undo like a Delete's. */
  removedInPicker(request: { undo: Undo }): void;
  /**
   * panel → picker (tab): while picking, outline in the picker every match of a hovered row's
   * element; null clears. Answers false when the tab is not picking: the panel draws it itself.
   */
  highlightInPicker(request: { target: Locatable | null }): boolean;
  /** panel → background: start (or stop) the picker in a tab. */
  togglePicker(request: { tabId: number; on: boolean }): PickerStatus;
  /** panel/background → picker (tab): stop picking and clean up. */
  stopPicker(): void;
  /** panel → picker (tab): is the picker running in that tab? */
  pickerStatus(): PickerStatus;
  /** background → panel: the user clicked the toolbar button on a tab, which may grant access to it. */
  pageAccessChanged(tab: { tabId: number }): void;
  /** picker → panel/background: the picker started or stopped in its tab. */
  pickerChanged(status: PickerStatus): void;
  /**
   * picker (content script) → background: the token its new frame must be handed with its port.
   * The frame learns it from the background (pickerFrameToken), never from the page (issue 11 item 8).
   */
  registerPickerFrame(request: { token: string }): void;
  /** picker frame → background: the token of the pick running in the frame's tab; null outside a pick. */
  pickerFrameToken(): string | null;
  /** picker (content script) → background: picking stopped; the token no longer opens a frame. */
  releasePickerFrame(request: { token: string }): void;
  /** background → picker (tab): a window the page opened while picking (spending the user's clicks) was closed. */
  pickerPopupClosed(): void;
  /** panel → background: POST the activity's canonical file to a webhook (export, issue 6). */
  sendWebhook(request: { activityId: string; url: string }): SendReport;
  /** panel → background: create or update the activity's metrics as PostHog actions. */
  pushPostHog(request: { activityId: string; destination: PostHogDestination }): SendReport;
  /** panel → background: send a failed export from the outbox again. */
  retryOutbox(request: { entryId: string }): SendReport;
  /** panel → background: drop a failed export from the outbox (the user chose to). */
  discardOutbox(request: { entryId: string }): void;
  /** panel → background: import a canonical file into the workspace (checked again there). */
  importActivity(request: { text: string; choice: DuplicateChoice }): ImportOutcome;
  /** panel → background: one change to the workspace, applied by the single writer (lib/goals/writer.ts). */
  workspaceOp(op: WorkspaceOp): OpResult;
  /** panel → background: the user downloaded or discarded these set-aside stored values. */
  dismissQuarantined(request: { ids: string[] }): OpResult;
  /** panel → background: switch test mode (issue 13) on for the activity in a tab, or off. */
  setTestMode(request: { tabId: number; on: true; activityId: string } | { tabId: number; on: false }): TestModeStatus;
  /** panel → background: set a tab's test counts back to zero. */
  resetTestMode(request: { tabId: number }): void;
  /** test mode (tab) → background: what to test in this tab, or null when test mode is off there. */
  testModeSetup(): TestSetup | null;
  /** test mode (tab) → background: a click or submit touched metrics; answers the metrics converted once so far. */
  testModeReport(report: TestReport): string[];
  /** background → test mode (tab): stop, and leave nothing in the page. */
  stopTestMode(): void;
  /** background → test mode (tab): the counts were reset; once-per-visitor metrics may convert again. */
  testModeReset(): void;
}

export interface PickerStatus {
  active: boolean;
  error?: string;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
