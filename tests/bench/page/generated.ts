/**
 * The benchmark's own reading of "generated-looking" (issue 3, changes 4 and 5), written apart from
 * the engine's policy on purpose: the engine is judged against this, not against itself. A name is
 * generated-looking when it carries a build or runtime artefact: CSS-in-JS prefixes (`sc-`, `css-`,
 * `jsx-`…), a CSS-modules hash tail, React `useId` forms, component-library id prefixes, long digit
 * runs, UUIDs or hex, or any segment that reads as a hash rather than a word.
 */

const CSS_IN_JS_PREFIX = /^(sc|css|jsx|svelte|emotion|jss|styled|astro)-(.+)$/;
const MODULE_TAIL = /^(.+?)(__|___|--)([A-Za-z0-9_-]{5,})$/;
const REACT_ID = /([:«]|^_)[rR]([0-9a-zA-Z]*)([:»]|_$)/;
const LIBRARY_ID = /^(radix|headlessui|mui|react-aria|reach|downshift|ember|yui_|ext-gen|gwt-uid|ui-id|rc-)/i;
const DIGIT_RUN = /\d{4,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A new name for a generated-looking class, or `null` when the class looks hand-written. */
export function renamedClass(name: string): string | null {
  const prefixed = CSS_IN_JS_PREFIX.exec(name);
  if (prefixed) return `${prefixed[1]}-${rotate(prefixed[2]!)}`;
  const module = MODULE_TAIL.exec(name);
  if (module && isHashy(module[3]!)) return `${module[1]}${module[2]}${rotate(module[3]!)}`;
  return renamedParts(name);
}

/** A new name for a generated-looking id, or `null`. */
export function renamedId(id: string): string | null {
  if (REACT_ID.test(id)) return id.replace(REACT_ID, (_, open: string, body: string, close: string) => `${open}r${rotate(body || '0')}${close}`);
  const parts = renamedParts(id);
  if (parts) return parts;
  if (LIBRARY_ID.test(id)) return /\d/.test(id) ? id.replace(/\d+/g, rotate) : `${id}-2`;
  return null;
}

/** Rotates digit runs, UUIDs and hash-like segments; `null` when there is none. */
function renamedParts(name: string): string | null {
  if (UUID.test(name)) return name.replace(UUID, rotate);
  if (DIGIT_RUN.test(name)) return name.replace(/\d{4,}/g, rotate);
  let changed = false;
  const renamed = name.replace(/[A-Za-z0-9]+/g, (segment) => {
    if (!isHashy(segment)) return segment;
    changed = true;
    return rotate(segment);
  });
  return changed ? renamed : null;
}

/**
 * Reads as a hash: five or more characters with letters and digits interleaved, case flipping in a
 * short token, or five consonants in a row.
 */
function isHashy(segment: string): boolean {
  if (segment.length < 5) return false;
  const letters = /[A-Za-z]/.test(segment);
  const digits = /\d/.test(segment);
  // A word with a number (`video360`) is hand-written; letters and digits interleaved are not.
  if (letters && digits && !/^[A-Za-z]+\d+$/.test(segment) && !/^\d+[A-Za-z]+$/.test(segment)) return true;
  if (!letters || digits && !/[A-Z]/.test(segment)) return false;
  const upper = segment.replace(/[^A-Z]/g, '').length;
  if (upper >= 2 && upper < segment.length && segment.length <= 8) return true;
  return /[bcdfghjklmnpqrstvwxz]{5,}/i.test(segment);
}

/** Changes every letter and digit to the next one, keeping case and length: a new hash. */
function rotate(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, (char) => {
    if (char === 'z') return 'a';
    if (char === 'Z') return 'A';
    if (char === '9') return '0';
    return String.fromCharCode(char.charCodeAt(0) + 1);
  });
}
