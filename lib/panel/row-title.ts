import type { TrackedElement } from '@/lib/goals/model';
import { describeInWords } from '@/lib/picker/words';

// A Selected Elements row leads with the element in words (issue 15, "rows for people"): `Link
// “The Two-Way” → /sections/thetwo-way/`. Picks store that in `label` (lib/picker/words.ts). Rows
// stored before, or typed by hand, carry a technical label (`a.buy "Buy now"`) or a placeholder;
// the panel describes those again from the live page when it can (ElementList), and meanwhile
// words them from what was stored.

/** Labels that say how a row came about, not what it is: described again as soon as the page shows the element. */
export const PLACEHOLDER_LABELS = ['Added by hand', 'Edited by hand'] as const;

/**
 * Whether the label is not in words yet: a placeholder, or the picker's old `tag#id.class "text"`
 * form. Words always start with a capital (`Button`, `Link`, `Component <x-card>`), tag names never do.
 */
export function needsWords(label: string): boolean {
  const trimmed = label.trim();
  return trimmed === '' || (PLACEHOLDER_LABELS as readonly string[]).includes(trimmed) || /^[a-z]/.test(trimmed);
}

/** The row's title: its label when in words, otherwise the best wording of what was stored. */
export function rowTitle(element: TrackedElement, doc?: Document): RowTitle {
  if (!needsWords(element.label)) return { text: element.label, kind: 'words' };
  const placeholder = (PLACEHOLDER_LABELS as readonly string[]).includes(element.label.trim());
  const stored = storedShape(element);
  if (!stored) return { text: placeholder ? element.label.trim() : 'Element', kind: 'placeholder' };
  return { text: describeInWords(scratchElement(stored, element.pageUrl, doc)), kind: 'derived' };
}

/** What the row recorded about its element: from the fingerprint when there is one, else from the old label. */
function storedShape(element: TrackedElement): StoredShape | null {
  const href = element.action.kind === 'link' ? element.action.href : undefined;
  if (element.fingerprint) {
    const { tag, text, attributes } = element.fingerprint;
    return { tag, text, attributes: { ...attributes, ...(href ? { href } : {}) } };
  }
  // `a#buy.card "Buy now"`, as lib/picker/describe.ts labelFor wrote it.
  const match = /^([a-z][a-z0-9-]*)([^\s"]*)(?:\s+"(.*)")?$/.exec(element.label.trim());
  if (!match) return null;
  const [, tag, , text] = match;
  return { tag: tag!, text: (text ?? '').replace(/…$/, ''), attributes: href ? { href } : {} };
}

let scratch: Document | undefined;

/** A detached element shaped like the stored one, in a document whose base is the row's page (for link paths). */
function scratchElement(shape: StoredShape, pageUrl: string, doc?: Document): Element {
  scratch ??= (doc ?? document).implementation.createHTMLDocument('');
  let base = scratch.querySelector('base');
  if (!base) base = scratch.head.appendChild(scratch.createElement('base'));
  base.setAttribute('href', /^https?:/.test(pageUrl) ? pageUrl : 'about:blank');
  let element: Element;
  try {
    element = scratch.createElement(shape.tag);
  } catch {
    element = scratch.createElement('span');
  }
  for (const [name, value] of Object.entries(shape.attributes)) {
    try {
      element.setAttribute(name, value);
    } catch {
      // A stored attribute name the DOM refuses tells nothing more about the element.
    }
  }
  if (shape.text && !['input', 'img', 'select', 'textarea'].includes(element.localName)) element.textContent = shape.text;
  scratch.body.replaceChildren(element);
  return element;
}

interface StoredShape {
  tag: string;
  text: string;
  attributes: Record<string, string>;
}

export interface RowTitle {
  text: string;
  /** `words`: the stored label; `derived`: worded from stored data until the page describes it; `placeholder`: nothing known. */
  kind: 'words' | 'derived' | 'placeholder';
}
