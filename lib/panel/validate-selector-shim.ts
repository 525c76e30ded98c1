import { parse, stringify, type Selector } from 'css-what';

// Stand-in for the selector engine's `validateSelector` (issue 3, lib/selector/index.ts), with
// the same signature, until it lands. Import it only through lib/panel/validate-selector.ts so the
// integrator swaps one line.

/** A name usable after `#` or `.` without any escape. */
const PLAIN_NAME = /^-?[_a-zA-Z][\w-]*$/;
const HEX_ESCAPE = /^\\([0-9a-fA-F]{1,6})\s?/;

/**
 * Checks a selector the user typed: it must parse, need no CSS escape (PRODUCT.md §2: tracking
 * runtimes cannot use them) and be accepted by the browser; then counts its matches in `root`.
 */
export function validateSelector(text: string, root: ParentNode = document): SelectorValidation {
  const selector = text.trim();
  if (selector === '') return { ok: false, message: 'Type a CSS selector, e.g. #buy or button.buy.' };
  const backslash = text.indexOf('\\');
  if (backslash !== -1) return escapeRefusal(text, backslash);
  let tokens: Selector[][];
  try {
    tokens = parse(selector);
  } catch (error) {
    return { ok: false, message: `This is not a valid CSS selector: ${(error as Error).message}.` };
  }
  if (tokens.length === 0) return { ok: false, message: 'Type a CSS selector, e.g. #buy or button.buy.' };
  try {
    return { ok: true, matchCount: root.querySelectorAll(selector).length };
  } catch {
    return { ok: false, message: 'The browser does not accept this selector. Check for a missing name after a combinator (>, +, ~) or an unclosed bracket.' };
  }
}

function escapeRefusal(text: string, position: number): SelectorValidation {
  const { character, written } = escapedCharacter(text.slice(position));
  const suggestion = unescapedAlternative(text.trim());
  const message = `The escaped character “${character}” at position ${position + 1} (written ${written}) cannot be used: tracking tools do not support CSS escapes.`
    + (suggestion ? ` Use ${suggestion} instead.` : ' Select the element by another attribute, or pick it again.');
  return suggestion ? { ok: false, message, position, suggestion } : { ok: false, message, position };
}

/** The character an escape stands for (`\:` → `:`, `\31 ` → `1`), and the escape as written. */
function escapedCharacter(fromBackslash: string): { character: string; written: string } {
  const hex = HEX_ESCAPE.exec(fromBackslash);
  if (hex) return { character: String.fromCodePoint(Number.parseInt(hex[1]!, 16)), written: hex[0].trimEnd() };
  const next = fromBackslash[1];
  return next === undefined ? { character: '\\', written: '\\' } : { character: next, written: `\\${next}` };
}

/**
 * The same selector with every id or class that needs an escape written as an attribute
 * selector (`#form\:submit` → `[id="form:submit"]`, `.md\:flex` → `[class~="md:flex"]`), or
 * `undefined` when the escape sits somewhere an attribute cannot replace it.
 */
function unescapedAlternative(selector: string): string | undefined {
  let tokens: Selector[][];
  try {
    tokens = parse(selector);
  } catch {
    return undefined;
  }
  const rewritten = tokens.map((compound) => compound.map(attributeFormIfNeeded));
  const result = stringify(rewritten);
  return result.includes('\\') ? undefined : result;
}

function attributeFormIfNeeded(token: Selector): Selector {
  if (token.type !== 'attribute' || token.ignoreCase !== 'quirks' || PLAIN_NAME.test(token.value)) return token;
  if ((token.name === 'id' && token.action === 'equals') || (token.name === 'class' && token.action === 'element')) {
    return { ...token, ignoreCase: null };
  }
  return token;
}

export type SelectorValidation =
  | { ok: true; matchCount: number }
  | { ok: false; message: string; position?: number; suggestion?: string };
