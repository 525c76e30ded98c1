import type { ElementFingerprint } from '../goals/model';
import { relocate, similarity, type Relocated, type RelocateOptions } from './relocate';

// Is a recorded goal still pointing at its element on this page (PRODUCT.md §5 Health, issue 14)?
// The selector and the fingerprint are two locators of the same element: when the selector finds
// one element that still looks like the recorded one, all is well; when it finds none, several,
// or one that the fingerprint no longer recognises while another element matches it clearly
// better, the goal needs attention, and relocate's answer (if any) is the repair.

/** A single match at least this much alike is the recorded element, without looking further. */
export const SAME_ELEMENT = 0.8;
/** A single match this little alike is no longer the recorded element, even if nothing better is found. */
export const UNRECOGNISABLE = 0.3;
/** Another element must look this much more alike than the single match to be taken for it. */
export const MOVED_MARGIN = 0.2;

/**
 * The health of one goal: `matches` are what its selector finds now, `root` where to look for the
 * element again. `expectsOne` is false for a selector the user wrote to match several elements
 * (typed or edited): then several matches are what they asked for.
 */
export function checkHealth(fingerprint: ElementFingerprint, matches: readonly Element[], root: ParentNode, options: HealthOptions = {}): Health {
  const expectsOne = options.expectsOne ?? true;
  if (matches.length === 0) return { status: 'lost', repair: relocate(fingerprint, root, options) };
  if (matches.length > 1) {
    if (!expectsOne) return { status: 'ok' };
    return { status: 'ambiguous', repair: relocate(fingerprint, root, options) };
  }
  const match = matches[0]!;
  const alike = similarity(fingerprint, match);
  if (alike >= SAME_ELEMENT) return { status: 'ok' };
  const found = relocate(fingerprint, root, options);
  if (found && found.element !== match && found.confidence - alike >= MOVED_MARGIN) return { status: 'changed', repair: found };
  if (alike < UNRECOGNISABLE && found?.element !== match) return { status: 'changed', repair: null };
  return { status: 'ok' };
}

export interface HealthOptions extends RelocateOptions {
  expectsOne?: boolean;
}

/**
 * `lost`: the selector matches nothing. `ambiguous`: several elements where it matched one.
 * `changed`: it matches one element that is not the recorded one any more. `repair` is the
 * element found again by its fingerprint, or `null` when none is clearly it.
 */
export type Health =
  | { status: 'ok' }
  | { status: 'lost' | 'ambiguous' | 'changed'; repair: Relocated | null };
