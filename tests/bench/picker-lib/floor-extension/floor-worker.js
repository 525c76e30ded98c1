// The bench injects floor-content.js from here (chrome.scripting), as Goalpost's background injects
// its picker. It also keeps each tab's handshake token, as an isolated picker must (issue 11 item 8:
// the frame takes a port only with a token the page can neither choose nor read): the content
// script registers one, the frame asks for it.
const tokens = new Map();
const waiting = new Map();
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const tabId = sender.tab?.id;
  if (message?.floorRegister) {
    tokens.set(tabId, message.floorRegister);
    for (const answer of waiting.get(tabId) ?? []) answer(message.floorRegister);
    waiting.delete(tabId);
    reply(true);
    return false;
  }
  if (message?.floorRelease) {
    if (tokens.get(tabId) === message.floorRelease) tokens.delete(tabId);
    reply(true);
    return false;
  }
  if (message === 'floor-token') {
    if (tokens.has(tabId)) reply(tokens.get(tabId));
    else waiting.set(tabId, [...(waiting.get(tabId) ?? []), reply]);
    return true;
  }
  return false;
});
