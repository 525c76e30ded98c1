import { parse, type Selector } from 'css-what';
import { isStateName, looksGenerated } from '@/lib/selector/names';

// The stability hint on a Selected Elements row (PRODUCT.md §2): what in the selector is likely to
// break after the next deploy. Each rule is a row of data; the row shows the worst level found.
// What counts as a generated or a state name is the selector engine's call (lib/selector/names.ts).

const STABLE_ATTRIBUTES = /^(data-testid|data-test|data-qa|data-cy|data-track[\w-]*|name|aria-label)$/;
const POSITION_PSEUDOS = new Set(['nth-child', 'nth-of-type', 'nth-last-child', 'nth-last-of-type', 'first-child', 'last-child', 'first-of-type', 'last-of-type']);

const RULES: StabilityRule[] = [
  { level: 'fragile', short: 'uses position', test: (parts) => parts.pseudos.find((name) => POSITION_PSEUDOS.has(name)), text: (found) => `Uses position (:${found}): breaks when elements are added, removed or moved.` },
  { level: 'fragile', short: 'name looks generated', test: (parts) => parts.names.find((name) => looksGenerated(name)), text: (found) => `“${found}” looks generated: it may change with the next deploy.` },
  { level: 'fragile', short: 'uses a state', test: (parts) => parts.classes.find((name) => isStateName(name)), text: (found) => `“${found}” is a state class: it comes and goes as visitors interact.` },
  { level: 'fragile', short: 'tags only', test: (parts) => (parts.names.length === 0 && parts.attributes.length === 0 ? 'tags' : undefined), text: () => 'Only tag names: it matches by page structure, which changes often.' },
  { level: 'caution', short: 'long chain', test: (parts) => (parts.depth > 4 ? String(parts.depth) : undefined), text: (found) => `A chain of ${found} steps: a change to any ancestor breaks it.` },
  { level: 'stable', short: 'stable', test: (parts) => parts.attributes.find((name) => STABLE_ATTRIBUTES.test(name)), text: (found) => `Uses ${found}, an attribute meant to stay stable.` },
  { level: 'stable', short: 'stable', test: (parts) => (parts.ids.length > 0 ? parts.ids[0] : undefined), text: (found) => `Uses the id “${found}”.` },
];

const LEVELS: StabilityLevel[] = ['fragile', 'caution', 'stable'];

/** Hints for one selector, most worrying first; `matchCount` adds the "matches several" note. */
export function stabilityHints(selector: string, matchCount?: number): StabilityHint[] {
  const parts = selectorParts(selector);
  if (!parts) return [];
  const hints: StabilityHint[] = [];
  for (const rule of RULES) {
    const found = rule.test(parts);
    if (found !== undefined) hints.push({ level: rule.level, text: rule.text(found), short: rule.short });
  }
  if (matchCount !== undefined && matchCount > 1) hints.push({ level: 'caution', text: `Matches ${matchCount} elements: a click on any of them counts.`, short: 'several matches' });
  if (!hints.some((hint) => hint.level !== 'stable')) {
    if (hints.length === 0) hints.push({ level: 'caution', text: 'Uses classes only: fine as long as the site keeps its class names.', short: 'classes only' });
  }
  hints.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  return hints;
}

/** The worst level among hints, for the row's badge. */
export function overallStability(hints: StabilityHint[]): StabilityLevel {
  return LEVELS.find((level) => hints.some((hint) => hint.level === level)) ?? 'caution';
}

function selectorParts(selector: string): SelectorParts | null {
  let tokens: Selector[][];
  try {
    tokens = parse(selector);
  } catch {
    return null;
  }
  const parts: SelectorParts = { ids: [], classes: [], names: [], attributes: [], pseudos: [], depth: 0 };
  for (const compound of tokens) {
    let depth = 1;
    for (const token of compound) {
      if (token.type === 'attribute') collectAttribute(parts, token.name, token.value, token.action);
      else if (token.type === 'pseudo') parts.pseudos.push(token.name);
      else if (token.type === 'child' || token.type === 'descendant' || token.type === 'adjacent' || token.type === 'sibling') depth++;
    }
    parts.depth = Math.max(parts.depth, depth);
  }
  return parts;
}

function collectAttribute(parts: SelectorParts, name: string, value: string, action: string): void {
  if (name === 'id' && action === 'equals') {
    parts.ids.push(value);
    parts.names.push(value);
  } else if (name === 'class' && action === 'element') {
    parts.classes.push(value);
    parts.names.push(value);
  } else {
    parts.attributes.push(name);
  }
}

interface SelectorParts {
  ids: string[];
  classes: string[];
  /** Ids and classes: the names a build tool may generate. */
  names: string[];
  attributes: string[];
  pseudos: string[];
  /** Most compound selectors in one chain of the list. */
  depth: number;
}

interface StabilityRule {
  level: StabilityLevel;
  /** A few words for tight places (the alternatives under Edit). */
  short: string;
  test(parts: SelectorParts): string | undefined;
  text(found: string): string;
}

export type StabilityLevel = 'fragile' | 'caution' | 'stable';

export interface StabilityHint {
  level: StabilityLevel;
  text: string;
  /** The same in a few words. */
  short: string;
}
