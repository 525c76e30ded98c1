import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { candidateSelectors, generateSelector, validateSelector } from './index';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

/** Asserts the selector is escape-free and matches exactly `element` in `root`. */
function expectPointsAt(selector: string, element: Element, root: ParentNode = element.ownerDocument) {
  expect(selector).not.toContain('\\');
  expect(Array.from(root.querySelectorAll(selector))).toEqual([element]);
}

function pick(selector: string, root: ParentNode = document): Element {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`fixture has no ${selector}`);
  return element;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('generateSelector', () => {
  it('writes JSF ids with ":" as a quoted attribute, never escaped', () => {
    document.body.innerHTML = `
      <form id="form:main"><button id="form:submit" class="md:flex w-1.5">Go</button><button id="form:cancel">No</button></form>`;
    const button = pick('button');
    const selector = generateSelector(button);
    expect(selector).toBe('[id="form:submit"]');
    expectPointsAt(selector, button);
  });

  it('writes ASP.NET ids and names with "$" as quoted attributes', () => {
    document.body.innerHTML = `
      <input name="ctl00$Main$txtEmail" type="text">
      <input id="ctl00$Main$btnSubmit" name="ctl00$Main$btnSubmit" type="submit" value="Send">`;
    const email = pick('input[type="text"]');
    const submit = pick('input[type="submit"]');
    expect(generateSelector(email)).toBe('input[name="ctl00$Main$txtEmail"]');
    expect(generateSelector(submit)).toBe('[id="ctl00$Main$btnSubmit"]');
    expectPointsAt(generateSelector(submit), submit);
  });

  it('avoids CSS-modules and styled-components classes and uses what stays', () => {
    document.body.innerHTML = `
      <nav class="Nav_root__3xYz1 sc-bdVaJa kGtsXm">
        <a class="Nav_link__a8Bc2 sc-htpNat" href="/pricing">Pricing</a>
        <a class="Nav_link__a8Bc2 sc-htpNat" href="/docs">Docs</a>
      </nav>
      <div class="css-1x2y3z e1abc2d0"><button class="jsx-2738473 Button_primary__Qw3rT" aria-label="Open cart">Cart</button></div>`;
    const docs = pick('a[href="/docs"]');
    const cart = pick('button');
    expect(generateSelector(docs)).toBe('a[href="/docs"]');
    expect(generateSelector(cart)).toBe('button[aria-label="Open cart"]');
    for (const element of [docs, cart]) {
      expect(generateSelector(element)).not.toMatch(/Nav_|sc-|css-|jsx-|Button_|kGtsXm|e1abc2d0/);
    }
  });

  it('ignores React useId ids (":r1:", "«r1»", "_r_1_") and library ids', () => {
    document.body.innerHTML = `
      <label for=":r1:">Email</label><input id=":r1:" type="email">
      <div id="«r2»"><span id="_r_3_">A</span></div>
      <button id="radix-:r4:" data-testid="open-menu">Menu</button>
      <ul id="headlessui-menu-items-7"><li>One</li><li>Two</li></ul>`;
    const input = pick('input');
    const span = pick('span');
    const button = pick('button');
    const item = pick('li:nth-child(2)');
    expect(generateSelector(button)).toBe('[data-testid="open-menu"]');
    for (const element of [input, span, button, item]) {
      const selector = generateSelector(element);
      expect(selector).not.toMatch(/:r\d|«|_r_|radix|headlessui/);
      expectPointsAt(selector, element);
    }
  });

  it('does not trust a duplicated id', () => {
    document.body.innerHTML = `
      <section class="promo"><a id="cta" href="/a">A</a></section>
      <section class="footer-links"><a id="cta" href="/b">B</a></section>
      <section class="more"><a id="cta">C</a></section>
      <section class="more-again"><a id="cta">D</a></section>`;
    for (const element of Array.from(document.querySelectorAll('a'))) {
      const selector = generateSelector(element);
      expect(selector).not.toBe('#cta');
      expectPointsAt(selector, element);
    }
  });

  it('prefers stable attributes: test ids, data-goalpost, name, aria-label, link href', () => {
    document.body.innerHTML = `
      <div><button class="btn" data-goalpost="signup">Sign up</button></div>
      <div><button class="btn" data-cy="login">Log in</button></div>
      <form><input name="q"><button class="btn" aria-label="Search">🔍</button></form>
      <p><a class="link" href="/about">About</a><a class="link" href="/jobs?sessionid=8f3a">Jobs</a></p>`;
    expect(generateSelector(pick('[data-goalpost]'))).toBe('[data-goalpost="signup"]');
    expect(generateSelector(pick('[data-cy]'))).toBe('[data-cy="login"]');
    expect(generateSelector(pick('input'))).toBe('input[name="q"]');
    expect(generateSelector(pick('[aria-label]'))).toBe('button[aria-label="Search"]');
    expect(generateSelector(pick('a[href="/about"]'))).toBe('a[href="/about"]');
    // A link with per-visit parameters is not identified by its href.
    expect(generateSelector(pick('a[href^="/jobs"]'))).not.toContain('sessionid');
  });

  it('falls back on a generated name before a position, never on a run-time counter id', () => {
    document.body.innerHTML = `
      <ul class="list">
        <li class="Item_row__a8Bc2"><span>One</span></li>
        <li class="Item_row__a8Bc2 Item_last__Qw3rT" id=":r7:"><span>Two</span></li>
      </ul>`;
    const last = pick('li:nth-child(2)');
    const [best] = candidateSelectors(last);
    expect(best).toEqual({ selector: 'li.Item_last__Qw3rT', matchCount: 1, hints: ['generated-name'] });
    expect(generateSelector(last)).not.toContain(':r7:');
  });

  it('avoids state classes and state attributes', () => {
    document.body.innerHTML = `
      <ul class="tabs">
        <li class="tab is-active" aria-selected="true" data-state="open"><a href="#one">One</a></li>
        <li class="tab"><a href="#two">Two</a></li>
      </ul>`;
    const active = pick('li.is-active');
    const selector = generateSelector(active);
    expect(selector).not.toMatch(/is-active|aria-selected|data-state/);
    expectPointsAt(selector, active);
  });

  it('uses position only as a last resort, anchored to the nearest stable ancestor', () => {
    document.body.innerHTML = `
      <div><div><div id="menu"><div><div>
        <ul><li>One</li><li>Two</li><li>Three</li></ul>
      </div></div></div></div></div>
      <ul><li>One</li><li>Two</li><li>Three</li></ul>`;
    const second = pick('#menu li:nth-child(2)');
    const selector = generateSelector(second);
    expect(selector).toBe('#menu li:nth-child(2)');
    expectPointsAt(selector, second);
  });

  it('keeps a guard next to a position, so that a shifted list stops matching instead of matching a neighbour', () => {
    document.body.innerHTML = `
      <div id="share">
        <a class="icon" rel="nofollow" href="https://twitter.com/example/status/802870610288316416">t</a>
        <a class="icon" rel="nofollow" href="https://twitter.com/example/status/802870610288316416">t</a>
        <a class="icon" rel="nofollow" href="https://facebook.com/sharer?u=x&utm_source=site">f</a>
      </div>`;
    const facebook = pick('a:nth-child(3)');
    const selector = generateSelector(facebook);
    expectPointsAt(selector, facebook);
    // A bare link inserted first shifts every position by one: the guard keeps the twitter link out.
    pick('#share').prepend(document.createElement('a'));
    expect(Array.from(document.querySelectorAll(selector)).every((element) => element === facebook)).toBe(true);
  });

  it('guards a position with a state class or inline style when nothing steadier tells the neighbour apart', () => {
    document.body.innerHTML = `
      <div id="rail">
        <div style="height:70px">ad</div>
        <div style="margin:0 auto">a</div>
        <div style="margin:0 auto">b</div>
      </div>
      <ul id="tabs"><li class="tab">1</li><li class="tab is-current">2</li><li class="tab">3</li></ul>`;
    const first = pick('#rail > div:nth-child(2)');
    const current = pick('#tabs .is-current');
    for (const element of [first, current]) {
      const selector = generateSelector(element);
      expectPointsAt(selector, element);
      // An element of the same tag inserted first: what then stands at the old position lacks the guard.
      const inserted = document.createElement(element.localName);
      element.parentElement!.prepend(inserted);
      expect(Array.from(document.querySelectorAll(selector)).every((match) => match === element)).toBe(true);
      inserted.remove();
    }
    const [best] = candidateSelectors(current);
    expect(best!.hints).toContain('state-name');
  });

  it('joins a last-resort chain by descendant combinators, so that a new wrapper does not move it onto the parent', () => {
    document.body.innerHTML = `
      <main id="m">
        <div><div><div><b></b><b></b></div></div></div>
        <div><div><b></b><b></b></div></div>
      </main>`;
    const target = pick('#m > div:nth-child(1) > div > div');
    const selector = generateSelector(target);
    expectPointsAt(selector, target);
    expect(selector).not.toContain('>');
    const parent = target.parentElement!;
    const wrapper = document.createElement('div');
    parent.before(wrapper);
    wrapper.append(parent);
    expect(Array.from(document.querySelectorAll(selector))).toContain(target);
  });

  it('prefers a descendant combinator to a chain of anonymous wrappers', () => {
    document.body.innerHTML = `
      <main class="page"><div><div><div><div><span class="price">9 €</span></div></div></div></div></main>
      <aside><span class="price">5 €</span></aside>`;
    const price = pick('main .price');
    const selector = generateSelector(price);
    expect(selector).not.toContain('>');
    expect(selector).not.toContain('nth-child');
    expectPointsAt(selector, price);
  });

  it('handles SVG elements with their own tag case', () => {
    document.body.innerHTML = `
      <button class="close" aria-label="Close"><svg viewBox="0 0 10 10"><path d="M0 0L10 10"/><path d="M10 0L0 10"/></svg></button>
      <button class="open" aria-label="Open"><svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/><clipPath id="clip"><rect width="10" height="10"/></clipPath></svg></button>`;
    for (const element of Array.from(document.querySelectorAll('svg, path, circle, rect, clipPath'))) {
      expectPointsAt(generateSelector(element), element);
    }
    expect(generateSelector(pick('circle'))).toMatch(/circle$/);
  });

  it('works inside an open shadow root without touching the document', () => {
    document.body.innerHTML = `<div id="host"></div><button class="buy">Outside</button>`;
    const shadow = pick('#host').attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div class="card"><button class="buy">Buy</button></div><div class="card"><button class="buy">Buy</button></div>`;
    const second = shadow.querySelectorAll('button')[1]!;
    const selector = generateSelector(second);
    expectPointsAt(selector, second, shadow);
    // The default root is the element's own shadow root, not the page.
    expect(document.querySelectorAll(selector)).not.toContain(second);
  });

  it('works in another document than the global one', () => {
    const other = document.implementation.createHTMLDocument('other');
    other.body.innerHTML = `<nav><a class="home" href="/">Home</a></nav><a class="home" href="/x">X</a>`;
    document.body.innerHTML = `<a class="home" href="/">Decoy</a>`;
    const home = other.querySelector('nav a')!;
    const selector = generateSelector(home);
    expectPointsAt(selector, home, other);
  });

  it('gives the same answer every time', () => {
    document.body.innerHTML = `<ul>${'<li><a>x</a></li>'.repeat(30)}</ul>`;
    const link = document.querySelectorAll('a')[17]!;
    const first = generateSelector(link);
    for (let i = 0; i < 5; i++) expect(generateSelector(link)).toBe(first);
    expectPointsAt(first, link);
  });

  it('stays bounded on a large page of identical elements', () => {
    document.body.innerHTML = `<div>${'<section><div><p><span>x</span></p></div></section>'.repeat(1500)}</div>`;
    const spans = document.querySelectorAll('span');
    const target = spans[1234]!;
    const selector = generateSelector(target);
    expectPointsAt(selector, target);
  });

  it('names html, head and body by their tag', () => {
    expect(generateSelector(document.documentElement)).toBe('html');
    expect(generateSelector(document.body)).toBe('body');
  });

  it('refuses elements that are outside the given root or not elements', () => {
    const detached = document.createElement('div');
    expect(() => generateSelector(detached)).toThrow(/not attached/);
    const other = document.implementation.createHTMLDocument('other');
    other.body.innerHTML = '<p>x</p>';
    expect(() => generateSelector(other.querySelector('p')!, { root: document })).toThrow(/not inside/);
    expect(() => generateSelector(document.createTextNode('x') as unknown as Element)).toThrow(TypeError);
  });
});

describe('generateSelector on the Tailwind page of the corpus', () => {
  it('emits unique, escape-free selectors without utility variants or arbitrary values', () => {
    const html = readFileSync(join(CORPUS, 'finder-pages', 'tailwindcss.html'), 'utf8').replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
      // happy-dom would try (and fail, loudly) to fetch the stylesheets; the test only needs the DOM.
      .replace(/<link\b[^>]*>/gi, '');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const clickable = Array.from(parsed.querySelectorAll('a, button'));
    const other = Array.from(parsed.body.querySelectorAll('div, span, p, li, img, svg, path, h2, h3'));
    const sample = [...clickable.filter((_, i) => i % 3 === 0), ...other.filter((_, i) => i % 15 === 0)];
    expect(sample.length).toBeGreaterThan(60);
    for (const element of sample) {
      const selector = generateSelector(element);
      expectPointsAt(selector, element, parsed);
      expect(validateSelector(selector, parsed)).toMatchObject({ ok: true, matchCount: 1 });
      expect(validateSelector(selector, parsed).ok && validateSelector(selector, parsed)).not.toMatchObject({ hints: expect.arrayContaining(['not-portable']) });
    }
    // A whole real page in happy-dom: 2–6 s on the shared 2-core machine.
  }, 60_000);
});

describe('candidateSelectors', () => {
  it('ranks the recommended selector first, then distinct match sets with their counts and hints', () => {
    document.body.innerHTML = `
      <nav><a class="nav-link" href="/a">A</a><a class="nav-link" href="/b">B</a><a class="nav-link" href="/c">C</a></nav>
      <footer><a href="/b">B again</a></footer>`;
    const target = pick('nav a[href="/b"]');
    const candidates = candidateSelectors(target);
    expect(candidates[0]).toEqual({ selector: generateSelector(target), matchCount: 1, hints: [] });
    const counts = candidates.map((candidate) => candidate.matchCount);
    expect(counts.slice(1)).toEqual([...counts.slice(1)].sort((a, b) => a - b));
    for (const candidate of candidates) {
      const matches = Array.from(document.querySelectorAll(candidate.selector));
      expect(matches).toContain(target);
      expect(matches).toHaveLength(candidate.matchCount);
      if (candidate.matchCount > 1) expect(candidate.hints).toContain('multiple-matches');
    }
    const sets = candidates.map((candidate) => Array.from(document.querySelectorAll(candidate.selector)).join('|'));
    expect(new Set(sets).size).toBe(sets.length);
    expect(candidates.some((candidate) => candidate.selector === 'a.nav-link' && candidate.matchCount === 3)).toBe(true);
  });

  it('flags a positional choice', () => {
    document.body.innerHTML = `<ul id="list"><li>a</li><li>b</li></ul>`;
    const [best] = candidateSelectors(pick('li:nth-child(2)'));
    expect(best).toMatchObject({ matchCount: 1, hints: ['position'] });
  });
});

describe('generated selectors on random pages (property)', () => {
  const TAGS = ['div', 'span', 'a', 'button', 'li', 'ul', 'section', 'p', 'input', 'svg'];
  const CLASSES = ['card', 'nav', 'md:flex', 'w-1.5', 'sc-bdVaJa', 'Nav_root__3xYz1', 'is-active', 'btn', 'mt-4', 'w-[10px]', 'item', 'hover:underline'];
  const IDS = ['main', 'form:submit', ':r1:', 'ctl00$Body', 'dup', 'dup', 'a.b', '1st', 'x#y'];
  const ATTRIBUTES = [['data-testid', 'buy'], ['aria-label', 'Close'], ['href', '/x'], ['name', 'q'], ['title', 'Say "hi"'], ['role', 'button']];

  type Node = { tag: number; classes: number[]; id: number | null; attribute: number | null; children: Node[] };
  const node: fc.Memo<Node> = fc.memo((depth) =>
    fc.record({
      tag: fc.nat(TAGS.length - 1),
      classes: fc.array(fc.nat(CLASSES.length - 1), { maxLength: 3 }),
      id: fc.option(fc.nat(IDS.length - 1), { freq: 4 }),
      attribute: fc.option(fc.nat(ATTRIBUTES.length - 1), { freq: 2 }),
      children: depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([]),
    }),
  );

  function build(doc: Document, spec: Node, parent: Element): void {
    const tag = TAGS[spec.tag]!;
    const element = tag === 'svg' ? doc.createElementNS('http://www.w3.org/2000/svg', 'svg') : doc.createElement(tag);
    if (spec.classes.length) element.setAttribute('class', spec.classes.map((index) => CLASSES[index]).join(' '));
    if (spec.id !== null) element.setAttribute('id', IDS[spec.id]!);
    if (spec.attribute !== null) element.setAttribute(ATTRIBUTES[spec.attribute]![0]!, ATTRIBUTES[spec.attribute]![1]!);
    parent.appendChild(element);
    if (tag !== 'input' && tag !== 'svg') for (const child of spec.children) build(doc, child, element);
  }

  it('is unique, escape-free and portable for every element', () => {
    fc.assert(
      fc.property(fc.array(node(4), { minLength: 1, maxLength: 4 }), fc.nat(), (roots, seed) => {
        const doc = document.implementation.createHTMLDocument('random');
        for (const spec of roots) build(doc, spec, doc.body);
        const elements = Array.from(doc.body.querySelectorAll('*'));
        const element = elements[seed % elements.length]!;
        const selector = generateSelector(element);
        expect(selector).not.toContain('\\');
        expect(Array.from(doc.querySelectorAll(selector))).toEqual([element]);
        const verdict = validateSelector(selector, doc);
        expect(verdict).toMatchObject({ ok: true, matchCount: 1 });
        if (verdict.ok) expect(verdict.hints).not.toContain('not-portable');
      }),
      { numRuns: 150 },
    );
    // 150 random pages in happy-dom take about 1.3 s alone, past 5 s beside other test files on a loaded machine.
  }, 60_000);
});
