import { render } from 'preact';
import { FrameNotice } from '@/components/picker/FrameNotice';
import { PickerView } from '@/components/picker/PickerView';
import { askFrameToken } from '@/lib/picker/frame-token';
import type { FrameMessage, FrameReport, OverlayMessage } from '@/lib/picker/frame-reports';
import { commandForKey } from '@/lib/picker/keys';
import { EMPTY_VIEW, HANDSHAKE, type FrameInput, type FrameView } from '@/lib/picker/protocol';

// The picker's frame, laid over the page by lib/picker/overlay.ts. It takes one port, handed over
// with the token the background holds for this tab's pick (lib/picker/frame-token.ts), and from
// then on talks only over that port. Loaded by a page outside a pick (or handed a port with any
// other token), it shows a line saying so and reports nothing to anyone (issue 11 item 8).

/** Without a handshake by then, this frame is not part of a pick: it says so. */
const IDLE_AFTER_MS = 3000;
const IDLE_TEXT = 'This is Goalpost’s element picker. It shows and reports nothing outside a pick started from Goalpost.';

/** Runs the frame page (entrypoints/picker-frame-script.ts loads it as one classic script). */
export function startPickerFrame() {
  performance.mark('goalpost:script');
  const app = document.getElementById('app')!;
  // Asked at once, while the page loads the frame: the picker registered it before loading us.
  const expected = askFrameToken();
  // Marks on the frame's own timeline (its navigation entry has the rest): where its start-up time goes (tests/bench/picker.ts).
  void expected.then(() => performance.mark('goalpost:token'));
  // Ready once this frame renders (its first animation frame: it is painted right after) and holds
  // the port. Until the browser routes the pointer here, moves land on the shield under this frame,
  // never on the page (lib/picker/overlay.ts). Rendering starts now, while the picker answers the handshake.
  const painted = new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    .then(() => void performance.mark('goalpost:painted'));
  let connected = false;
  /**
   * Asked once more when a handshake's token is not the first answer: that answer can predate this
   * pick's registration (it may be an earlier pick's, one that ended without saying so, or none when
   * the registration was slow), while a handshake comes only once the registration has landed.
   */
  let again: Promise<string | null> | null = null;

  addEventListener('message', function handshake(event: MessageEvent) {
    const port = event.ports[0];
    const offered = (event.data as Record<string, unknown> | null)?.[HANDSHAKE];
    if (!port || typeof offered !== 'string') return;
    void expected.then((token) => token === offered ? token : (again ??= askFrameToken())).then((token) => {
      if (connected || !token || offered !== token) {
        port.close();
        return;
      }
      connected = true;
      performance.mark('goalpost:port');
      removeEventListener('message', handshake);
      start(port, app, painted);
    });
  });
  const idle = () => {
    if (connected) return;
    document.documentElement.dataset.state = 'idle';
    render(<FrameNotice text={IDLE_TEXT} />, app);
  };
  void expected.then((token) => token === null && idle());
  setTimeout(idle, IDLE_AFTER_MS);
}

/** Picking: the frame draws what the picker sends over `port` and tells it what the user does. */
function start(port: MessagePort, app: HTMLElement, painted: Promise<void>) {
  document.documentElement.dataset.state = 'picking';
  const send = (message: FrameMessage) => port.postMessage(message);
  const input = (message: FrameInput) => send(message);
  const report = (message: FrameReport) => send(message);
  let view: FrameView = EMPTY_VIEW;
  let notice: string | null = null;
  const draw = () => render(<><PickerView view={view} onInput={input} /><FrameNotice text={notice} /></>, app);
  port.onmessage = (event: MessageEvent<OverlayMessage>) => {
    const message = event.data;
    if (message.type === 'notice') notice = message.text;
    else view = { ...view, ...message.view };
    draw();
    // Read by the e2e tests and the benchmark; the page cannot see into this frame.
    const { dataset } = document.documentElement;
    if (view.readyMs !== undefined && dataset.readyMs === undefined) {
      dataset.readyMs = view.readyMs.toFixed(1);
      dataset.readyAt = String(performance.timeOrigin + performance.now());
    }
  };
  addEventListener('keydown', (event) => {
    const command = commandForKey(event);
    if (!command) return;
    event.preventDefault();
    input({ type: 'command', command });
  });
  // What the overlay's guard needs to know and the page cannot tell it (lib/picker/guard.ts):
  // our size (a zoomed or scaled frame is not the page's size), focus, and being unloaded.
  const viewport = () => report({ type: 'frame', report: 'viewport', width: innerWidth, height: innerHeight });
  viewport();
  addEventListener('resize', viewport);
  addEventListener('blur', () => report({ type: 'frame', report: 'blur' }));
  addEventListener('focus', () => report({ type: 'frame', report: 'focus' }));
  addEventListener('pagehide', () => report({ type: 'frame', report: 'leaving' }));
  void painted.then(() => input({ type: 'ready' }));
}
