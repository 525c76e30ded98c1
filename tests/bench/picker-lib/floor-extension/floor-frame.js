// The least an isolated picker's frame can do: take the content script's port, say ready once it
// renders, and forward every pointer move over the port.
addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || event.data !== 'floor-handshake') return;
  requestAnimationFrame(() => port.postMessage({ type: 'ready' }));
  addEventListener('pointermove', (move) => port.postMessage({ type: 'move', x: move.clientX, y: move.clientY }));
});
