import { chainLevels, type DomEvent } from './chain';
import { COMPILERS } from './compiler';
import { ancestorCompounds, lastResortOwnCompounds, ownCompounds, pathCompound, renderPath, textCompound, type Compound, type PathCompound } from './compounds';
import { filtersMatch, type StepFilters } from './filters';
import { compileStep, regexRuns, stepMatches, type CompiledStep } from './matching';
import { chainsContaining, composedSubtrees, ownChain, type IndexedElement, type PageIndex } from './page';

// A PostHog-safe "twin" selector for one element (issue 12): the cheapest selector, in shapes both
// PostHog compilers read as CSS would (compounds.ts), that matches the element's own event under
// both compilers and no other event autocapture records on the page.
//
// How the compilers join compounds decides the shapes tried (_old_compiler.py / _new_compiler.py
// `build_selector_regex`, parts innermost first):
// - `P > X` with P the parent: the new compiler puts P on the very next element of the chain; the
//   old one too when P starts with a tag, and anywhere further up when it does not.
// - `A X`, A an id, class or attribute of any ancestor: both find A further up the chain (the old
//   compiler anywhere after X, the new one on a whole element above it).
// - A tag-led compound after a descendant join must, in the old compiler, be the element right
//   after the previous compound's (it reads the space as `>`), so ancestors further up are reached
//   by a contiguous path of tags (`ul li a`) or by floating anchors; the new compiler reads that
//   path as ancestors in order, each with its own classes and position. After a `>`, the old and the
//   new compiler both let the next compound float (`.*`), so `>` is written only next to X.
// Adding a compound only adds conditions to the regex (and to the id check), so a longer selector
// can only match events its innermost compound X matches alone: X is judged once against the page,
// its anchored forms only against what X matched (its "survivors").

/** Own compounds tried alone. */
const MAX_OWN = 24;
/** Own compounds then narrowed down with anchors, cheapest first. */
const MAX_BASES = 5;
/** Other matches beyond which an own compound is not worth narrowing down. */
const MAX_SURVIVORS = 4000;
/** Floating anchors or parents added one at a time, each the one that rules out the most. */
const MAX_ANCHORS = 3;
/** Levels of a path of tags. */
const MAX_PATH = 16;
/**
 * Work one search may spend, in regex runs (a step against one event's chain, past the literal
 * shortcut; a chain ruled out by the shortcut alone counts 1/50): bounds the time in the page while
 * giving the same answer on a fast or a loaded machine.
 */
const DEFAULT_WORK = 20_000;
const SHORTCUT_WORK = 1 / 50;
const JOIN_COST = 1;
/** Filters beside the selector: an href changes with the site's URLs, a text with its copy. */
const HREF_FILTER_COST = 6;
const TEXT_FILTER_COST = 8;

export interface SafeSelector {
  selector: string;
  /**
   * The step's href / text filters sent beside the selector, when the selector alone also counts
   * other clicks and the filters (as PostHog matches them, filters.ts) rule some or all of them out.
   */
  filters?: StepFilters;
  /** Other recorded elements the selector with its filters would also count (0 for a fully safe one). */
  others: number;
}

export interface TwinOptions {
  /** Work this search may spend (see DEFAULT_WORK). */
  work?: number;
  /** Only these other events count (the bench asks whether one other click can be told apart at all). */
  among?: Element[];
}

/**
 * The cheapest selector that matches `element`'s own event under both compilers and no other
 * recorded event of the page; failing that, the one matching it and the fewest others; `null` only
 * when nothing matches it at all (autocapture does not record it).
 */
export function postHogSafeSelector(index: PageIndex, element: Element, event: DomEvent, options: TwinOptions = {}): SafeSelector | null {
  return new TwinSearch(index, element, event, options.work ?? DEFAULT_WORK, options.among).run();
}

interface Base {
  own: Compound;
  survivors: IndexedElement[];
}

interface Found {
  text: string;
  cost: number;
  others: number;
  filters?: StepFilters;
}

interface Anchor {
  level: number;
  compound: Compound;
}

class TwinSearch {
  private readonly pool: IndexedElement[];
  private readonly own;
  private readonly levels: { elements: Element[]; strings: string[] };
  private readonly ownVerdicts = new Map<string, boolean>();
  private work: number;
  private best: Found | null = null;
  /** Own compounds judged alone, with the other events each matches: the filter step starts from them too. */
  private bases: Base[] = [];

  constructor(private readonly index: PageIndex, private readonly element: Element, private readonly event: DomEvent, work: number, among?: Element[]) {
    const all = event === 'submit' ? index.submits : index.clicks;
    const within = composedSubtrees([element]);
    const only = among ? new Set(among) : null;
    this.pool = all.filter((item) => !within.has(item.element) && (!only || only.has(item.element)));
    this.own = ownChain(index, element);
    this.levels = chainLevels(element, index.cache);
    this.work = work;
  }

  run(): SafeSelector | null {
    const bases = this.judgeOwn();
    this.bases = bases;
    if (this.best?.others === 0) return this.answer();
    const tried = bases.slice(0, MAX_BASES);
    const narrowest = [...bases].sort((a, b) => a.survivors.length - b.survivors.length || a.own.cost - b.own.cost)[0];
    if (narrowest && !tried.includes(narrowest)) tried.push(narrowest);
    const anchorsOf = new Map<Base, Anchor[]>();
    for (const base of tried) {
      if (this.spent() || !this.worthTrying(base.own.cost)) continue;
      anchorsOf.set(base, this.anchor(base));
    }
    // A path of tags ties positions and tags to levels where floating anchors cannot.
    for (const base of tried) {
      if (this.spent() || !this.worthTrying(base.own.cost)) continue;
      this.path(base, anchorsOf.get(base) ?? []);
    }
    this.filter();
    return this.answer();
  }

  private answer(): SafeSelector | null {
    if (!this.best) return null;
    return { selector: this.best.text, ...(this.best.filters ? { filters: this.best.filters } : {}), others: this.best.others };
  }

  /**
   * When the best selector still counts other clicks: the step's `href` and `text` filters, which
   * PostHog matches beside the selector (filters.ts: the chain's first href; any text of the chain),
   * with the values the element's own chain carries, so they hold for its own click by construction
   * (checked again here). The one ruling out the most others, then href and a text together.
   */
  private filter(): void {
    const best = this.best;
    if (!best || best.others === 0) return;
    const own = this.own;
    const sets: { filters: StepFilters; cost: number }[] = [];
    if (own.href) sets.push({ filters: { href: own.href }, cost: HREF_FILTER_COST });
    for (const text of own.texts) if (text) sets.push({ filters: { text }, cost: TEXT_FILTER_COST });
    if (own.href) for (const text of own.texts) if (text) sets.push({ filters: { href: own.href, text }, cost: HREF_FILTER_COST + TEXT_FILTER_COST });
    const usable = sets.filter((set) => filtersMatch(set.filters, own));
    if (usable.length === 0) return;
    // The best selector, and each own compound alone (`a.u-block` and its href may do what no
    // selector can), each with the other events it matches.
    const starts: { text: string; cost: number; matched: IndexedElement[] }[] = [{ text: best.text, cost: best.cost, matched: this.matching(best.text, this.pool) }];
    for (const base of this.bases) if (base.own.text !== best.text) starts.push({ text: base.own.text, cost: base.own.cost, matched: base.survivors });
    // Classes the search leaves out (generated, utility, state), judged here only, where a filter
    // may make one of them enough.
    const tried = new Set(starts.map((start) => start.text));
    for (const extra of lastResortOwnCompounds(this.element)) {
      if (tried.has(extra.text) || this.spent() || !this.matchesOwn(extra.text)) continue;
      starts.push({ text: extra.text, cost: extra.cost, matched: this.matching(extra.text, this.pool, MAX_SURVIVORS) });
    }
    // Among equals with their filters, the selector that counts the fewest others on its own comes
    // first: a reader (or a check) that looks at the selector without its filters sees the best one.
    let chosen: (Found & { alone: number }) | null = null;
    for (const start of starts) {
      for (const set of usable) {
        const others = start.matched.filter((item) => filtersMatch(set.filters, item.chain)).length;
        const cost = start.cost + set.cost;
        const alone = start.matched.length;
        if (others >= best.others) continue;
        if (!chosen || others < chosen.others || (others === chosen.others && (alone < chosen.alone || (alone === chosen.alone && cost < chosen.cost)))) {
          chosen = { text: start.text, cost, others, filters: set.filters, alone };
        }
      }
    }
    if (chosen) this.best = { text: chosen.text, cost: chosen.cost, others: chosen.others, filters: chosen.filters };
  }

  /** Each own compound alone, against the whole page; returns those worth narrowing down. */
  private judgeOwn(): Base[] {
    const bases: Base[] = [];
    const byText = textCompound(this.element.localName, this.levels.strings[0]!);
    const owns = ownCompounds(this.element).slice(0, MAX_OWN);
    if (byText) owns.splice(owns.findIndex((own) => own.cost > byText.cost) >>> 0, 0, byText);
    for (const own of owns) {
      if (!this.worthTrying(own.cost)) break;
      if (!carries(this.levels.strings[0]!, own) || !this.matchesOwn(own.text)) continue;
      const survivors = this.matching(own.text, this.pool, MAX_SURVIVORS);
      this.consider({ text: own.text, cost: own.cost, others: survivors.length });
      if (survivors.length === 0) break;
      if (survivors.length < MAX_SURVIVORS) bases.push({ own, survivors });
    }
    return bases;
  }

  /**
   * Floating anchors (ids, classes, attributes of ancestors) and the parent, added one at a time:
   * each time the one the most survivors lack (their chain does not even contain its text), until
   * none is left. Returns the anchors kept, for the path search.
   */
  private anchor(base: Base): Anchor[] {
    const candidates: Anchor[] = [];
    const { elements, strings } = this.levels;
    for (let level = 1; level < elements.length; level++) {
      const { floating, tagLed } = ancestorCompounds(elements[level]!, level);
      for (const compound of floating) if (carries(strings[level]!, compound)) candidates.push({ level, compound });
      if (level === 1) for (const compound of tagLed) if (carries(strings[level]!, compound)) candidates.push({ level, compound });
    }
    let chosen: Anchor[] = [];
    let remaining = base.survivors;
    const rejected = new Set<Anchor>();
    // `from`: the events the new anchors may still match (all of the base's when one is replaced).
    const tryAnchors = (next: Anchor[], from = remaining): boolean => {
      const text = compose(next, base.own);
      const cost = costOf(next, base.own);
      if (!this.worthTrying(cost) || !this.matchesOwn(text)) return false;
      const survivors = this.matching(text, from);
      if (survivors.length >= remaining.length) return false;
      chosen = next;
      remaining = survivors;
      this.consider({ text, cost, others: remaining.length });
      return true;
    };
    for (let round = 0; round < 2; round++) {
      while (chosen.length < MAX_ANCHORS && remaining.length > 0 && !this.spent()) {
        const move = this.bestMove(candidates, chosen, remaining, rejected);
        if (!move) break;
        if (!tryAnchors([...chosen, move])) rejected.add(move);
      }
      // A floating anchor on the parent (`.card > a`) floats in the old compiler; when others are
      // left, the parent starting with its tag (`article.card > a`, `div > a`) sits on the very next
      // element in both: tried in its place.
      if (remaining.length === 0 || this.spent()) break;
      let upgraded = false;
      for (const anchor of candidates) {
        if (anchor.level !== 1 || !anchor.compound.tagLed || rejected.has(anchor) || chosen.includes(anchor)) continue;
        const kept = chosen.filter((item) => item.level !== 1);
        if (tryAnchors([...kept, anchor], kept.length === chosen.length ? remaining : base.survivors)) {
          upgraded = true;
          break;
        }
        rejected.add(anchor);
      }
      if (!upgraded) break;
    }
    if (remaining.length === 0) this.dropRedundant(chosen, base);
    return chosen;
  }

  /** The candidate ruling out the most survivors by their chains' text; parents by a real test. */
  private bestMove(candidates: Anchor[], chosen: Anchor[], remaining: IndexedElement[], rejected: Set<Anchor>): Anchor | null {
    let best: { anchor: Anchor; ruledOut: number } | null = null;
    const used = new Set(chosen.map((anchor) => anchor.level));
    for (const anchor of candidates) {
      if (rejected.has(anchor) || used.has(anchor.level)) continue;
      const hits = anchor.compound.literals.map((literal) => this.containing(literal));
      let ruledOut = 0;
      for (const item of remaining) if (hits.some((hit) => hit[item.position] === 0)) ruledOut++;
      this.work -= remaining.length * SHORTCUT_WORK * 0.1;
      if (ruledOut === 0) continue;
      if (!best || ruledOut > best.ruledOut || (ruledOut === best.ruledOut && anchor.compound.cost < best.anchor.compound.cost)) best = { anchor, ruledOut };
    }
    if (best) return best.anchor;
    // Nothing is missing from their chains: only where things are can tell them apart. A parent
    // starting with a tag sits on the very next element in both compilers.
    for (const anchor of candidates) {
      if (rejected.has(anchor) || used.has(anchor.level) || anchor.level !== 1 || !anchor.compound.tagLed) continue;
      return anchor;
    }
    return null;
  }

  /** Anchors that a later one made useless are dropped (cheaper, same events). */
  private dropRedundant(chosen: Anchor[], base: Base): void {
    for (const anchor of [...chosen].sort((a, b) => b.compound.cost - a.compound.cost)) {
      const fewer = chosen.filter((item) => item !== anchor);
      const text = compose(fewer, base.own);
      if (!this.matchesOwn(text)) continue;
      if (this.matching(text, base.survivors, 1).length > 0) continue;
      chosen.splice(chosen.indexOf(anchor), 1);
      this.consider({ text, cost: costOf(fewer, base.own), others: 0 });
    }
  }

  /**
   * A contiguous path of tags from X's parent up (`div:nth-child(2) ul li a`), each with its classes
   * and position, under the floating anchors found above it: the old compiler keeps the tags on
   * consecutive elements, the new one keeps each part on one element. The shortest path that rules
   * every survivor out is then stripped of the parts it does not need, dearest first.
   */
  private path(base: Base, anchors: Anchor[]): void {
    const parts: PathCompound[] = [];
    const { elements } = this.levels;
    for (let level = 1; level < Math.min(elements.length, MAX_PATH + 1); level++) {
      const part = pathCompound(elements[level]!, level);
      if (!part) break;
      parts.push(part);
      const above = anchors.filter((anchor) => anchor.level > level);
      const full = parts.map((item) => ({ classes: item.classes.length, position: true }));
      let text = composePath(above, parts, full, base.own);
      if (!this.matchesOwn(text)) {
        // The old compiler reads classes anywhere after the tag; without them the path may still fit.
        for (const use of full) use.classes = 0;
        text = composePath(above, parts, full, base.own);
        if (!this.matchesOwn(text)) continue;
      }
      if (this.matching(text, base.survivors, 1).length > 0) {
        if (this.spent()) return;
        continue;
      }
      this.prunePath(base, above, parts, full);
      return;
    }
  }

  private prunePath(base: Base, above: Anchor[], parts: PathCompound[], use: { classes: number; position: boolean }[]): void {
    const exact = (candidate: typeof use, anchors: Anchor[], from = parts) => {
      const text = composePath(anchors, from, candidate, base.own);
      return this.matchesOwn(text) && this.matching(text, base.survivors, 1).length === 0;
    };
    // Dearest first: positions, then classes, then the anchors above.
    const order = parts.map((part, i) => ({ i, cost: part.position === null ? 0 : 24 + part.level })).sort((a, b) => b.cost - a.cost);
    for (const { i } of order) {
      if (this.spent()) break;
      if (!use[i]!.position || parts[i]!.position === null) continue;
      const candidate = use.map((item, j) => (j === i ? { ...item, position: false } : item));
      if (exact(candidate, above)) use.splice(0, use.length, ...candidate);
    }
    for (let i = parts.length - 1; i >= 0 && !this.spent(); i--) {
      while (use[i]!.classes > 0) {
        const candidate = use.map((item, j) => (j === i ? { ...item, classes: item.classes - 1 } : item));
        if (!exact(candidate, above)) break;
        use.splice(0, use.length, ...candidate);
      }
    }
    for (const anchor of [...above]) {
      const fewer = above.filter((item) => item !== anchor);
      if (exact(use, fewer)) above = fewer;
    }
    // The top of the path, while it is not needed.
    let kept = parts.length;
    while (kept > 1 && exact(use.slice(0, kept - 1), above, parts.slice(0, kept - 1))) kept--;
    const text = composePath(above, parts.slice(0, kept), use.slice(0, kept), base.own);
    const cost = pathCost(above, parts.slice(0, kept), use.slice(0, kept), base.own);
    this.consider({ text, cost, others: 0 });
  }

  /** Which of the page's events have `text` in their chain (computed once per page and text). */
  private containing(text: string): Uint8Array {
    const known = this.index.contains.has(`${this.event}\u0000${text}`);
    if (!known) this.work -= this.pool.length * SHORTCUT_WORK;
    return chainsContaining(this.index, text, this.event);
  }

  /** Both compilers match the element's own event. */
  private matchesOwn(text: string): boolean {
    const known = this.ownVerdicts.get(text);
    if (known !== undefined) return known;
    const steps = compileBoth(text);
    const verdict = steps.every((step) => stepMatches(step, this.own));
    this.ownVerdicts.set(text, verdict);
    this.work -= 2;
    return verdict;
  }

  /** The events among `among` either compiler would count with `text` (up to `limit`). */
  private matching(text: string, among: IndexedElement[], limit = Infinity): IndexedElement[] {
    const steps = compileBoth(text);
    const out: IndexedElement[] = [];
    const runs = regexRuns.count;
    let tested = 0;
    for (const item of among) {
      if (out.length >= limit) break;
      tested++;
      if (steps.some((step) => stepMatches(step, item.chain))) out.push(item);
    }
    const ran = regexRuns.count - runs;
    this.work -= ran + (tested * 2 - ran) * SHORTCUT_WORK;
    return out;
  }

  private consider(found: Found): void {
    const best = this.best;
    if (!best || found.others < best.others || (found.others === best.others && found.cost < best.cost)) this.best = found;
  }

  /** A candidate of this cost can still beat what was found. */
  private worthTrying(cost: number): boolean {
    return !this.best || this.best.others > 0 || cost < this.best.cost;
  }

  private spent(): boolean {
    return this.work <= 0;
  }
}

/** Whether an element's chain string carries all of a compound's text (else it cannot match there). */
function carries(elementString: string, compound: Compound): boolean {
  return compound.literals.every((literal) => elementString.includes(literal));
}

/** Anchors (outermost first) over X: `>` only between X and a parent, spaces above. */
function compose(anchors: Anchor[], own: Compound): string {
  const sorted = [...anchors].sort((a, b) => b.level - a.level);
  let text = '';
  for (const anchor of sorted) text += `${anchor.compound.text}${anchor.level === 1 ? ' > ' : ' '}`;
  return text + own.text;
}

function costOf(anchors: Anchor[], own: Compound): number {
  return anchors.reduce((sum, anchor) => sum + anchor.compound.cost + JOIN_COST, own.cost);
}

function composePath(anchors: Anchor[], parts: PathCompound[], use: { classes: number; position: boolean }[], own: Compound): string {
  const sorted = [...anchors].sort((a, b) => b.level - a.level);
  const written = [...sorted.map((anchor) => anchor.compound.text)];
  for (let i = parts.length - 1; i >= 0; i--) written.push(renderPath(parts[i]!, use[i]!).text);
  written.push(own.text);
  return written.join(' ');
}

function pathCost(anchors: Anchor[], parts: PathCompound[], use: { classes: number; position: boolean }[], own: Compound): number {
  let cost = costOf(anchors, own);
  for (const [i, part] of parts.entries()) cost += renderPath(part, use[i]!).cost + JOIN_COST;
  return cost;
}

function compileBoth(selector: string): CompiledStep[] {
  return COMPILERS.map((compiler) => compileStep(selector, compiler));
}
