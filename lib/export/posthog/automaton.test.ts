import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import golden from './fixtures/posthog-compilers.golden.json';
import { piecesMatch } from './automaton';
import { COMPILERS } from './compiler';
import { compileStep, parseChain, stepMatches } from './matching';

// The pieces (automaton.ts) run the regex build_selector_regex writes without a regex engine; RE2
// (re2js, as ClickHouse) is the reference. Generated selectors and chains lean on what makes the
// regexes hard: quotes and escaped quotes inside values, `;` and spaces inside values, `:` runs,
// `^`, prefixes of tags and classes, repeated elements, `>` and descendant joins.

const TAGS = ['a', 'abbr', 'div', 'li', 'ul', 'span', 'button', 'body', 'my-el', 'h2'];
const CLASSES = ['x', 'xy', 'nav', 'nav-item', 'a', 'b1'];
const VALUES = ['1', '2', 'x', 'a b', 'a;b', 'say \\"hi\\"', 'q\\\\', 'x:y z', 'a^b', '/p?q=1', 'div'];
const KEYS = ['attr__data-x', 'attr__id', 'attr_id', 'href', 'attr__href', 'text', 'nth-child', 'nth-of-type', 'attr__class'];

interface ChainElement {
  tag: string;
  classes: string[];
  attributes: [string, string][];
  nth: number;
}

const element: fc.Arbitrary<ChainElement> = fc.record({
  tag: fc.constantFrom(...TAGS),
  classes: fc.subarray(CLASSES, { maxLength: 3 }),
  attributes: fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)), { maxLength: 4 }),
  nth: fc.integer({ min: 1, max: 3 }),
});

/** As posthog-js writes an element: tag, sorted classes, `:` and the keys in order. */
function written(item: ChainElement): string {
  const entries: [string, string][] = [...item.attributes, ['nth-child', String(item.nth)]];
  entries.sort(([a], [b]) => a.localeCompare(b));
  return `${item.tag}${[...item.classes].sort().map((name) => `.${name}`).join('')}:${entries.map(([key, value]) => `${key}="${value}"`).join('')}`;
}

/**
 * A selector read off some of the chain's elements (innermost first), each compound a few of the
 * element's parts, sometimes changed: so that the regex matches about as often as not.
 */
const chainAndSelector = fc.array(element, { minLength: 1, maxLength: 6 }).chain((elements) => fc.record({
  elements: fc.constant(elements),
  picks: fc.array(fc.record({
    index: fc.nat({ max: elements.length - 1 }),
    tag: fc.boolean(),
    classes: fc.nat({ max: 2 }),
    attribute: fc.nat({ max: 4 }),
    nth: fc.boolean(),
    join: fc.constantFrom(' ', ' > '),
    change: fc.nat({ max: 9 }),
  }), { minLength: 1, maxLength: 4 }),
})).map(({ elements, picks }) => {
  const sorted = [...picks].sort((a, b) => a.index - b.index);
  const compounds = sorted.map((pick) => {
    const item = elements[pick.index]!;
    // Changed tags: `div`, common in values; `a`, the start of every `attr__` key.
    let text = pick.tag || pick.change === 0 ? (pick.change === 1 ? 'div' : pick.change === 5 ? 'a' : item.tag) : '';
    text += item.classes.slice(0, pick.classes).map((name) => `.${pick.change === 2 ? `${name}x` : name}`).join('');
    const attribute = item.attributes[pick.attribute];
    if (attribute && pick.attribute < 2) {
      const key = attribute[0].replace(/^attr__/, '').replace(/^attr_id$/, 'id');
      text += `[${key}="${pick.change === 3 ? '1' : attribute[1].replaceAll('\\"', '"')}"]`;
    }
    if (pick.nth) text += `:nth-child(${pick.change === 4 ? item.nth + 1 : item.nth})`;
    return { text: text || '*', join: pick.join };
  });
  const selector = compounds.reverse().map((compound, i) => (i === 0 ? compound.text : `${compound.join}${compound.text}`)).join('');
  return { selector, chain: elements.map(written).join(';') };
});

describe('pieces agree with RE2', () => {
  it('on PostHog’s golden selectors × chains, both compilers', () => {
    for (const { selector: text } of golden.selectors) {
      for (const compiler of COMPILERS) {
        const step = compileStep(text, compiler);
        for (const text2 of golden.chains) expect(stepMatches(step, text2), `${compiler} ${text} on ${text2}`).toBe(stepMatches(step, text2, 're2'));
      }
    }
  });

  it('on generated selectors × chains (quotes, escapes, spaces, `;` and `:` in values), both compilers', () => {
    let matched = 0;
    let tested = 0;
    fc.assert(fc.property(chainAndSelector, ({ selector: text, chain }) => {
      for (const compiler of COMPILERS) {
        const step = compileStep(text, compiler);
        if (!step.pieces) continue;
        // Also as the ancestors of another element, where tag prefixes and tails matter.
        for (const item of [chain, `span:text="x div y"nth-child="1";${chain}`]) {
          const expected = step.regex()!.test(item);
          expect(piecesMatch(step.pieces, item), `${compiler} “${text}” (${step.regexText}) on ${item}`).toBe(expected);
          tested++;
          if (expected) matched++;
        }
      }
    }), { numRuns: 1500 });
    // Both verdicts are exercised, not only the easy “no”.
    expect(matched).toBeGreaterThan(tested / 5);
    expect(matched).toBeLessThan(tested * 0.95);
  }, 120_000);
});

describe('chain columns', () => {
  it('elements_chain_ids and elements_chain_elements as ClickHouse extracts them (extractAll, distinct)', () => {
    fc.assert(fc.property(chainAndSelector, ({ chain }) => {
      for (const item of [chain, `a:attr_id="x"attr_id="y";button.x:attr_id="z";label`]) {
        const ids = [...new Set([...item.matchAll(/(?::|")attr_id="(.*?)"/gs)].map((match) => match[1]))];
        const elements = [...new Set([...item.matchAll(/(?:^|;)(a|button|form|input|select|textarea|label)(?:\.|$|:)/g)].map((match) => match[1]))];
        const parsed = parseChain(item);
        expect(parsed.ids).toEqual(ids);
        expect([...parsed.elements].sort()).toEqual([...elements].sort());
      }
    }), { numRuns: 500 });
  });
});
