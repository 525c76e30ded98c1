import { RE2JS } from 're2js';
import { toRegExp, type ChainRegex } from './compiler';

// The other filters of a PostHog action step, matched beside its selector (issue 12). From
// PostHog/posthog posthog/hogql/property.py `action_to_expr`, for an `$autocapture` step:
// - `href`: compared with the materialized column `elements_chain_href`
//   = extract(elements_chain, '(?::|")href="(.*?)"'): the FIRST `href="…"` of the chain, i.e. the
//   clicked element's own (posthog-js writes the enclosing link's href on the target) or else the
//   nearest ancestor's that has one; `attr__href` never counts (its `href` follows `_`).
//   `href_matching`: 'regex' → match(); 'contains' → ILIKE '%href%'; anything else → equality.
// - `text`: arrayExists over `elements_chain_texts`
//   = arrayDistinct(extractAll(elements_chain, '(?::|")text="(.*?)"')): ANY element of the chain
//   carrying that text (the target, and links, buttons, form fields above it).
//   `text_matching`: 'regex' → `=~`; 'contains' → ILIKE '%text%'; else equality.
// - `tag_name`: elements_chain =~ '(^|;){tag_name}(\.|$|;|:)', the name unescaped: ANY element of
//   the chain with that tag.
// - `url` (when non-empty): `properties.$current_url`; `url_matching` 'exact' → equality, 'regex' →
//   match(), else LIKE '%url%' (case-sensitive). The same for every click of one page.
// Values are read off the chain string as written, escapes included: a value holding `"` is written
// `\"` there and the column stops before it, so a filter is only ever derived from the chain itself.

/** Characters of a filter value the panel shows. */
const SHOWN = 60;

export type StringMatching = 'exact' | 'contains' | 'regex';

/** An action step's filters other than the selector, as PostHog's API names them. */
export interface StepFilters {
  href?: string;
  href_matching?: StringMatching;
  text?: string;
  text_matching?: StringMatching;
  tag_name?: string;
  url?: string;
  url_matching?: StringMatching;
}

/** `elements_chain_href`: '' when no element of the chain has one. */
export function chainHref(chain: string): string {
  return /(?::|")href="([\s\S]*?)"/.exec(chain)?.[1] ?? '';
}

/** `elements_chain_texts`: every `text="…"` of the chain, distinct, in order. */
export function chainTexts(chain: string): string[] {
  const texts = new Set<string>();
  for (const match of chain.matchAll(/(?::|")text="([\s\S]*?)"/g)) texts.add(match[1]!);
  return [...texts];
}

export interface FilterTarget {
  chain: string;
  href: string;
  texts: string[];
}

/** Whether the step's href, text and tag_name filters all hold for a chain (the URL is the page's: see `urlMatches`). */
export function filtersMatch(filters: StepFilters | undefined, target: FilterTarget): boolean {
  if (!filters) return true;
  if (filters.href !== undefined && !stringMatches(target.href, filters.href, filters.href_matching)) return false;
  if (filters.text !== undefined) {
    const text = filters.text;
    if (!target.texts.some((value) => stringMatches(value, text, filters.text_matching))) return false;
  }
  if (filters.tag_name !== undefined && !regexOf(`(^|;)${filters.tag_name}(\\.|$|;|:)`).test(target.chain)) return false;
  return true;
}

/** The step's `url` filter against the event's `$current_url` (an empty url is no filter). */
export function urlMatches(filters: StepFilters | undefined, currentUrl: string): boolean {
  if (!filters?.url) return true;
  if (filters.url_matching === 'exact') return currentUrl === filters.url;
  if (filters.url_matching === 'regex') return regexOf(filters.url).test(currentUrl);
  return likeRegex(`%${filters.url}%`, false).test(currentUrl);
}

/** An href or text filter: 'contains' is ILIKE there (the URL's, case-sensitive LIKE, is `urlMatches`). */
function stringMatches(value: string, wanted: string, matching: StringMatching | undefined): boolean {
  if (matching === 'regex') return regexOf(wanted).test(value);
  if (matching === 'contains') return likeRegex(`%${wanted}%`, true).test(value);
  return value === wanted;
}

const REGEXES = new Map<string, ChainRegex>();

/** ClickHouse's match(): RE2, unanchored, `.` matching line breaks; a pattern RE2 refuses matches nothing. */
function regexOf(pattern: string): ChainRegex {
  const key = `r\u0000${pattern}`;
  let known = REGEXES.get(key);
  if (!known) {
    try {
      known = toRegExp(pattern);
    } catch {
      // ClickHouse rejects the query; nothing is counted.
      known = { test: () => false };
    }
    REGEXES.set(key, known);
  }
  return known;
}

/**
 * ClickHouse's LIKE / ILIKE pattern as an anchored regex: `%` any run of characters, `_` one
 * character, a backslash takes the next character literally; ILIKE ignores case.
 */
export function likeRegex(pattern: string, ignoreCase: boolean): ChainRegex {
  const key = `${ignoreCase ? 'i' : 'l'}\u0000${pattern}`;
  let known = REGEXES.get(key);
  if (known) return known;
  let source = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '\\' && i + 1 < chars.length) source += RE2JS.quote(chars[++i]!);
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += RE2JS.quote(char);
  }
  const compiled = RE2JS.compile(`^${source}$`, RE2JS.DOTALL | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  known = { test: (text) => compiled.testExact(text) };
  REGEXES.set(key, known);
  return known;
}

/** The filters as a short line for the panel: `href = “/tea”`, `text = “Buy tea”` (long values cut). */
export function describeFilters(filters: StepFilters | undefined): string {
  if (!filters) return '';
  const parts: string[] = [];
  const operator = (matching: StringMatching | undefined) => (matching === 'regex' ? '~' : matching === 'contains' ? 'contains' : '=');
  const shown = (value: string) => ([...value].length > SHOWN ? `${[...value].slice(0, SHOWN).join('')}…` : value);
  if (filters.href !== undefined) parts.push(`href ${operator(filters.href_matching)} “${shown(filters.href)}”`);
  if (filters.text !== undefined) parts.push(`text ${operator(filters.text_matching)} “${shown(filters.text)}”`);
  if (filters.tag_name !== undefined) parts.push(`tag ${filters.tag_name}`);
  return parts.join(', ');
}
