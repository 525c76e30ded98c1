import { byCodePoint, chainAttributeOrder, chainEscapedValue, type Compiler, type SelectorPart } from './compiler';

// The regex `build_selector_regex` writes, run without a regex engine (issue 12). The regex is a
// plain sequence of a handful of pieces, so a match can be decided by carrying the set of chain
// positions the regex may have reached from piece to piece (Thompson's simulation, with each piece's
// own small automaton): exact, linear in the chain, and with nothing to compile. RE2 (re2js) needs
// milliseconds to compile each new selector, which the twin search in the page cannot afford for the
// hundreds of candidates it tries; the RE2 run stays the reference (compiler.test.ts checks both
// agree on PostHog's golden verdicts and on generated selectors and chains).
//
// The pieces, as the Python writes them (_old_compiler.py / _new_compiler.py, `build_selector_regex`):
//   start    `(^|;)`                      the match begins at the chain's start or after any `;`
//   literal  `re.escape(text)`            the text itself
//   any      `.*?` and `.*` (DOTALL)      any run of characters
//   notSemi  `[^;]*?`                     any run without `;`
//   within   `(?:[^;"]|"(?:\\.|[^"])*")*?` any run inside one element (quoted values skipped whole)
//   whole    `(?:(?:[^;"]|"…")*;)*`       whole elements, ending right after a `;`
//   tailEnd  `($|;|:([^;^\s]*(;|$|\s)))`  the end of the chain, a `;`, or a `:…` run up to `;`/end/space

export type Piece =
  | { kind: 'literal'; text: string }
  | { kind: 'start' | 'any' | 'notSemi' | 'within' | 'whole' | 'tailEnd' };

/** The pieces of `build_selector_regex(parts)` for the compiler, in the regex's order. */
export function piecesOf(parts: SelectorPart[], compiler: Compiler): Piece[] {
  const pieces: Piece[] = [];
  const add = (kind: Exclude<Piece['kind'], 'literal'>) => pieces.push({ kind });
  const literal = (text: string) => pieces.push({ kind: 'literal', text });
  for (const [index, part] of parts.entries()) {
    if (compiler === 'new' && index > 0 && !part.directDescendant) add('whole');
    const tag = part.data.get('tag_name');
    if (typeof tag === 'string' && tag && tag !== '*') literal(tag);
    const classes = part.data.get('attr_class__contains');
    if (Array.isArray(classes) && classes.length > 0) {
      // old `.*?\.c1\..*?c2`, new `W\.c1\.Wc2`: a dot before the first class, one after each but the last.
      const sorted = [...classes].sort(byCodePoint);
      for (const [i, name] of sorted.entries()) {
        add(compiler === 'old' ? 'any' : 'within');
        literal(`${i === 0 ? '.' : ''}${name}${i < sorted.length - 1 ? '.' : ''}`);
      }
    }
    if (part.chAttributes.size > 0) {
      const order = compiler === 'old' ? (key: string) => key : chainAttributeOrder;
      const filler = compiler === 'old' ? 'any' : 'within';
      add(filler);
      for (const [key, value] of [...part.chAttributes].sort(([a], [b]) => byCodePoint(order(a), order(b)))) {
        literal(`${key}="${compiler === 'old' ? chainEscapedValue(value) : value}"`);
        add(filler);
      }
    }
    add(compiler === 'old' ? 'notSemi' : 'within');
    add('tailEnd');
    if (part.directDescendant) add('any');
  }
  // An empty regex ('') matches every chain: no pieces, no start.
  return pieces.length > 0 ? [{ kind: 'start' }, ...merge(pieces)] : [];
}

/** Adjacent literals joined, repeated runs of `any` folded: the same language, fewer steps. */
function merge(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last?.kind === 'literal' && piece.kind === 'literal') {
      out[out.length - 1] = { kind: 'literal', text: last.text + piece.text };
    } else if (last?.kind === 'any' && piece.kind === 'any') {
      continue;
    } else {
      out.push(piece);
    }
  }
  return out;
}

/** Whether the regex the pieces stand for matches somewhere in `chain` (RE2 `match`, DOTALL). */
export function piecesMatch(pieces: Piece[], chain: string): boolean {
  if (pieces.length === 0) return true;
  let set: Positions = [];
  for (const piece of pieces) {
    set = step(piece, set, chain);
    if (set.length === 0) return false;
  }
  return true;
}

/** Positions as sorted, disjoint, inclusive [from, to] ranges (positions 0…length). */
type Positions = number[];

function step(piece: Piece, set: Positions, chain: string): Positions {
  switch (piece.kind) {
    case 'start':
      return starts(chain);
    case 'literal':
      return literalStep(piece.text, set, chain);
    case 'any':
      return [set[0]!, chain.length];
    case 'notSemi':
      return notSemi(set, chain);
    case 'within':
      return scan(set, chain, false);
    case 'whole':
      return scan(set, chain, true);
    case 'tailEnd':
      return tailEnd(set, chain);
  }
}

/** `(^|;)`: position 0, and right after every `;` (quoted or not: the regex does not know quotes). */
function starts(chain: string): Positions {
  const out = new RangeBuilder();
  out.add(0);
  for (let i = chain.indexOf(';'); i >= 0; i = chain.indexOf(';', i + 1)) out.add(i + 1);
  return out.ranges;
}

function literalStep(text: string, set: Positions, chain: string): Positions {
  const out = new RangeBuilder();
  for (let r = 0; r < set.length; r += 2) {
    const to = set[r + 1]!;
    for (let i = chain.indexOf(text, set[r]!); i >= 0 && i <= to; i = chain.indexOf(text, i + 1)) out.add(i + text.length);
  }
  return out.ranges;
}

/** `[^;]*?`: from each position up to the next `;` (not consumed). */
function notSemi(set: Positions, chain: string): Positions {
  const out = new RangeBuilder();
  for (let r = 0; r < set.length; r += 2) {
    const semi = chain.indexOf(';', set[r + 1]!);
    out.addRange(set[r]!, semi < 0 ? chain.length : semi);
  }
  return out.ranges;
}

/**
 * `within` (`(?:[^;"]|"(?:\\.|[^"])*")*?`) and, with `whole`, `(?:(?:[^;"]|"(?:\\.|[^"])*")*;)*`:
 * a two-state automaton (outside or inside a quoted value) swept once from the first position.
 * Inside a value a backslash either stands alone (`[^"]`) or takes the next character with it
 * (`\\.`), so both are followed. `within` yields every position reached outside a value; `whole`
 * only the positions it started from and those right after a `;` reached outside a value.
 */
function scan(set: Positions, chain: string, whole: boolean): Positions {
  const length = chain.length;
  const out = new RangeBuilder();
  const outside = buffer(0, length + 3);
  const inside = buffer(1, length + 3);
  const from = set[0]!;
  let last = from; // highest position with a live state
  let r = 0;
  for (let i = from; i <= length; i++) {
    // Seeds: the positions the piece starts from.
    while (r < set.length && set[r + 1]! < i) r += 2;
    const seeded = r < set.length && set[r]! <= i && i <= set[r + 1]!;
    const isOutside = seeded || outside[i] === 1;
    const isInside = inside[i] === 1;
    outside[i] = 0;
    inside[i] = 0;
    if (!isOutside && !isInside) {
      if (i > last && r >= set.length) break;
      if (i > last) {
        i = set[r]! - 1; // jump to the next seed
        continue;
      }
      continue;
    }
    if (isOutside && (!whole || seeded)) out.add(i);
    if (i === length) continue;
    const char = chain.charCodeAt(i);
    if (isOutside) {
      if (char === SEMICOLON) {
        if (whole) {
          out.add(i + 1);
          outside[i + 1] = 1;
          last = Math.max(last, i + 1);
        }
      } else if (char === QUOTE) {
        inside[i + 1] = 1;
        last = Math.max(last, i + 1);
      } else {
        outside[i + 1] = 1;
        last = Math.max(last, i + 1);
      }
    }
    if (isInside) {
      if (char === QUOTE) {
        outside[i + 1] = 1;
      } else {
        inside[i + 1] = 1;
        if (char === BACKSLASH && i + 1 < length) inside[i + 2] = 1;
      }
      last = Math.max(last, char === BACKSLASH ? i + 2 : i + 1);
    }
  }
  return out.ranges;
}

/** `($|;|:([^;^\s]*(;|$|\s)))`, RE2's `\s` being [\t\n\f\r ]: only `;`, `:` and the end can start it. */
function tailEnd(set: Positions, chain: string): Positions {
  const length = chain.length;
  const out = new RangeBuilder();
  const ends: number[] = [];
  // Every `:` inside one `[^;^\s]` run ends where the run ends: scan each run once.
  let runEnd = -1;
  let semi = chain.indexOf(';', set[0]!);
  let colon = chain.indexOf(':', set[0]!);
  for (let r = 0; r < set.length; r += 2) {
    const from = set[r]!;
    const to = Math.min(set[r + 1]!, length);
    if (semi >= 0 && semi < from) semi = chain.indexOf(';', from);
    if (colon >= 0 && colon < from) colon = chain.indexOf(':', from);
    while (semi >= 0 && semi <= to) {
      ends.push(semi + 1);
      semi = chain.indexOf(';', semi + 1);
    }
    while (colon >= 0 && colon <= to) {
      if (runEnd <= colon) {
        runEnd = colon + 1;
        while (runEnd < length && !runStop(chain.charCodeAt(runEnd))) runEnd++;
      }
      if (runEnd === length) ends.push(length);
      else if (chain.charCodeAt(runEnd) !== CARET) ends.push(runEnd + 1);
      colon = chain.indexOf(':', colon + 1);
    }
    if (to === length) ends.push(length);
  }
  ends.sort((a, b) => a - b);
  for (const end of ends) out.add(end);
  return out.ranges;
}

function runStop(char: number): boolean {
  return char === SEMICOLON || char === CARET || char === 0x20 || (char >= 0x09 && char <= 0x0d && char !== 0x0b);
}

const SEMICOLON = 0x3b;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const CARET = 0x5e;

/** Ranges built from positions and ranges given in increasing order of their starts. */
class RangeBuilder {
  readonly ranges: Positions = [];

  add(position: number): void {
    this.addRange(position, position);
  }

  addRange(from: number, to: number): void {
    const ranges = this.ranges;
    const last = ranges.length - 1;
    if (last > 0 && from <= ranges[last]! + 1) {
      if (to > ranges[last]!) ranges[last] = to;
      return;
    }
    ranges.push(from, to);
  }
}

/** Two scratch buffers reused across scans (zeroed as they are read). */
const buffers: Uint8Array[] = [new Uint8Array(1024), new Uint8Array(1024)];

function buffer(which: 0 | 1, size: number): Uint8Array {
  if (buffers[which]!.length < size) buffers[which] = new Uint8Array(size * 2);
  return buffers[which]!;
}
