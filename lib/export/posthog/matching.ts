import { piecesMatch, piecesOf, type Piece } from './automaton';
import { chainHref, chainTexts } from './filters';
import { buildSelectorRegex, byCodePoint, chainAttributeOrder, chainEscapedValue, parseSelector, SelectorCompileError, toRegExp, type ChainRegex, type Compiler, type SelectorPart } from './compiler';

// What PostHog does with a step's selector (issue 12), as `selector_to_expr` in PostHog/posthog
// posthog/hogql/property.py: the compiled regex must match `elements_chain`, AND every `attr_id`
// of the selector must be among `elements_chain_ids`, AND (when the selector names a "useful" tag)
// one such tag must be among `elements_chain_elements`. A selector that is a single `#id` and
// nothing else skips the regex: only the id check runs.

/** `Element.USEFUL_ELEMENTS` (posthog/models/element/element.py). */
const USEFUL_ELEMENTS = new Set(['a', 'button', 'input', 'select', 'textarea', 'label']);

/** A step selector compiled once, to test against many chains. */
export interface CompiledStep {
  compiler: Compiler;
  selector: string;
  /** `build_selector_regex`'s text, exactly as the Python writes it ('' matches everything). */
  regexText: string;
  /** The regex as pieces run without a regex engine (automaton.ts); null when only the id check runs (the `#id` shortcut). */
  pieces: Piece[] | null;
  /** The regex as ClickHouse runs it (RE2), compiled on first use: the reference the pieces are tested against. */
  regex: () => ChainRegex | null;
  ids: string[];
  usefulTags: string[];
  /**
   * Text the chain must contain, in this order, for the regex to match (tags, classes,
   * key="value"): a cheap first test, since the regex consumes them left to right.
   */
  literals: string[];
  /** Set when PostHog cannot compile the selector at all; such a step matches nothing. */
  error?: string;
}

/** How many chain tests reached the regex (past the literal shortcut): the twin search's measure of work. */
export const regexRuns = { count: 0 };

/** Compiled steps by compiler and selector: the same selector is judged against many chains. */
const CACHE = new Map<string, CompiledStep>();
const CACHE_SIZE = 5000;

export function compileStep(selector: string, compiler: Compiler): CompiledStep {
  const key = `${compiler}\u0000${selector}`;
  const known = CACHE.get(key);
  if (known) return known;
  const step = compileUncached(selector, compiler);
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value!);
  CACHE.set(key, step);
  return step;
}

function compileUncached(selector: string, compiler: Compiler): CompiledStep {
  const none = () => null;
  let parts: SelectorPart[];
  try {
    parts = parseSelector(selector, compiler);
  } catch (error) {
    return { compiler, selector, regexText: '', pieces: null, regex: none, ids: [], usefulTags: [], literals: [], error: compileMessage(error) };
  }
  const regexText = buildSelectorRegex(parts, compiler);
  const ids: string[] = [];
  const usefulTags: string[] = [];
  for (const part of parts) {
    const tag = part.data.get('tag_name');
    if (typeof tag === 'string' && USEFUL_ELEMENTS.has(tag)) usefulTags.push(tag);
    const id = part.data.get('attr_id');
    if (typeof id === 'string') {
      // "OPTIMIZATION: if there's only one selector part and that only filters on an ID …"
      if (parts.length === 1 && part.data.size === 1) return { compiler, selector, regexText, pieces: null, regex: none, ids: [id], usefulTags: [], literals: [] };
      ids.push(id);
    }
  }
  let compiled: ChainRegex | undefined;
  const regex = () => (compiled ??= toRegExp(regexText));
  return { compiler, selector, regexText, pieces: piecesOf(parts, compiler), regex, ids, usefulTags, literals: literalsOf(parts, compiler) };
}

/**
 * Does the compiled step match the event whose `$elements_chain` is `chain`? `engine: 're2'` runs
 * the regex with RE2 as ClickHouse does (slow to compile: for tests and spot checks); the default
 * runs the same regex as pieces (automaton.ts).
 */
export function stepMatches(step: CompiledStep, chain: string | ParsedChain, engine: 'pieces' | 're2' = 'pieces'): boolean {
  if (step.error) return false;
  const parsed = typeof chain === 'string' ? parseChain(chain) : chain;
  if (step.pieces) {
    let from = 0;
    for (const literal of step.literals) {
      const at = parsed.chain.indexOf(literal, from);
      if (at < 0) return false;
      from = at + literal.length;
    }
    regexRuns.count++;
    if (engine === 're2' ? !step.regex()!.test(parsed.chain) : !piecesMatch(step.pieces, parsed.chain)) return false;
  }
  for (const id of step.ids) if (!parsed.ids.includes(id)) return false;
  if (step.usefulTags.length > 0 && !step.usefulTags.some((tag) => parsed.elements.includes(tag))) return false;
  return true;
}

/**
 * The literal pieces of the compiled regex, in the order it consumes them, read off the parts the
 * way `build_selector_regex` writes them: the tag; `\.c1\.…c2\.…c3` for the sorted classes; each
 * `key="value"` in the compiler's key order (the old compiler writes a quote in the value as \", like
 * the chain). Only a shortcut: the regex still decides.
 */
function literalsOf(parts: SelectorPart[], compiler: Compiler): string[] {
  const literals: string[] = [];
  for (const part of parts) {
    const tag = part.data.get('tag_name');
    if (typeof tag === 'string' && tag && tag !== '*') literals.push(tag);
    const classes = part.data.get('attr_class__contains');
    if (Array.isArray(classes) && classes.length > 0) {
      const sorted = [...classes].sort(byCodePoint);
      sorted.forEach((name, i) => literals.push(`${i === 0 ? '.' : ''}${name}${i < sorted.length - 1 ? '.' : ''}`));
    }
    const order = compiler === 'old' ? (key: string) => key : chainAttributeOrder;
    const entries = [...part.chAttributes].sort(([a], [b]) => byCodePoint(order(a), order(b)));
    for (const [key, value] of entries) literals.push(`${key}="${compiler === 'old' ? chainEscapedValue(value) : value}"`);
  }
  return literals;
}

/** `selectorMatches(selector, chain, compiler)` in one call, for tests and one-off checks. */
export function selectorMatches(selector: string, chain: string, compiler: Compiler, engine: 'pieces' | 're2' = 'pieces'): boolean {
  return stepMatches(compileStep(selector, compiler), chain, engine);
}

/**
 * The materialized columns ClickHouse derives from `elements_chain` (posthog/clickhouse schema):
 * `elements_chain_ids` = extractAll(elements_chain, '(?::|")attr_id="(.*?)"'),
 * `elements_chain_elements` = extractAll(elements_chain, '(?:^|;)(a|button|form|input|select|textarea|label)(?:\.|$|:)'),
 * and `elements_chain_href` / `elements_chain_texts`, which the step's other filters read (filters.ts).
 */
export function parseChain(chain: string): ParsedChain {
  return { chain, ids: chainIds(chain), elements: chainElements(chain), href: chainHref(chain), texts: chainTexts(chain) };
}

/** extractAll(chain, '(?::|")attr_id="(.*?)"') (DOTALL), distinct: successive, non-overlapping matches. */
function chainIds(chain: string): string[] {
  const ids = new Set<string>();
  const key = 'attr_id="';
  let from = 0; // where the next match may begin (the previous one consumed up to here)
  for (let at = chain.indexOf(key, 1); at >= 0; at = chain.indexOf(key, at + 1)) {
    const before = chain[at - 1];
    if (at - 1 < from || (before !== ':' && before !== '"')) continue;
    const end = chain.indexOf('"', at + key.length);
    if (end < 0) break;
    ids.add(chain.slice(at + key.length, end));
    from = end + 1;
    at = end;
  }
  return [...ids];
}

const USEFUL_IN_CHAIN = ['a', 'button', 'form', 'input', 'select', 'textarea', 'label'];

/** extractAll(chain, '(?:^|;)(a|button|form|input|select|textarea|label)(?:\.|$|:)'), distinct. */
function chainElements(chain: string): string[] {
  const found = new Set<string>();
  const starts = [0];
  for (let semi = chain.indexOf(';'); semi >= 0; semi = chain.indexOf(';', semi + 1)) starts.push(semi + 1);
  for (const start of starts) {
    for (const tag of USEFUL_IN_CHAIN) {
      if (!chain.startsWith(tag, start)) continue;
      const next = chain[start + tag.length];
      if (next === undefined || next === '.' || next === ':') found.add(tag);
    }
  }
  return [...found];
}

function compileMessage(error: unknown): string {
  if (error instanceof SelectorCompileError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export interface ParsedChain {
  chain: string;
  ids: string[];
  elements: string[];
  /** `elements_chain_href`. */
  href: string;
  /** `elements_chain_texts`. */
  texts: string[];
}
