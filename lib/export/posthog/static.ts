import { parse, type Selector } from 'css-what';
import { splitSelectorList } from '../dialect';

// What can be said about a selector for PostHog without the page (issue 12): the constructs its
// compilers read differently from CSS (products/actions/backend/selector_audit/_old_compiler.py and
// _new_compiler.py, `SelectorPart.__init__` and `build_selector_regex`), each as a plain sentence.
// 'never': PostHog never counts the element with it. 'over': it also counts clicks on other
// elements. 'page': whether it matches depends on the page (Goalpost checks it when the page is open).

export type ProblemKind = 'never' | 'over' | 'page';

export interface StaticProblem {
  kind: ProblemKind;
  message: string;
}

/** Attributes posthog-js keeps on text fields, selects, textareas and contenteditables (`isSensitiveElement`). */
const SENSITIVE_KEPT = new Set(['name', 'id', 'class', 'aria-label']);
const INPUT_TYPES_KEPT = new Set(['button', 'checkbox', 'submit', 'reset']);

/** Problems of a selector (or a `,` list) for PostHog, most serious first. `element` tells the input rule. */
export function staticProblems(selector: string, element?: ElementFacts): StaticProblem[] {
  const problems: StaticProblem[] = [];
  for (const single of splitSelectorList(selector)) {
    let compounds: Selector[][];
    try {
      compounds = parse(single);
    } catch {
      continue; // the dialect check already refuses it
    }
    for (const tokens of compounds) problems.push(...compoundProblems(single, tokens, element));
  }
  const order: ProblemKind[] = ['never', 'page', 'over'];
  const unique = problems.filter((problem, index) => problems.findIndex((other) => other.message === problem.message) === index);
  return unique.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

function compoundProblems(selector: string, tokens: Selector[], element: ElementFacts | undefined): StaticProblem[] {
  const problems: StaticProblem[] = [];
  const compounds = splitCompounds(tokens);
  for (const [index, compound] of compounds.entries()) {
    const attributes = compound.tokens.filter((token) => token.type === 'attribute' && token.ignoreCase !== 'quirks');
    const shorthand = compound.tokens.filter((token) => token.type === 'attribute' && token.ignoreCase === 'quirks');
    const tag = compound.tokens.find((token) => token.type === 'tag');
    const pseudos = compound.tokens.filter((token) => token.type === 'pseudo');
    const text = compound.text;
    if (attributes.length >= 2) {
      problems.push(never(`“${text}” has two attributes in one compound; PostHog’s current compiler reads them as one attribute name and never matches`));
    }
    if (attributes.length > 0 && shorthand.length > 0) {
      problems.push(never(`“${text}” has a class or id beside an attribute; PostHog’s current compiler reads the class or id as the tag name and never matches`));
    }
    if (attributes.length > 0 && tag && tag.type === 'tag' && !/^[a-zA-Z]+$/.test(tag.name)) {
      problems.push(never(`“${text}”: PostHog’s current compiler misreads a tag with a digit or hyphen next to an attribute`));
    }
    if (pseudos.some((token) => token.type === 'pseudo' && token.name === 'nth-of-type')) {
      problems.push(never(`“${text}”: PostHog’s current compiler does not read :nth-of-type and never matches`));
    }
    if (attributes.length > 0 && pseudos.some((token) => token.type === 'pseudo' && token.name === 'nth-child')) {
      problems.push(over(`“${text}”: PostHog’s current compiler drops the :nth-child position after an attribute, so the other positions count too`));
    }
    for (const token of attributes) {
      if (token.type === 'attribute' && token.value.includes('"')) {
        problems.push(never(`“${text}”: PostHog’s new compiler does not match a quote inside an attribute value`));
      }
    }
    const parent = compounds[index - 1];
    if (parent && compound.combinator === 'descendant' && parent.tagLed) {
      problems.push({
        kind: 'page',
        message: `“${parent.text} ${text}”: PostHog’s current compiler reads this space as “>” after a compound that starts with a tag, so it counts only when “${parent.text}” is the direct parent`,
      });
    }
    if (parent && compound.combinator === 'child' && !parent.tagLed) {
      problems.push(over(`“${parent.text} > ${text}”: PostHog’s current compiler reads “>” after a class, id or attribute as any ancestor`));
    }
  }
  const innermost = compounds.at(-1);
  if (innermost && element && isSensitive(element)) {
    for (const token of innermost.tokens) {
      if (token.type === 'attribute' && token.ignoreCase !== 'quirks' && !SENSITIVE_KEPT.has(token.name)) {
        problems.push(never(`posthog-js records only name, id, class and aria-label of ${describe(element)}, so [${token.name}=…] never matches; use one of those`));
      }
    }
  }
  void selector;
  return problems;
}

interface Compound {
  tokens: Selector[];
  text: string;
  tagLed: boolean;
  /** How this compound joins the one before it (its ancestor). */
  combinator: 'descendant' | 'child' | null;
}

function splitCompounds(tokens: Selector[]): Compound[] {
  const compounds: Compound[] = [];
  let current: Selector[] = [];
  let combinator: Compound['combinator'] = null;
  const flush = () => {
    if (current.length) compounds.push({ tokens: current, text: render(current), tagLed: current[0]?.type === 'tag', combinator });
    current = [];
  };
  for (const token of tokens) {
    if (token.type === 'descendant' || token.type === 'child') {
      flush();
      combinator = token.type;
    } else {
      current.push(token);
    }
  }
  flush();
  return compounds;
}

function render(tokens: Selector[]): string {
  return tokens.map((token) => {
    switch (token.type) {
      case 'tag':
        return token.name;
      case 'attribute':
        if (token.ignoreCase === 'quirks') return token.name === 'id' ? `#${token.value}` : `.${token.value}`;
        return `[${token.name}="${token.value}"]`;
      case 'pseudo':
        return `:${token.name}${typeof token.data === 'string' ? `(${token.data})` : ''}`;
      default:
        return '';
    }
  }).join('');
}

function isSensitive(element: ElementFacts): boolean {
  if (element.tag === 'select' || element.tag === 'textarea' || element.contentEditable) return true;
  return element.tag === 'input' && !INPUT_TYPES_KEPT.has((element.type ?? 'text').toLowerCase());
}

function describe(element: ElementFacts): string {
  if (element.tag === 'input') return `a text field (input type “${element.type ?? 'text'}”)`;
  if (element.contentEditable) return 'an editable area';
  return `a ${element.tag}`;
}

function never(message: string): StaticProblem {
  return { kind: 'never', message };
}

function over(message: string): StaticProblem {
  return { kind: 'over', message };
}

/** What the static check needs to know of the element, when known (its fingerprint). */
export interface ElementFacts {
  tag: string;
  type?: string;
  contentEditable?: boolean;
}
