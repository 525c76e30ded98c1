import { browser } from 'wxt/browser';
import type { PickerStatus } from '../messaging';
import { sendToTab } from '../tab-messaging';

const PICKER_SCRIPT = '/content-scripts/picker.js';

/**
 * Starts the picker in a tab, or stops it. Errors become a status, never a throw. Only the top
 * frame gets the script: the picker there reaches into same-origin frames itself, and its overlay
 * covers them anyway.
 */
export async function togglePicker(tabId: number, on: boolean): Promise<PickerStatus> {
  try {
    if (!on) {
      await sendToTab('stopPicker', undefined, tabId).catch(() => undefined);
      return { active: false };
    }
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PICKER_SCRIPT] });
    return { active: true };
  } catch (error) {
    return { active: false, error: explainInjectionError(error) };
  }
}

function explainInjectionError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/permission|host|access/i.test(message)) {
    return 'Goalpost may not run on this page. Allow it on this site, or pick on an http(s) page.';
  }
  return `The picker could not start on this page: ${message}`;
}
