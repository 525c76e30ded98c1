import type { GoalEvent } from './match';

// One delegated listener per event type, in the capture phase on the document (issue 13): it sees
// every click and submit wherever the page's own handlers are, and only reads. Never
// `preventDefault`, never `stopPropagation`, never a delay: links navigate and forms submit at once,
// and every other handler still runs (the documented flaw of Adobe's at.js, PRODUCT.md §5).
// A `submit` is not composed: a form inside a shadow root submits unseen here; its button's click is seen.

export function listenForGoals(doc: Document, onEvent: (event: GoalEvent, raw: Event) => void): () => void {
  const listener = (raw: Event) => {
    try {
      onEvent({ kind: raw.type === 'submit' ? 'submit' : 'click', path: raw.composedPath() }, raw);
    } catch {
      // Counting never breaks the page: an error here must not reach the page's console or handlers.
    }
  };
  doc.addEventListener('click', listener, true);
  doc.addEventListener('submit', listener, true);
  return () => {
    doc.removeEventListener('click', listener, true);
    doc.removeEventListener('submit', listener, true);
  };
}
