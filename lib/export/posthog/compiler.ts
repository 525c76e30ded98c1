// PostHog's action-step selector compiler, modelled in TypeScript (issue 12). PostHog does not run
// CSS: `selector_to_expr` (PostHog/posthog posthog/hogql/property.py) parses a step's selector with
// `Selector(selector, escape_slashes=False)` and `build_selector_regex` turns it into a regular
// expression that ClickHouse runs over the `$elements_chain` string posthog-js recorded for a click.
//
// Two compilers are modelled, line for line:
// - 'old': the production compiler since 2026-08-18, frozen by PostHog in
//   products/actions/backend/selector_audit/_old_compiler.py;
// - 'new': the rewrite under review (PR #80653), frozen in _new_compiler.py beside it.
// A selector Goalpost sends must match its element under both.
//
// The regex text is built exactly as the Python builds it (same escaping as `re.escape`), so it can
// be compared with the Python's own output; `toRegExp` then runs it as ClickHouse does: with RE2
// (re2js, a port of RE2: linear time, RE2's classes) and `.` matching line breaks, as ClickHouse's
// `match()` sets it. A backtracking engine is not an option: the old compiler's chains of `.*?`
// take minutes on a long chain that almost matches.

import { RE2JS } from 're2js';

export type Compiler = 'old' | 'new';
export const COMPILERS: readonly Compiler[] = ['old', 'new'];

/** One compound of a parsed selector, innermost first, as the Python's `SelectorPart`. */
export interface SelectorPart {
  /** `part.data` in insertion order: tag_name, attr_id, attr_class__contains, nth_child, nth_of_type, attributes__attr__<key>. */
  data: Map<string, string | string[]>;
  /** `part.ch_attributes`: what the chain must carry as key="value" (attr_id, nth-child, plain attribute names). */
  chAttributes: Map<string, string>;
  directDescendant: boolean;
}

/** `Selector(selector, escape_slashes=False).parts`: compounds from the clicked element outwards. */
export function parseSelector(selector: string, compiler: Compiler): SelectorPart[] {
  const normalized = selector.replace(/> \* > /g, '').replace(/> \*/g, '').replace(/\\:/g, ':').trim();
  const tags = splitTokens(normalized).reverse();
  const parts: SelectorPart[] = [];
  for (const [index, tag] of tags.entries()) {
    if (tag === '>' || tag === '') continue;
    const directDescendant = index > 0 && tags[index - 1] === '>';
    parts.push(compiler === 'old' ? oldPart(tag, directDescendant) : newPart(tag, directDescendant));
  }
  return parts;
}

/** `Selector._split`: spaces split compounds, except inside `[...]` (quotes only guard the brackets). */
function splitTokens(selector: string): string[] {
  const tokens: string[] = [];
  let inAttribute = false;
  let quote: string | null = null;
  let part = '';
  for (const char of selector) {
    if (char === '[' && quote === null) inAttribute = true;
    if (char === ']' && quote === null) inAttribute = false;
    if (char === '"' || char === "'") {
      if (quote !== null) {
        if (quote === char) quote = null;
      } else {
        quote = char;
      }
    }
    if (char === ' ' && !inAttribute) {
      tokens.push(part);
      part = '';
    } else {
      part += char;
    }
  }
  tokens.push(part);
  return tokens;
}

// _old_compiler.py SELECTOR_ATTRIBUTE_REGEX: greedy, one attribute, letters-only tag before it.
const OLD_ATTRIBUTE = /([a-zA-Z]*)\[(.*)=['|"](.*)['|"]\]/;

/** _old_compiler.py `SelectorPart.__init__`. */
function oldPart(input: string, directDescendant: boolean): SelectorPart {
  const data = new Map<string, string | string[]>();
  const chAttributes = new Map<string, string>();
  let tag = input;
  const result = OLD_ATTRIBUTE.exec(tag);
  if (result && tag.includes('[id=')) {
    data.set('attr_id', result[3]!);
    chAttributes.set('attr_id', result[3]!);
    tag = result[1]!;
  }
  if (result && tag.includes('[')) {
    data.set(`attributes__attr__${result[2]}`, result[3]!);
    chAttributes.set(result[2]!, result[3]!);
    tag = result[1]!;
  }
  if (tag.includes('nth-child(')) {
    const pieces = tag.split(':nth-child(');
    // Python raises IndexError here ("a.nth-child(" without the colon): the step cannot compile.
    if (pieces.length < 2) throw new SelectorCompileError(`“${input}” has “nth-child(” without “:”`);
    const position = pieces[1]!.replaceAll(')', '');
    data.set('nth_child', position);
    chAttributes.set('nth-child', position);
    tag = pieces[0]!;
  }
  tag = classesAndId(tag, data, chAttributes);
  if (tag) data.set('tag_name', tag);
  return { data, chAttributes, directDescendant };
}

// _new_compiler.py: every attribute, quoted either way, and the positional pseudo-classes.
const NEW_ATTRIBUTE = /\[\s*([^\]\s=]+)\s*=\s*(['"])(.*?)\2\s*\]/g;
const NEW_POSITIONAL = /:(nth-child|nth-of-type)\((\d+)\)/g;

/** _new_compiler.py `SelectorPart.__init__`. */
function newPart(input: string, directDescendant: boolean): SelectorPart {
  const data = new Map<string, string | string[]>();
  const chAttributes = new Map<string, string>();
  let tag = input;
  const attributes = [...tag.matchAll(NEW_ATTRIBUTE)];
  for (const match of attributes) {
    const [, key, , value] = match as unknown as [string, string, string, string];
    if (key === 'id') {
      data.set('attr_id', value);
      chAttributes.set('attr_id', value);
    } else {
      data.set(`attributes__attr__${key}`, value);
      chAttributes.set(key, value);
    }
  }
  tag = excise(tag, attributes);
  const positions = [...tag.matchAll(NEW_POSITIONAL)];
  for (const match of positions) {
    const [, pseudo, position] = match as unknown as [string, string, string];
    data.set(pseudo === 'nth-child' ? 'nth_child' : 'nth_of_type', position);
    chAttributes.set(pseudo, position);
  }
  tag = excise(tag, positions);
  tag = classesAndId(tag, data, chAttributes);
  if (tag) data.set('tag_name', tag);
  return { data, chAttributes, directDescendant };
}

function excise(text: string, matches: RegExpMatchArray[]): string {
  let result = text;
  for (const match of [...matches].reverse()) result = result.slice(0, match.index) + result.slice(match.index! + match[0].length);
  return result;
}

/** The class and `#id` handling both compilers share; returns what is left as the tag. */
function classesAndId(input: string, data: SelectorPart['data'], chAttributes: SelectorPart['chAttributes']): string {
  let tag = input;
  if (tag.includes('.')) {
    // Dots not inside square brackets (Tailwind arbitrary values), as `re.split(r"\.(?![^\[]*\])", tag)`.
    const pieces = tag.split(/\.(?![^[]*\])/);
    data.set('attr_class__contains', pieces.slice(1));
    tag = pieces[0]!;
  }
  if (tag.includes('#')) {
    const pieces = tag.split('#');
    if (pieces.length > 1) {
      data.set('attr_id', pieces[1]!);
      chAttributes.set('attr_id', pieces[1]!);
    }
    tag = pieces[0]!;
  }
  return tag;
}

// The tail both compilers put after each compound, in the Python's text and in RE2 terms for JS.
const OLD_TAIL = String.raw`[^;]*?($|;|:([^;^\s]*(;|$|\s)))`;
const QUOTED_VALUE = String.raw`"(?:\\.|[^"])*"`;
const WITHIN_ELEMENT = String.raw`(?:[^;"]|${QUOTED_VALUE})*?`;
const WHOLE_ELEMENTS = String.raw`(?:(?:[^;"]|${QUOTED_VALUE})*;)*`;
const NEW_TAIL = String.raw`($|;|:([^;^\s]*(;|$|\s)))`;

/** `build_selector_regex` of the chosen compiler, as the exact text the Python returns. */
export function buildSelectorRegex(parts: SelectorPart[], compiler: Compiler): string {
  let regex = '';
  for (const [index, part] of parts.entries()) {
    if (compiler === 'new' && index > 0 && !part.directDescendant) regex += WHOLE_ELEMENTS;
    const tagName = part.data.get('tag_name');
    if (typeof tagName === 'string' && tagName && tagName !== '*') regex += pyEscape(tagName);
    const classes = part.data.get('attr_class__contains');
    if (Array.isArray(classes) && classes.length > 0) {
      const sorted = [...classes].sort(byCodePoint).map(pyEscape);
      regex += compiler === 'old'
        ? String.raw`.*?\.` + sorted.join(String.raw`\..*?`)
        : WITHIN_ELEMENT + String.raw`\.` + sorted.join(String.raw`\.` + WITHIN_ELEMENT);
    }
    if (part.chAttributes.size > 0) {
      if (compiler === 'old') {
        regex += '.*?';
        for (const [key, value] of [...part.chAttributes].sort(([a], [b]) => byCodePoint(a, b))) {
          regex += `${pyEscape(key)}="${pyEscape(chainEscapedValue(value))}".*?`;
        }
      } else {
        regex += WITHIN_ELEMENT;
        for (const [key, value] of [...part.chAttributes].sort(([a], [b]) => byCodePoint(chainAttributeOrder(a), chainAttributeOrder(b)))) {
          regex += `${pyEscape(key)}="${pyEscape(value)}"` + WITHIN_ELEMENT;
        }
      }
    }
    regex += compiler === 'old' ? OLD_TAIL : WITHIN_ELEMENT + NEW_TAIL;
    if (part.directDescendant) regex += '.*';
  }
  return regex ? `(^|;)${regex}` : '';
}

/** _old_compiler.py `_chain_escaped_value`: a quote in the value as the chain writes it (\"). */
export function chainEscapedValue(value: string): string {
  return value.replaceAll('\\"', '"').replaceAll('"', '\\"');
}

// _new_compiler.py `_chain_attribute_order`: keys the chain writes without the attr__ prefix.
const UNPREFIXED_CHAIN_ATTRIBUTES = new Set(['attr_id', 'href', 'text', 'nth-child', 'nth-of-type']);

export function chainAttributeOrder(key: string): string {
  return UNPREFIXED_CHAIN_ATTRIBUTES.has(key) ? key : `attr__${key}`;
}

/** Python's `re.escape` (3.7+): a backslash before ()[]{}?*+-|^$\.&~# and whitespace. */
export function pyEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (char) => `\\${char}`);
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The regex as ClickHouse's `match(elements_chain, regex)` runs it: RE2, `.` matching line breaks. */
export function toRegExp(pythonRegex: string): ChainRegex {
  return RE2JS.compile(pythonRegex, RE2JS.DOTALL);
}

export interface ChainRegex {
  /** Whether the pattern matches anywhere in the text. */
  test(text: string): boolean;
}

export class SelectorCompileError extends Error {}
