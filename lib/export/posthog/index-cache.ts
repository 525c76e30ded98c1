import { indexPage, type PageIndex } from './page';

// The page index, built once per state of the DOM and reused by every check of the panel (issue 12):
// indexing a large page takes hundreds of milliseconds, a check against the index a few. A
// MutationObserver on the document and on each open shadow root the index walked tells whether the
// DOM changed since; its pending records are read synchronously (`takeRecords`), so a change made
// just before a check is never missed. Style changes that do not touch the DOM (a media query, a
// stylesheet loaded late) are not seen: they rarely change `cursor`, and the next mutation rebuilds.

interface Cached {
  index: PageIndex;
  observer: MutationObserver | null;
  /** Mutations seen since the index was built. */
  dirty: boolean;
}

const CACHE = new WeakMap<Document, Cached>();
const WATCH: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };

/** Counts of what `currentIndex` did, for tests and the bench. */
export const indexBuilds = { built: 0, reused: 0 };

/** The page index of `doc`, reused while nothing in the DOM changed. */
export function currentIndex(doc: Document): PageIndex {
  const cached = CACHE.get(doc);
  if (cached && cached.observer) {
    if (cached.observer.takeRecords().length > 0) cached.dirty = true;
    if (!cached.dirty) {
      indexBuilds.reused++;
      return cached.index;
    }
    cached.observer.disconnect();
  }
  const index = indexPage(doc);
  indexBuilds.built++;
  const View = doc.defaultView?.MutationObserver;
  let entry: Cached;
  if (View) {
    const observer = new View(() => (entry.dirty = true));
    entry = { index, observer, dirty: false };
    observer.observe(doc, WATCH);
    for (const root of index.shadowRoots) observer.observe(root, WATCH);
  } else {
    entry = { index, observer: null, dirty: false }; // nothing to watch with: rebuilt each time
  }
  CACHE.set(doc, entry);
  return index;
}
