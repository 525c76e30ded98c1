// The least an isolated picker's content script can do (tests/bench/picker.ts): register a fresh
// token with the background, lay an extension frame over the page in a closed shadow root (in the
// top layer), hand it a port with the token once it loads, and on each move ask
// the browser what lies under the pointer (the whole stack, its own host left out, as the picker
// must). No outline, no label, nothing sent back: the floor under any picker built this way.
(() => {
  const started = performance.now();
  const token = crypto.randomUUID();
  const registered = chrome.runtime.sendMessage({ floorRegister: token });
  const host = document.createElement('floor-picker');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block';
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0; width: 100%; height: 100%; border: 0; background: transparent';
  frame.src = chrome.runtime.getURL('floor-frame.html');
  root.append(frame);
  const channel = new MessageChannel();
  frame.addEventListener('load', () => {
    void registered.then(() => frame.contentWindow.postMessage({ floorToken: token }, new URL(chrome.runtime.getURL('/')).origin, [channel.port2]));
  }, { once: true });
  channel.port1.onmessage = ({ data }) => {
    if (data.type === 'ready') {
      document.documentElement.dataset.floorReadyAt = String(performance.timeOrigin + performance.now());
      document.documentElement.dataset.floorReadyMs = String(performance.now() - started);
      return;
    }
    for (const element of document.elementsFromPoint(data.x, data.y)) if (element !== host) break;
  };
  const stop = (message) => {
    if (message !== 'floor-stop') return;
    chrome.runtime.onMessage.removeListener(stop);
    void chrome.runtime.sendMessage({ floorRelease: token });
    channel.port1.close();
    host.remove();
    delete document.documentElement.dataset.floorReadyMs;
    delete document.documentElement.dataset.floorReadyAt;
  };
  chrome.runtime.onMessage.addListener(stop);
  document.documentElement.append(host);
  // In the top layer, as a picker must be to stay above the page's dialogs (issue 11 item 8).
  host.setAttribute('popover', 'manual');
  host.showPopover();
})();
