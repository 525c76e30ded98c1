import { parse, type AttributeSelector, type Selector } from 'css-what';

// The portable selector dialect of PRODUCT.md §2: what PostHog's action matcher, GTM's CSS
// selector filter and Adobe Target's click tracking all accept. A selector outside it is refused
// for that target before anything is sent or written, with the reason named.

/** Why a selector cannot go to a target, or `undefined` when it can. */
export function dialectProblem(selector: string, target: DialectTarget): string | undefined {
  const reason = portableProblem(selector);
  return reason && `${TARGET_NAMES[target]} cannot use “${selector}”: ${reason}.`;
}

/** The selectors of a `,` list as written (commas inside quoted values do not split). */
export function splitSelectorList(selector: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (const char of selector) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

export function portableProblem(selector: string): string | undefined {
  if (selector.trim() === '') return 'it is empty';
  const backslash = selector.indexOf('\\');
  if (backslash >= 0) return escapeProblem(selector, backslash);
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (error) {
    return `it is not a valid CSS selector (${error instanceof Error ? error.message : String(error)})`;
  }
  for (const compound of parsed) {
    for (const token of compound) {
      const problem = tokenProblem(token);
      if (problem) return problem;
    }
  }
  return unquotedValueProblem(selector);
}

function tokenProblem(token: Selector): string | undefined {
  switch (token.type) {
    case 'tag':
    case 'descendant':
    case 'child':
      return undefined;
    case 'attribute':
      return attributeProblem(token);
    case 'pseudo':
      return pseudoProblem(token.name, token.data);
    case 'universal':
      return 'the universal selector “*” is not supported';
    case 'sibling':
      return 'the sibling combinator “~” is not supported (use descendant or “>”)';
    case 'adjacent':
      return 'the adjacent combinator “+” is not supported (use descendant or “>”)';
    case 'pseudo-element':
      return `the pseudo-element “::${token.name}” is not supported`;
    default:
      return `“${token.type}” selectors are not supported`;
  }
}

function attributeProblem(token: AttributeSelector): string | undefined {
  // `#id` and `.class` come out of css-what as attribute tokens flagged "quirks".
  const shorthand = token.ignoreCase === 'quirks';
  if (shorthand) return undefined;
  if (token.ignoreCase === true || token.ignoreCase === false) return `the case flag in [${token.name}=…] is not supported`;
  if (token.action !== 'equals') return `[${token.name}${ATTRIBUTE_OPERATORS[token.action]}…] is not supported: use [${token.name}="value"] with “=” only`;
  return undefined;
}

function pseudoProblem(name: string, data: unknown): string | undefined {
  if (name !== 'nth-child' && name !== 'nth-of-type') return `the pseudo-class “:${name}” is not supported (only :nth-child(n) and :nth-of-type(n))`;
  if (typeof data !== 'string' || !/^\s*\d+\s*$/.test(data)) return `:${name}(${String(data)}) is not supported: use a plain number, e.g. :${name}(2)`;
  return undefined;
}

/** PostHog's matcher reads attribute values between quotes only (`[name="email"]`). */
function unquotedValueProblem(selector: string): string | undefined {
  const match = /\[\s*([^\]=\s]+)\s*=\s*([^"'\s\]][^\]]*)\]/.exec(stripQuoted(selector));
  if (!match) return undefined;
  return `the attribute value in [${match[1]}=${match[2]}] must be quoted: [${match[1]}="${match[2]!.trim()}"]`;
}

/** Empties quoted strings, so brackets or commas inside attribute values are not read as syntax. */
function stripQuoted(selector: string): string {
  return selector.replace(/"[^"]*"|'[^']*'/g, '""');
}

function escapeProblem(selector: string, index: number): string {
  const escaped = selector.slice(index, index + 2);
  const alternative = escapeAlternative(selector, index);
  const hint = alternative ? ` Use ${alternative} instead` : ' Select the element by another attribute';
  return `it contains the escape “${escaped}” at position ${index + 1}, which tracking runtimes cannot use.${hint}`;
}

/** `#form\:submit` → `[id="form:submit"]`, `.w-1\.5` → `[class~=…]` is not portable, so ids only. */
function escapeAlternative(selector: string, index: number): string | undefined {
  const start = selector.lastIndexOf('#', index);
  if (start < 0 || /[\s>.,[]/.test(selector.slice(start + 1, index))) return undefined;
  const rest = /^(?:\\.|[\w-])+/.exec(selector.slice(start + 1))?.[0];
  if (!rest) return undefined;
  return `[id="${rest.replace(/\\(.)/g, '$1')}"]`;
}

const ATTRIBUTE_OPERATORS: Record<AttributeSelector['action'], string> = {
  equals: '=', element: '~=', start: '^=', end: '$=', any: '*=', not: '!=', hyphen: '|=', exists: '',
};

const TARGET_NAMES: Record<DialectTarget, string> = {
  posthog: 'PostHog',
  gtm: 'Google Tag Manager',
  'adobe-target': 'Adobe Target',
};

export type DialectTarget = 'posthog' | 'gtm' | 'adobe-target';
