import { defaultAction, type PickedElement } from '@/lib/goals/model';
import type { FirstMatch } from './page-query';
import { validateSelector } from '@/lib/selector';

// A selector typed into the panel (Add element, or an edit in place): checked without touching the
// panel's own document, and turned into a pick shaped like the picker's.

/** A document of our own: `validateSelector` counts in it, and the panel's own DOM is never involved. */
let scratch: Document | undefined;

export function checkTypedSelector(text: string): TypedSelectorCheck {
  scratch ??= document.implementation.createHTMLDocument('');
  const result = validateSelector(text, scratch);
  if (result.ok) return { ok: true };
  return result.suggestion === undefined
    ? { ok: false, message: result.message }
    : { ok: false, message: result.message, suggestion: result.suggestion };
}

/** The pick for a typed selector: its action comes from the first element it matches on the page, when known. */
export function typedPick(selector: string, pageUrl: string, first: FirstMatch | null): PickedElement {
  return {
    selector: selector.trim(),
    action: first ? defaultAction(first.tag, first.href) : { kind: 'click' },
    label: first?.label ?? 'Added by hand',
    pageUrl,
    origin: 'typed',
  };
}

export type TypedSelectorCheck = { ok: true } | { ok: false; message: string; suggestion?: string };
