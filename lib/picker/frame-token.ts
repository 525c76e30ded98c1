import { sendMessage } from '../messaging';

// The picker's frame (an extension page over the viewport) takes its port only from Goalpost's
// content script (issue 11 item 8). The proof is a token the page can neither choose nor read: the
// content script registers a fresh one with the background before it loads the frame and hands it
// over with the port; the frame asks the background for its tab's token and compares. The page
// sees neither message, and a frame it loads itself outside a pick gets no token at all.

/** Content script: a fresh token for the frame about to load, known to the background before the frame can ask. */
export async function registerFrameToken(): Promise<string> {
  const token = crypto.randomUUID();
  await sendMessage('registerPickerFrame', { token });
  return token;
}

/** Content script: picking stopped; a frame loaded from now on in this tab is outside a pick. */
export function releaseFrameToken(token: string): void {
  void sendMessage('releasePickerFrame', { token }).catch(() => undefined);
}

/** Frame: the token of the pick running in this tab, or null when there is none (or no answer). */
export function askFrameToken(): Promise<string | null> {
  return sendMessage('pickerFrameToken').catch(() => null);
}
