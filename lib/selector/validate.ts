import { type AttributeSelector, parse, type Selector } from 'css-what';
import { STATE_ATTRIBUTES, classIssue, idIssue, isPlainIdent, isQuotable, type NameIssue, valueIssue } from './names';

/**
 * Checks a selector the user typed or imported (PRODUCT.md §2): parsed with css-what, checked by
 * the browser when a root is given, and rejected when it contains a CSS escape, which the tracking
 * runtimes we export to cannot read. Never throws.
 */
export function validateSelector(text: string, root?: QueryRoot): ValidationResult {
  try {
    return validate(text, root);
  } catch (error) {
    return { ok: false, message: `This selector could not be checked: ${describeError(error)}` };
  }
}

function validate(text: string, root: QueryRoot | undefined): ValidationResult {
  if (typeof text !== 'string') return { ok: false, message: 'A selector must be text.' };
  if (text.trim() === '') return { ok: false, message: 'The selector is empty.' };
  const parsed = parseSafely(text);
  const escapeAt = text.indexOf('\\');
  if (escapeAt !== -1) return escapeError(text, escapeAt, parsed, root);
  if (!parsed.ok) return { ok: false, message: `This is not a valid CSS selector: ${parsed.message}` };
  const unknown = unknownPseudo(parsed.selector);
  if (unknown) return { ok: false, message: `${unknown} is not a CSS pseudo-class or pseudo-element that browsers know.` };
  const browser = browserMatches(text, root);
  if (!browser.ok) return { ok: false, message: `The browser rejects this selector: ${browser.message}` };
  const hints = hintsOf(parsed.selector, text);
  if (browser.count !== null && browser.count > 1) hints.add('multiple-matches');
  return { ok: true, matchCount: browser.count, hints: HINT_ORDER.filter((hint) => hints.has(hint)) };
}

/** The rejection for an escape: which character, where, and an escape-free rewrite when one exists. */
function escapeError(text: string, at: number, parsed: Parsed, root: QueryRoot | undefined): ValidationResult {
  const escaped = escapedCharacter(text, at);
  const shown = escaped.char === null ? 'nothing (the selector ends there)' : `"${escaped.char}"`;
  const message =
    `Character ${at + 1} is a CSS escape (${escaped.written}) for ${shown}. ` +
    'Tracking tools cannot read escaped characters, so this selector cannot be used as typed.';
  const suggestion = parsed.ok ? escapeFreeRewrite(text, parsed.selector, root) : null;
  return suggestion
    ? { ok: false, message: `${message} Use ${suggestion} instead.`, position: at, suggestion }
    : { ok: false, message, position: at };
}

/** CSS escapes: a backslash then 1–6 hex digits (and one optional space), or any one character. */
function escapedCharacter(text: string, at: number): { written: string; char: string | null } {
  let end = at + 1;
  while (end < text.length && end < at + 7 && /[0-9a-f]/i.test(text[end]!)) end++;
  if (end > at + 1) {
    const code = Number.parseInt(text.slice(at + 1, end), 16);
    const written = text.slice(at, text[end] === ' ' ? end + 1 : end);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return { written, char: valid ? String.fromCodePoint(code) : '\uFFFD' };
  }
  const char = text.codePointAt(at + 1);
  if (char === undefined) return { written: '\\', char: null };
  const symbol = String.fromCodePoint(char);
  return { written: `\\${symbol}`, char: symbol };
}

/**
 * The same selector without escapes: an id becomes `[id="…"]`, an attribute value is quoted. A
 * class that needs an escape has no portable spelling; with a root, it may be dropped or replaced
 * by the exact `class` attribute if the selector then still matches the very same elements.
 */
function escapeFreeRewrite(text: string, selector: Selector[][], root: QueryRoot | undefined): string | null {
  const original = root ? browserMatchList(text, root) : null;
  if (root && original === null) return null;
  const options = [serialize(selector, 'strict')];
  // Changing what the selector says is only offered when it provably matches the same elements,
  // and an empty match set (say, a scratch document) proves nothing.
  if (root && original && original.length > 0) {
    options.push(serialize(selector, 'drop-escaped-classes'));
    options.push(serialize(selector, exactClassAttribute(original)));
  }
  for (const option of options) {
    if (option === null || option.includes('\\') || !validate(option, root).ok) continue;
    if (!root || !original) return option;
    const rewritten = browserMatchList(option, root);
    if (rewritten && sameElements(rewritten, original)) return option;
  }
  return null;
}

/** A class policy that replaces escaped classes by the full `class` attribute all matches share. */
function exactClassAttribute(matches: Element[]): ClassPolicy {
  const values = new Set(matches.map((element) => element.getAttribute('class')));
  const [only] = values;
  return values.size === 1 && typeof only === 'string' && isQuotable(only) ? { classAttribute: only } : 'strict';
}

/** Writes a parsed selector back without any escape, or `null` when some name needs one. */
function serialize(selector: Selector[][], classes: ClassPolicy): string | null {
  const parts: string[] = [];
  for (const tokens of selector) {
    let out = '';
    for (const token of tokens) {
      const written = serializeToken(token, classes);
      if (written === null) return null;
      out += written;
    }
    if (out.trim() === '') return null;
    parts.push(out);
  }
  return parts.join(', ');
}

function serializeToken(token: Selector, classes: ClassPolicy): string | null {
  switch (token.type) {
    case 'tag':
      return token.namespace === null && isPlainIdent(token.name) ? token.name : null;
    case 'universal':
      return token.namespace === null ? '*' : null;
    case 'attribute':
      return serializeAttribute(token, classes);
    case 'pseudo': {
      if (!isPlainIdent(token.name)) return null;
      if (token.data === null) return `:${token.name}`;
      if (typeof token.data === 'string') return /[\\()]/.test(token.data) ? null : `:${token.name}(${token.data})`;
      const inner = serialize(token.data, classes);
      return inner === null ? null : `:${token.name}(${inner})`;
    }
    case 'pseudo-element':
      return isPlainIdent(token.name) && token.data === null ? `::${token.name}` : null;
    case 'descendant':
      return ' ';
    case 'child':
      return ' > ';
    case 'sibling':
      return ' ~ ';
    case 'adjacent':
      return ' + ';
    default:
      return null;
  }
}

function serializeAttribute(token: AttributeSelector, classes: ClassPolicy): string | null {
  if (token.namespace !== null || !isPlainIdent(token.name)) return null;
  if (isClassShorthand(token)) {
    if (isPlainIdent(token.value)) return `.${token.value}`;
    if (classes === 'drop-escaped-classes') return '';
    if (typeof classes === 'object') return `[class="${classes.classAttribute}"]`;
    return null;
  }
  if (isIdShorthand(token) && isPlainIdent(token.value)) return `#${token.value}`;
  if (token.action === 'exists') return `[${token.name}]`;
  if (!isQuotable(token.value)) return null;
  const operator = OPERATORS[token.action];
  if (operator === undefined) return null;
  const flag = token.ignoreCase === true ? ' i' : token.ignoreCase === false ? ' s' : '';
  return `[${token.name}${operator}"${token.value}"${flag}]`;
}

/** Stability and portability hints for a parsed selector. */
function hintsOf(selector: Selector[][], text: string): Set<StabilityHint> {
  const hints = new Set<StabilityHint>();
  if (hasUnquotedValue(text)) hints.add('not-portable');
  const visit = (tokens: Selector[]) => {
    for (const token of tokens) {
      if (token.type === 'attribute') addAttributeHints(token, hints);
      else if (token.type === 'pseudo') {
        if (POSITION_PSEUDOS.has(token.name)) hints.add('position');
        if (!isPortablePosition(token.name, token.data)) hints.add('not-portable');
        if (Array.isArray(token.data)) token.data.forEach(visit);
      } else if (token.type === 'tag') {
        if (token.namespace !== null) hints.add('not-portable');
      } else if (token.type !== 'descendant' && token.type !== 'child') hints.add('not-portable');
    }
  };
  selector.forEach(visit);
  return hints;
}

function addAttributeHints(token: AttributeSelector, hints: Set<StabilityHint>): void {
  const portable = token.namespace === null &&
    (isClassShorthand(token) || isIdShorthand(token) || (token.action === 'equals' && token.ignoreCase === null));
  if (!portable) hints.add('not-portable');
  const issue: NameIssue | null = isClassShorthand(token) || (token.name === 'class' && token.action === 'element')
    ? classIssue(token.value)
    : token.name === 'id' ? idIssue(token.value) : valueIssue(token.value);
  if (issue !== null && issue !== 'needs-escape') hints.add(ISSUE_HINTS[issue]);
  if (STATE_ATTRIBUTES.has(token.name)) hints.add('state-name');
}

/** The first pseudo-class or pseudo-element no browser supports, written as typed (`:hovr`). */
function unknownPseudo(selector: Selector[][]): string | null {
  for (const tokens of selector) {
    for (const token of tokens) {
      if (token.type === 'pseudo') {
        if (!KNOWN_PSEUDO_CLASSES.has(token.name)) return `:${token.name}`;
        if (Array.isArray(token.data)) {
          const inner = unknownPseudo(token.data);
          if (inner) return inner;
        }
      } else if (token.type === 'pseudo-element' && !KNOWN_PSEUDO_ELEMENTS.has(token.name)) return `::${token.name}`;
    }
  }
  return null;
}

function isPortablePosition(name: string, data: unknown): boolean {
  return (name === 'nth-child' || name === 'nth-of-type') && typeof data === 'string' && /^\s*\d+\s*$/.test(data);
}

/**
 * True when an attribute selector has an unquoted value (`[type=submit]`): browsers accept it, the
 * portable dialect asks for quotes. A scan that skips strings, not a parser: css-what drops quotes.
 */
function hasUnquotedValue(text: string): boolean {
  let quote: string | null = null;
  let inBrackets = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') inBrackets = true;
    else if (char === ']') inBrackets = false;
    else if (char === '=' && inBrackets) {
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] !== '"' && text[next] !== "'") return true;
    }
  }
  return false;
}

function isClassShorthand(token: AttributeSelector): boolean {
  return token.name === 'class' && token.action === 'element' && token.ignoreCase === 'quirks';
}

function isIdShorthand(token: AttributeSelector): boolean {
  return token.name === 'id' && token.action === 'equals' && token.ignoreCase === 'quirks';
}

function parseSafely(text: string): Parsed {
  try {
    return { ok: true, selector: parse(text) };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

/** Match count in `root`; without a root only the syntax is checked, in a detached fragment. */
function browserMatches(text: string, root: QueryRoot | undefined): { ok: true; count: number | null } | { ok: false; message: string } {
  try {
    if (root) return { ok: true, count: root.querySelectorAll(text).length };
    // No page to count in (e.g. the side panel): let the engine at hand at least check the syntax.
    const fragment = globalThis.document?.createDocumentFragment();
    fragment?.querySelector(text);
    return { ok: true, count: null };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

function browserMatchList(text: string, root: QueryRoot): Element[] | null {
  try {
    return Array.from(root.querySelectorAll(text));
  } catch {
    return null;
  }
}

function sameElements(a: Element[], b: Element[]): boolean {
  return a.length === b.length && a.every((element, index) => element === b[index]);
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

const OPERATORS: Partial<Record<AttributeSelector['action'], string>> = {
  equals: '=', element: '~=', start: '^=', end: '$=', any: '*=', hyphen: '|=',
};

/** Selectors Level 4 pseudo-classes browsers match in `querySelectorAll` (css-what accepts any name). */
const KNOWN_PSEUDO_CLASSES = new Set([
  'active', 'any-link', 'autofill', 'checked', 'default', 'defined', 'dir', 'disabled', 'empty', 'enabled',
  'first-child', 'first-of-type', 'focus', 'focus-visible', 'focus-within', 'fullscreen', 'has', 'host',
  'host-context', 'hover', 'in-range', 'indeterminate', 'invalid', 'is', 'lang', 'last-child', 'last-of-type',
  'link', 'modal', 'not', 'nth-child', 'nth-last-child', 'nth-last-of-type', 'nth-of-type', 'only-child',
  'only-of-type', 'open', 'optional', 'out-of-range', 'paused', 'placeholder-shown', 'playing', 'popover-open',
  'read-only', 'read-write', 'required', 'root', 'scope', 'target', 'user-invalid', 'user-valid', 'valid',
  'visited', 'where', 'state',
]);
const KNOWN_PSEUDO_ELEMENTS = new Set([
  'after', 'backdrop', 'before', 'cue', 'file-selector-button', 'first-letter', 'first-line', 'marker',
  'part', 'placeholder', 'selection', 'slotted', 'target-text',
]);

const POSITION_PSEUDOS = new Set([
  'nth-child', 'nth-of-type', 'nth-last-child', 'nth-last-of-type', 'first-child', 'last-child',
  'first-of-type', 'last-of-type', 'only-child', 'only-of-type',
]);

const ISSUE_HINTS: Record<Exclude<NameIssue, 'needs-escape'>, StabilityHint> = {
  generated: 'generated-name',
  sequential: 'generated-name',
  state: 'state-name',
  utility: 'style-class',
};

/** Hints in the order the panel lists them: the most likely to break first. */
export const HINT_ORDER: readonly StabilityHint[] = [
  'generated-name', 'state-name', 'position', 'style-class', 'multiple-matches', 'not-portable',
];

type ClassPolicy = 'strict' | 'drop-escaped-classes' | { classAttribute: string };

type Parsed = { ok: true; selector: Selector[][] } | { ok: false; message: string };

/** Anything selectors can be run in: a document, a shadow root, or an element. */
export type QueryRoot = Pick<ParentNode, 'querySelectorAll'>;

/** Why a selector may stop matching the element it was made for, or may not travel to a tool. */
export type StabilityHint =
  | 'position'
  | 'generated-name'
  | 'state-name'
  | 'style-class'
  | 'multiple-matches'
  | 'not-portable';

export type ValidationResult =
  | {
      ok: true;
      /** Elements matched in the given root; `null` when no root was given. */
      matchCount: number | null;
      hints: StabilityHint[];
    }
  | {
      ok: false;
      /** Names the problem in a sentence the user can act on. */
      message: string;
      /** 0-based index in the text where the problem is, when known (escapes). */
      position?: number;
      /** A working escape-free rewrite, when one exists. */
      suggestion?: string;
    };
