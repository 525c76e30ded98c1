// The least an isolated picker's frame can do: ask the background for this tab's token, take the
// content script's port when its token matches, say ready once it renders, and forward every
// pointer move over the port.
performance.mark('floor:script');
const expected = chrome.runtime.sendMessage('floor-token');
void expected.then(() => performance.mark('floor:token'));
addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || typeof event.data?.floorToken !== 'string') return;
  void expected.then((token) => {
    if (token !== event.data.floorToken) return port.close();
    performance.mark('floor:port');
    requestAnimationFrame(() => {
      performance.mark('floor:painted');
      port.postMessage({ type: 'ready' });
    });
    addEventListener('pointermove', (move) => port.postMessage({ type: 'move', x: move.clientX, y: move.clientY }));
  });
});
