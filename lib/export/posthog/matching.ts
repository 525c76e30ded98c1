import { buildSelectorRegex, parseSelector, SelectorCompileError, toRegExp, type ChainRegex, type Compiler, type SelectorPart } from './compiler';

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
  /** Null when only the id check runs (the `#id` shortcut). */
  regex: ChainRegex | null;
  ids: string[];
  usefulTags: string[];
  /** Text the chain must contain for the regex to match (tags, classes, key="value"): a cheap first test. */
  literals: string[];
  /** Set when PostHog cannot compile the selector at all; such a step matches nothing. */
  error?: string;
}

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
  let parts: SelectorPart[];
  try {
    parts = parseSelector(selector, compiler);
  } catch (error) {
    return { compiler, selector, regexText: '', regex: null, ids: [], usefulTags: [], literals: [], error: compileMessage(error) };
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
      if (parts.length === 1 && part.data.size === 1) return { compiler, selector, regexText, regex: null, ids: [id], usefulTags: [], literals: [] };
      ids.push(id);
    }
  }
  try {
    return { compiler, selector, regexText, regex: toRegExp(regexText), ids, usefulTags, literals: literalsOf(parts, compiler) };
  } catch (error) {
    // ClickHouse refuses a pattern RE2 cannot compile: the step matches nothing.
    return { compiler, selector, regexText, regex: null, ids: [], usefulTags: [], literals: [], error: compileMessage(error) };
  }
}

/** Does the compiled step match the event whose `$elements_chain` is `chain`? */
export function stepMatches(step: CompiledStep, chain: string | ParsedChain): boolean {
  if (step.error) return false;
  const parsed = typeof chain === 'string' ? parseChain(chain) : chain;
  if (step.regex) {
    for (const literal of step.literals) if (!parsed.chain.includes(literal)) return false;
    if (!step.regex.test(parsed.chain)) return false;
  }
  for (const id of step.ids) if (!parsed.ids.includes(id)) return false;
  if (step.usefulTags.length > 0 && !step.usefulTags.some((tag) => parsed.elements.includes(tag))) return false;
  return true;
}

/**
 * Substrings every match of the compiled regex contains, read off the parts the way
 * `build_selector_regex` writes them: the tag, `.class`, and `key="value"` (the old compiler writes
 * a quote in the value as \", like the chain). Only a shortcut: the regex still decides.
 */
function literalsOf(parts: SelectorPart[], compiler: Compiler): string[] {
  const literals: string[] = [];
  for (const part of parts) {
    const tag = part.data.get('tag_name');
    if (typeof tag === 'string' && tag && tag !== '*') literals.push(tag);
    const classes = part.data.get('attr_class__contains');
    // Only the first class (in sorted order) is sure to follow a dot: `\.a\..*?b` in both compilers.
    if (Array.isArray(classes)) [...classes].sort().forEach((name, i) => literals.push(i === 0 ? `.${name}` : name));
    for (const [key, value] of part.chAttributes) {
      const written = compiler === 'old' ? value.replaceAll('\\"', '"').replaceAll('"', '\\"') : value;
      literals.push(`${key}="${written}"`);
    }
  }
  return literals;
}

/** `selectorMatches(selector, chain, compiler)` in one call, for tests and one-off checks. */
export function selectorMatches(selector: string, chain: string, compiler: Compiler): boolean {
  return stepMatches(compileStep(selector, compiler), chain);
}

/**
 * The materialized columns ClickHouse derives from `elements_chain` (posthog/clickhouse schema):
 * `elements_chain_ids` = extractAll(elements_chain, '(?::|")attr_id="(.*?)"'),
 * `elements_chain_elements` = extractAll(elements_chain, '(?:^|;)(a|button|form|input|select|textarea|label)(?:\.|$|:)').
 */
export function parseChain(chain: string): ParsedChain {
  const ids = [...chain.matchAll(/(?::|")attr_id="(.*?)"/gs)].map((match) => match[1]!);
  const elements = [...chain.matchAll(/(?:^|;)(a|button|form|input|select|textarea|label)(?:\.|$|:)/g)].map((match) => match[1]!);
  return { chain, ids: [...new Set(ids)], elements: [...new Set(elements)] };
}

function compileMessage(error: unknown): string {
  if (error instanceof SelectorCompileError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export interface ParsedChain {
  chain: string;
  ids: string[];
  elements: string[];
}
