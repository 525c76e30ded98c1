import { validateSelector } from '@/lib/selector';

// A selector the user types is checked as they type (PRODUCT.md §2, issue 15 "plain errors"): every
// refusal says what is wrong in words, points at the character (`at`), and offers repairs of the
// typing mistake. The panel proves repairs on the page (lib/panel/working-selector.ts) before it
// proposes them. The browser's own message ("Failed to execute 'querySelectorAll'…") is never shown.

/** A document of our own: selectors are tried in it, never in the panel's DOM. */
let scratch: Document | undefined;

function scratchDocument(doc?: Document): Document {
  scratch ??= (doc ?? document).implementation.createHTMLDocument('');
  return scratch;
}

/** Checks a typed selector; on refusal, the problem in words, where it is, and repairs to try. */
export function checkSelector(text: string, doc?: Document): SelectorCheck {
  if (text.trim() === '') return { ok: false, message: 'Type a CSS selector, for example button.buy or [data-testid="buy"].', at: null, repairs: [] };
  const scratchDoc = scratchDocument(doc);
  const result = validateSelector(text, scratchDoc);
  if (result.ok) return { ok: true };
  if (result.position !== undefined) {
    // An escape: the engine words it already (character, position, rewrite when there is one). The
    // browser reads the escape, so the page can show what it was meant to match.
    const at = { start: result.position, end: result.position + escapeLength(text, result.position) };
    return { ok: false, message: result.message, at, repairs: [], intended: text, ...(result.suggestion ? { suggestion: result.suggestion } : {}) };
  }
  const unknown = /^(::?[\w-]+) is not a CSS pseudo/.exec(result.message);
  if (unknown) return unknownPseudo(text, unknown[1]!);
  return syntaxProblem(text, scratchDoc) ?? { ok: false, message: 'The browser cannot read this selector. Check its brackets, quotes and punctuation.', at: null, repairs: [] };
}

/**
 * `:hovr`, or a class with a colon typed without its escape (Tailwind's `.md:flex` reads as the
 * class `md` plus an unknown `:flex`): said so, and the escaped form finds what was meant on the page.
 */
function unknownPseudo(text: string, pseudo: string): Refusal {
  const start = text.indexOf(pseudo);
  const glued = /([.#])([\w-]+)$/.exec(text.slice(0, start));
  if (start > 0 && glued) {
    const nameStart = start - glued[2]!.length - 1;
    const end = start + pseudo.length;
    const name = `${glued[2]}${pseudo}`;
    const escaped = `${text.slice(0, nameStart)}${glued[1]}${glued[2]}${pseudo.replace(/:/g, '\\:')}${text.slice(end)}`;
    return {
      ok: false,
      message: `${glued[1]}${name} reads as “${glued[1]}${glued[2]}” followed by ${pseudo}, which browsers do not know. If ${name} is one ${glued[1] === '.' ? 'class' : 'id'} name: tracking tools cannot read a colon in a name, so use another selector for these elements.`,
      at: { start: nameStart, end },
      repairs: [],
      intended: escaped,
    };
  }
  return {
    ok: false,
    message: `${pseudo} is not something browsers know (a typo?). Pseudo-classes are words like :hover or :nth-child(2).`,
    at: start === -1 ? null : { start, end: start + pseudo.length },
    repairs: [],
  };
}

/** Length of the escape starting at `at`: a backslash and up to six hex digits (and a space), or one character. */
function escapeLength(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && end < at + 7 && /[0-9a-f]/i.test(text[end]!)) end++;
  if (end > at + 1) return (text[end] === ' ' ? end + 1 : end) - at;
  const next = text.codePointAt(at + 1);
  return next === undefined ? 1 : 1 + String.fromCodePoint(next).length;
}

/** Typing mistakes found by reading the text as CSS does: quotes, brackets, combinators, names, stray characters. */
function syntaxProblem(text: string, doc: Document): Refusal | null {
  const stack: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote.char) quote = null;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = { char, at: i };
      continue;
    }
    if (char === '[' || char === '(') {
      stack.push({ char, at: i });
      continue;
    }
    if (char === ']' || char === ')') {
      const open = stack.pop();
      const wanted = char === ']' ? '[' : '(';
      if (!open || open.char !== wanted) {
        return refusal(`“${char}” at character ${i + 1} closes nothing: there is no “${wanted}” before it.`, i, i + 1, [text.slice(0, i) + text.slice(i + 1)]);
      }
      if (char === ']') {
        const problem = attributeProblem(text, open.at, i);
        if (problem) return problem;
      }
      continue;
    }
    if (stack.length > 0) continue;
    const outside = outsideProblem(text, i);
    if (outside) return outside;
  }
  if (quote) {
    const closers = stack.map((open) => (open.char === '[' ? ']' : ')')).reverse().join('');
    return refusal(`The quote at character ${quote.at + 1} is never closed: add ${quote.char} after the value.`, quote.at, quote.at + 1, [`${text}${quote.char}${closers}`]);
  }
  const open = stack.at(-1);
  if (open) {
    const closer = open.char === '[' ? ']' : ')';
    const what = open.char === '[' ? 'The attribute test' : 'The bracket';
    const repaired = `${text}${stack.map((item) => (item.char === '[' ? ']' : ')')).reverse().join('')}`;
    return refusal(`${what} opened at character ${open.at + 1} (“${open.char}”) is never closed: add “${closer}”.`, open.at, open.at + 1, [quoteAttributeValues(repaired)]);
  }
  return firstUnreadable(text, doc);
}

/** `[name=value]`: an unquoted value that is not a plain word needs quotes; an empty test needs a name. */
function attributeProblem(text: string, open: number, close: number): Refusal | null {
  const inside = text.slice(open + 1, close);
  if (inside.trim() === '') return refusal(`The brackets at character ${open + 1} are empty: write an attribute inside, like [name] or [name="value"].`, open, close + 1, []);
  const match = /^\s*([^\s~|^$*=]+)\s*([~|^$*]?=)\s*(.*?)\s*$/.exec(inside);
  if (!match) return null;
  const [, name, operator, value] = match;
  if (value === '' ) return refusal(`[${name}${operator}] at character ${open + 1} has no value after “${operator}”: add one in quotes.`, open, close + 1, [`${text.slice(0, open)}[${name}]${text.slice(close + 1)}`]);
  if (/^["']/.test(value!) || /^-?[A-Za-z_][\w-]*(\s+[is])?$/.test(value!)) return null;
  const start = open + 1 + inside.indexOf(value!, name!.length);
  const fixed = `${text.slice(0, open)}[${name}${operator}"${value!.replace(/"/g, "'")}"]${text.slice(close + 1)}`;
  return refusal(`The value ${value} of [${name}] needs quotes around it: [${name}${operator}"${value}"].`, start, start + value!.length, [fixed]);
}

/** Problems outside brackets at `i`: combinators and commas with nothing on one side, bad names, stray characters. */
function outsideProblem(text: string, i: number): Refusal | null {
  const char = text[i]!;
  if (char === '>' || char === '+' || char === '~' || char === ',') {
    const before = text.slice(0, i).trim();
    const after = text.slice(i + 1).trim();
    const name = char === ',' ? 'The comma' : `“${char}”`;
    const removed = (text.slice(0, i) + text.slice(i + 1)).replace(/\s+/g, ' ').trim();
    if (before === '' || /[>+~,]$/.test(before)) return refusal(`${name} at character ${i + 1} has no element before it.`, i, i + 1, [removed]);
    if (after === '' || (char !== ',' && /^[>+~,]/.test(after)) || (char === ',' && /^,/.test(after))) {
      return refusal(`${name} at character ${i + 1} has no element after it.`, i, i + 1, [removed]);
    }
    return null;
  }
  if (char === '.' || char === '#') {
    const name = /^[^\s.#[\]():>+~,]*/.exec(text.slice(i + 1))![0];
    const what = char === '.' ? 'class' : 'id';
    if (name === '') return refusal(`The “${char}” at character ${i + 1} needs ${what === 'class' ? 'a class' : 'an id'} name right after it.`, i, i + 1, [(text.slice(0, i) + text.slice(i + 1)).trim()]);
    // The same name as an attribute test reads fine in a browser: it finds what was meant on the page.
    const meant = text.slice(0, i) + (char === '.' ? `[class~="${name}"]` : `[id="${name}"]`) + text.slice(i + 1 + name.length);
    if (/^-?\d/.test(name) || /^--/.test(name)) {
      const start = /^-?\d/.test(name) && name.startsWith('-') ? 'a hyphen and a digit' : /^-/.test(name) ? 'two hyphens' : 'a digit';
      // An id is portable as [id="…"]; a class has no portable spelling but its elements may have another.
      const repairs = char === '#' ? [meant] : [];
      return { ...refusal(`${char}${name} at character ${i + 1}: in a selector, ${what === 'class' ? 'a class' : 'an id'} name cannot start with ${start}.`, i, i + 1 + name.length, repairs), intended: meant };
    }
    const bad = /[^\w-]/.exec(name);
    if (bad && !/[^\x00-\x7f]/.test(bad[0])) {
      const at = i + 1 + bad.index;
      const repairs = char === '#' ? [meant] : [];
      return { ...refusal(`“${bad[0]}” at character ${at + 1} cannot be part of ${what === 'class' ? 'a class' : 'an id'} name in a selector.`, at, at + 1, repairs), intended: meant };
    }
    return null;
  }
  if (/[!@$%^&;{}`=<?/|]/.test(char)) {
    return refusal(`“${char}” at character ${i + 1} cannot be used there in a selector.`, i, i + 1, [(text.slice(0, i) + text.slice(i + 1)).trim()]);
  }
  return null;
}

/**
 * When no rule above names the mistake: the first character from which the text can no longer
 * become a selector the browser reads, found by trying to complete each prefix.
 */
function firstUnreadable(text: string, doc: Document): Refusal | null {
  const fragment = doc.createDocumentFragment();
  const readable = (candidate: string) => {
    try {
      fragment.querySelector(candidate);
      return true;
    } catch {
      return false;
    }
  };
  if (readable(text)) return null;
  for (let end = 1; end <= text.length; end++) {
    const prefix = text.slice(0, end);
    // Inside a pseudo-class's name any letters may follow; that name is checked on its own.
    if (/::?[\w-]*$/.test(prefix)) continue;
    if (COMPLETIONS.some((completion) => readable(prefix + completion))) continue;
    const char = text[end - 1]!;
    return refusal(`The selector stops making sense at character ${end} (“${char}”): check for a typo there.`, end - 1, end, []);
  }
  return refusal('The selector is not finished: something is missing at its end.', Math.max(0, text.length - 1), text.length, []);
}

/** What may follow a prefix of a valid selector, enough to tell "unfinished" from "wrong". */
const COMPLETIONS = ['', 'a', ' a', ']', 'a]', '"]', "']", 'a"]', "a']", '="a"]', ')', 'a)', '1)', 'n)', 'a"])', '])'];

/** Puts quotes around unquoted attribute values that need them, for a repair. */
function quoteAttributeValues(text: string): string {
  return text.replace(/\[\s*([^\s~|^$*=\]]+)\s*([~|^$*]?=)\s*([^"'\]\s][^\]]*?)\s*\]/g, (whole, name: string, operator: string, value: string) =>
    /^-?[A-Za-z_][\w-]*$/.test(value) ? whole : `[${name}${operator}"${value}"]`);
}

function refusal(message: string, start: number, end: number, repairs: string[]): Refusal {
  return { ok: false, message, at: { start, end }, repairs: repairs.filter((repair) => repair.trim() !== '') };
}

type Refusal = Extract<SelectorCheck, { ok: false }>;

export type SelectorCheck =
  | { ok: true }
  | {
      ok: false;
      /** What is wrong, in words. */
      message: string;
      /** The characters to mark in the field (`end` exclusive), when the problem has a place. */
      at: { start: number; end: number } | null;
      /** Corrected selectors to try on the page; only those that match something are proposed. */
      repairs: string[];
      /** A rewrite that needs no page (an escaped id as `[id="…"]`), shown even without one. */
      suggestion?: string;
      /**
       * What the user meant, in a form the browser reads (escapes, `[class~=…]`): finds the elements
       * on the page, for which the page agent then proposes portable selectors.
       */
      intended?: string;
    };
