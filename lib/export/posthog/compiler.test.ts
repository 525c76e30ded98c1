import { describe, expect, it } from 'vitest';
import golden from './fixtures/posthog-compilers.golden.json';
import { buildSelectorRegex, parseSelector, type Compiler } from './compiler';
import { compileStep, selectorMatches } from './matching';

// The fixture is the output of PostHog's own vendored compilers (see its "source"): for each
// selector the regex text `build_selector_regex(Selector(s, escape_slashes=False))` returns, and for
// each selector × chain whether `selector_to_expr` (regex + id check + useful-element check) matches.

const both = (selector: string, chain: string) => ({ old: selectorMatches(selector, chain, 'old'), new: selectorMatches(selector, chain, 'new') });

describe('PostHog compilers: same regex text as the Python', () => {
  for (const row of golden.selectors) {
    for (const compiler of ['old', 'new'] as Compiler[]) {
      it(`${compiler}: ${row.selector}`, () => {
        const expected = row[compiler];
        if (expected === null) {
          expect(() => buildSelectorRegex(parseSelector(row.selector, compiler), compiler)).toThrow();
        } else {
          expect(buildSelectorRegex(parseSelector(row.selector, compiler), compiler)).toBe(expected);
        }
      });
    }
  }
});

describe('PostHog step matching: same verdicts as the Python over the golden chains', () => {
  for (const engine of ['pieces', 're2'] as const) {
    it(`agrees on all ${golden.matches.length} selector × chain pairs under both compilers (${engine})`, () => {
      const disagreements: string[] = [];
      for (const [s, c, old, fresh] of golden.matches as [number, number, boolean, boolean][]) {
        const selector = golden.selectors[s]!.selector;
        const chain = golden.chains[c]!;
        const ours = { old: selectorMatches(selector, chain, 'old', engine), new: selectorMatches(selector, chain, 'new', engine) };
        if (ours.old !== old || ours.new !== fresh) disagreements.push(`${selector} on ${chain.slice(0, 60)}: python ${old}/${fresh}, ours ${ours.old}/${ours.new}`);
      }
      expect(disagreements).toEqual([]);
    }, 60_000);
  }
});

// The cases of issue 12, each with what the compiler really does (file and function named).
const BUY = 'a.buy:attr__class="buy"attr__data-x="1"nth-child="1"nth-of-type="1"text="Buy";body:nth-child="2"nth-of-type="1"';

describe('issue 12 cases', () => {
  it('tag.class[attr]: _old_compiler.py SelectorPart reads the class as the tag name (regex starts with “buy”), never matches; new matches', () => {
    expect(compileStep('a.buy[data-x="1"]', 'old').regexText.startsWith('(^|;)buy')).toBe(true);
    expect(both('a.buy[data-x="1"]', BUY)).toEqual({ old: false, new: true });
    expect(both('.buy[data-x="1"]', BUY)).toEqual({ old: false, new: true });
  });

  it('#id[attr]: old SelectorPart reads “main” as the tag name', () => {
    const chain = 'div:attr__data-x="1"attr__id="main"attr_id="main"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
    expect(both('#main[data-x="1"]', chain)).toEqual({ old: false, new: true });
  });

  it('two attributes in one compound: old SELECTOR_ATTRIBUTE_REGEX is greedy, the key becomes `a="1"][b`', () => {
    const parts = parseSelector('[data-a="1"][data-b="2"]', 'old');
    expect([...parts[0]!.chAttributes.keys()]).toEqual(['data-a="1"][data-b']);
    const chain = 'button:attr__data-a="1"attr__data-b="2"nth-child="1"nth-of-type="1"';
    expect(both('[data-a="1"][data-b="2"]', chain)).toEqual({ old: false, new: true });
  });

  it('tag with a hyphen or digit next to an attribute: old `([a-zA-Z]*)\\[` keeps “button” of my-button and drops h2', () => {
    expect(parseSelector('my-button[aria-label="Buy"]', 'old')[0]!.data.get('tag_name')).toBe('button');
    expect(parseSelector('h2[data-x="1"]', 'old')[0]!.data.get('tag_name')).toBeUndefined();
    const custom = 'my-button:attr__aria-label="Buy"nth-child="1"nth-of-type="1";body:nth-child="2"nth-of-type="1"';
    expect(both('my-button[aria-label="Buy"]', custom)).toEqual({ old: false, new: true });
    // h2 dropped: the old regex asks only for the attribute, so any element carrying it matches.
    const other = 'span:attr__data-x="1"nth-child="1"nth-of-type="1"';
    expect(both('h2[data-x="1"]', other)).toEqual({ old: true, new: false });
  });

  it(':nth-of-type(n): old SelectorPart keeps it in the tag name, never matches; new reads it', () => {
    const chain = 'li:nth-child="3"nth-of-type="2";ul:nth-child="2"nth-of-type="1"';
    expect(parseSelector('li:nth-of-type(2)', 'old')[0]!.data.get('tag_name')).toBe('li:nth-of-type(2)');
    expect(both('li:nth-of-type(2)', chain)).toEqual({ old: false, new: true });
  });

  it('descendant after a tag-led compound: old build_selector_regex puts nothing between the parts, so it acts as “>”', () => {
    const wrapped = 'button.btn:attr__class="btn"nth-child="1"nth-of-type="1";div.wrap:attr__class="wrap"nth-child="1"nth-of-type="1";footer:nth-child="3"nth-of-type="1"';
    const direct = 'button.btn:attr__class="btn"nth-child="1"nth-of-type="1";footer:nth-child="3"nth-of-type="1"';
    expect(both('footer button', wrapped)).toEqual({ old: false, new: true });
    expect(both('footer button', direct)).toEqual({ old: true, new: true });
    const nested = 'a:nth-child="1"nth-of-type="1";div.x:attr__class="x"nth-child="1"nth-of-type="1";section:nth-child="1"nth-of-type="1";main:nth-child="1"nth-of-type="1"';
    expect(both('main .x a', nested)).toEqual({ old: false, new: true });
  });

  it('[attr]:nth-child(n): old SelectorPart drops the position (tag = result[1] before the nth-child check)', () => {
    expect(parseSelector('[data-x="1"]:nth-child(2)', 'old')[0]!.data.has('nth_child')).toBe(false);
    const first = 'li:attr__data-x="1"nth-child="1"nth-of-type="1";ul:nth-child="1"nth-of-type="1"';
    expect(both('[data-x="1"]:nth-child(2)', first)).toEqual({ old: true, new: false });
  });

  it('“>” after an attribute- or class-led compound: old `.*?` before the attribute reaches any ancestor', () => {
    const deep = 'span.title:nth-child="1";div.wrap:nth-child="2";div:attr_id="root"nth-child="1"';
    expect(both('[id="root"] > span', deep)).toEqual({ old: true, new: false });
    const deepClass = 'a:nth-child="1"nth-of-type="1";div:nth-child="1"nth-of-type="1";div.x:attr__class="x"nth-child="1"nth-of-type="1"';
    expect(both('.x > a', deepClass)).toEqual({ old: true, new: false });
  });

  it('[text="…"] reads the text posthog-js writes into the chain (old: key as written; new: `text` is an unprefixed chain key)', () => {
    // Two buttons of one comment, told apart only by their text (reddit “Reply” / “Share”).
    const reply = 'button._374:attr__class="_374"nth-child="1"nth-of-type="1"text="Reply";div.bar:attr__class="bar"nth-child="3"nth-of-type="3"';
    const share = 'button._374:attr__class="_374"nth-child="1"nth-of-type="1"text="Share";div:nth-child="2"nth-of-type="1";div.bar:attr__class="bar"nth-child="3"nth-of-type="3"';
    expect(compileStep('button[text="Reply"]', 'old').regexText).toBe('(^|;)button.*?text="Reply".*?[^;]*?($|;|:([^;^\\s]*(;|$|\\s)))');
    expect(both('button[text="Reply"]', reply)).toEqual({ old: true, new: true });
    expect(both('button[text="Reply"]', share)).toEqual({ old: false, new: false });
  });

  it('a single #id skips the regex: selector_to_expr returns only indexOf(elements_chain_ids, id) > 0', () => {
    const step = compileStep('#buy', 'new');
    expect(step.pieces).toBeNull();
    expect(step.ids).toEqual(['buy']);
    // The id on an ancestor counts too: a click inside #buy is a click on it.
    expect(both('#buy', 'span:nth-child="1"nth-of-type="1";button:attr__id="buy"attr_id="buy"nth-child="1"nth-of-type="1"')).toEqual({ old: true, new: true });
  });

  it('useful-element check: a useful tag in the selector must be among elements_chain_elements', () => {
    // `(^|;)a` also fits the start of “article”, but the chain has no `a` element.
    const chain = 'article.buy:attr__class="buy"nth-child="1"nth-of-type="1";div:nth-child="1"nth-of-type="1"';
    expect(compileStep('a.buy', 'old').regex()!.test(chain)).toBe(true);
    expect(both('a.buy', chain)).toEqual({ old: false, new: false });
  });

  it('inputs: posthog-js keeps only name, id, class, aria-label on text fields, so [placeholder] never matches', () => {
    const chain = 'input:attr__name="email"nth-child="2"nth-of-type="1";form.signup:attr__class="signup"nth-child="1"nth-of-type="1"';
    expect(both('input[placeholder="Email"]', chain)).toEqual({ old: false, new: false });
    expect(both('input[name="email"]', chain)).toEqual({ old: true, new: true });
  });

  it('a quote in an attribute value: old normalizes it to the chain’s \\", the new compiler does not', () => {
    const chain = 'a:attr__title="say \\"hi\\""nth-child="1"nth-of-type="1"';
    expect(both('a[title=\'say "hi"\']', chain)).toEqual({ old: true, new: false });
  });
});
