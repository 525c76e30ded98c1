// Goalpost's own elements in the page (the picker's overlay host). They are plain `div`s a page
// cannot define or upgrade (issue 11 item 8), so they are known by identity, never by a name.

const own = new WeakSet<Element>();

export function markOwn(element: Element): void {
  own.add(element);
}

/** Whether the element is one of Goalpost's own: the path bar and the keyboard skip it. */
export function isOwnElement(element: Element): boolean {
  return own.has(element);
}
