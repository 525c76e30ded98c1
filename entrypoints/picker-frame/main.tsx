import { render } from 'preact';
import { PickerView } from '@/components/picker/PickerView';
import { commandForKey } from '@/lib/picker/keys';
import { EMPTY_VIEW, HANDSHAKE, type FrameInput, type FrameView, type PickerOutput } from '@/lib/picker/protocol';

// The picker's frame, laid over the page by lib/picker/overlay.ts. It accepts one port, from the
// message that carries the token of its own URL, and from then on talks only over that port.
const token = location.hash.slice(1);
// Ready once this frame has been painted (until then the browser may still send the pointer to the
// page) and holds the port. Painting starts now, while the picker answers the handshake.
const painted = new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

addEventListener('message', function handshake(event: MessageEvent) {
  const port = event.ports[0];
  if (!token || !port || (event.data as Record<string, unknown> | null)?.[HANDSHAKE] !== token) return;
  removeEventListener('message', handshake);
  start(port);
});

function start(port: MessagePort) {
  const app = document.getElementById('app')!;
  const send = (input: FrameInput) => port.postMessage(input);
  let view: FrameView = EMPTY_VIEW;
  port.onmessage = (event: MessageEvent<PickerOutput>) => {
    view = { ...view, ...event.data.view };
    render(<PickerView view={view} onInput={send} />, app);
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
    send({ type: 'command', command });
  });
  void painted.then(() => send({ type: 'ready' }));
}
