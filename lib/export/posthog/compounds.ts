import { anchorFeatures, childIndex, classesOf, ownFeatures, type Feature } from '@/lib/selector/features';
import { classIssue, idIssue, isPlainIdent, isQuotable, STATE_ATTRIBUTES } from '@/lib/selector/names';

// The compounds a PostHog twin selector is built from (issue 12): the parts of one element that
// both of PostHog's compilers read the way CSS does, each with a cost (lower = likelier to survive a
// deploy, from lib/selector/features.ts where it has one) and the literal text the element chain
// must contain for the compound to match (a cheap, exact way to rule an event out).
//
// Shapes, from what _old_compiler.py / _new_compiler.py do with a compound:
// - one attribute and nothing but a letters-only tag beside it (`a[href="/x"]`, `[data-testid="b"]`):
//   the old compiler reads `tag.class[attr]`, `#id[attr]`, `[a][b]`, `h2[…]`, `my-button[…]` wrongly;
// - `#id`, `[id="…"]`, `tag.class…`, `tag:nth-child(n)`, `tag.class…:nth-child(n)`; never
//   `:nth-of-type` (old) nor `[attr]:nth-child(n)` (old drops the position).
// A compound that starts with a tag ("tag-led") must, in the old compiler, sit on the element right
// after the previous compound's; one without a tag ("floating") is looked for anywhere further up.

export interface Compound {
  text: string;
  cost: number;
  tagLed: boolean;
  /** What the chain must contain for this compound to match there: `tag`, `.class`, `key="value"`. */
  literals: string[];
}

const LETTERS_ONLY = /^[a-zA-Z]+$/;
const VALID_TAG = /^[a-zA-Z][a-zA-Z0-9-]*$/;
/** The element's bare tag: any element of its kind would match. */
const BARE_TAG_COST = 9;
/** Names a build or a run writes (hashes, numbers): fine to tell elements apart today, they may change. */
const GENERATED_ID_COST = 14;
const GENERATED_CLASS_COST = 16;
const SEQUENTIAL_ID_COST = 15;
/** Attributes no rule of lib/selector/features.ts names, kept for telling repeated components apart. */
const OTHER_ATTRIBUTE_COST = 18;
const MAX_OTHER_VALUE = 120;
/** A tag in a contiguous path of tags (`ul li a`): cheap, tags rarely change. */
const PATH_TAG_COST = 1;
/** An ancestor's position in such a path: the last resort (PRODUCT.md §2). */
export const PATH_POSITION_COST = 24;
/** Each level further up costs a little more: the longer the path, the more a deploy can break. */
const PER_LEVEL = 0.25;

/** The element's own compounds, cheapest first. */
export function ownCompounds(element: Element): Compound[] {
  const tag = element.localName;
  const features = ownFeatures(element);
  const out: Compound[] = [];
  for (const feature of features) {
    const compound = featureCompound(feature, tag);
    if (compound) out.push(compound);
  }
  if (VALID_TAG.test(tag)) out.push({ text: tag, cost: BARE_TAG_COST, tagLed: true, literals: [tag] });
  // Classes together, and a class with the position: both compilers read `tag.a.b:nth-child(n)`.
  const classes = out.filter((compound) => /^[a-zA-Z0-9-]*\.[^.:[]+$/.test(compound.text));
  const position = features.find((feature) => feature.match.kind === 'nth');
  for (const [i, first] of classes.entries()) {
    for (const second of classes.slice(i + 1, i + 3)) {
      const name = second.text.split('.').pop()!;
      out.push({ text: `${first.text}.${name}`, cost: first.cost + second.cost, tagLed: first.tagLed, literals: [...first.literals, name] });
    }
    if (position && position.match.kind === 'nth') {
      out.push({
        text: `${first.text}:nth-child(${position.match.index})`,
        cost: first.cost + position.cost - 10,
        tagLed: first.tagLed,
        literals: [...first.literals, `nth-child="${position.match.index}"`],
      });
    }
  }
  return dedupe(out);
}

/**
 * An ancestor's compounds at `level` (1 = parent): the floating ones (id, class, attribute) for
 * anchoring anywhere above, the tag-led ones for the parent (`li > a`).
 */
export function ancestorCompounds(element: Element, level: number): { floating: Compound[]; tagLed: Compound[] } {
  const tag = element.localName;
  const floating: Compound[] = [];
  const tagLed: Compound[] = [];
  const extra = level * PER_LEVEL;
  for (const feature of anchorFeatures(element, level)) {
    if (feature.match.kind === 'tag') {
      if (VALID_TAG.test(tag)) tagLed.push({ text: tag, cost: feature.cost + extra, tagLed: true, literals: [tag] });
      continue;
    }
    const compound = featureCompound(feature, tag);
    if (!compound) continue;
    compound.cost += extra;
    (compound.tagLed ? tagLed : floating).push(compound);
    // A floating twin of a tag-led attribute (`[role="x"]` for `nav[role="x"]`) can anchor from afar.
    if (compound.tagLed && feature.match.kind === 'attr') {
      const text = compound.text.slice(tag.length);
      floating.push({ text, cost: compound.cost + 0.5, tagLed: false, literals: compound.literals.slice(1) });
    }
  }
  floating.push(...extraAnchors(element, extra));
  return { floating: dedupe(floating), tagLed: dedupe(tagLed) };
}

/**
 * Classes lib/selector/features.ts avoids, by why, as a last resort to tell a component from its
 * repeats: generated names change with a build, utility (styling) names with a redesign, state
 * names may be toggled by a script (`sticky-social`, `is-open`): dearest, since a click made while
 * the state is off is not counted.
 */
const LAST_RESORT_CLASS_COST: Record<string, number> = { generated: GENERATED_CLASS_COST, utility: 22, state: 30 };

/**
 * The element's own classes that features.ts leaves out (generated, utility, state), as `tag.class`:
 * tried after its other compounds, for an element whose repeats nothing else tells apart.
 */
export function lastResortOwnCompounds(element: Element): Compound[] {
  const tag = element.localName;
  const out: Compound[] = [];
  for (const name of classesOf(element)) {
    const cost = isPlainIdent(name) ? LAST_RESORT_CLASS_COST[classIssue(name) ?? ''] : undefined;
    if (cost === undefined) continue;
    const withTag = VALID_TAG.test(tag);
    out.push({ text: withTag ? `${tag}.${name}` : `.${name}`, cost: cost + 2, tagLed: withTag, literals: withTag ? [tag, `.${name}`] : [`.${name}`] });
  }
  return out;
}

/**
 * Parts lib/selector/features.ts leaves out on purpose (generated ids and classes, attributes of
 * no known meaning) but that tell a component from its repeats today: a twin that stops matching
 * after a deploy counts nothing, which is safer than counting the wrong clicks (issue 12).
 */
function extraAnchors(element: Element, extra: number): Compound[] {
  const out: Compound[] = [];
  const id = element.getAttribute('id');
  // Generated ids (`ember123`) and sequential ones (`menu-item-4183`, `post-343960`): both name one
  // repeat of a component on the page as it is; never state ids, which change as the user acts.
  const issue = id === null ? null : idIssue(id);
  if (id !== null && (issue === 'generated' || issue === 'sequential') && plainId(id)) out.push(idCompound(id, (issue === 'sequential' ? SEQUENTIAL_ID_COST : GENERATED_ID_COST) + extra));
  for (const name of classesOf(element)) {
    const cost = isPlainIdent(name) ? LAST_RESORT_CLASS_COST[classIssue(name) ?? ''] : undefined;
    if (cost !== undefined) out.push(classCompound(name, cost + extra));
  }
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'id' || name === 'class' || STATE_ATTRIBUTES.has(name) || !isPlainIdent(name)) continue;
    if (value.length > MAX_OTHER_VALUE || !safeValue(value)) continue;
    out.push({ text: `[${name}="${value}"]`, cost: OTHER_ATTRIBUTE_COST + extra, tagLed: false, literals: [`${name}="${value}"`] });
  }
  return out;
}

/**
 * The richest tag-led compound of an ancestor for a path of tags: its tag, its best classes and its
 * position, each part removable (`parts` lists them with their costs, for pruning).
 */
export function pathCompound(element: Element, level: number): PathCompound | null {
  const tag = element.localName;
  if (!VALID_TAG.test(tag)) return null;
  const classes: { name: string; cost: number }[] = [];
  for (const name of classesOf(element)) {
    if (!isPlainIdent(name)) continue;
    const issue = classIssue(name);
    if (issue === 'state' || issue === 'needs-escape') continue;
    classes.push({ name, cost: issue === null ? 4 : issue === 'utility' ? 12 : GENERATED_CLASS_COST });
  }
  classes.sort((a, b) => a.cost - b.cost);
  const index = tag === 'body' ? null : childIndex(element);
  return { tag, level, classes: classes.slice(0, 2), position: index, cost: PATH_TAG_COST + level * PER_LEVEL };
}

export interface PathCompound {
  tag: string;
  level: number;
  classes: { name: string; cost: number }[];
  position: number | null;
  cost: number;
}

/** `tag.a.b:nth-child(n)` with the chosen parts, as a Compound. */
export function renderPath(part: PathCompound, use: { classes: number; position: boolean }): Compound {
  const classes = part.classes.slice(0, use.classes);
  const position = use.position && part.position !== null ? part.position : null;
  let text = part.tag;
  const literals = [part.tag];
  let cost = part.cost;
  for (const item of classes) {
    text += `.${item.name}`;
    literals.push(item.name);
    cost += item.cost;
  }
  if (position !== null) {
    text += `:nth-child(${position})`;
    literals.push(`nth-child="${position}"`);
    cost += PATH_POSITION_COST + part.level * PER_LEVEL;
  }
  return { text, cost, tagLed: true, literals };
}

/** One selector feature as a compound both compilers read right, or `null`. */
function featureCompound(feature: Feature, tag: string): Compound | null {
  const { match } = feature;
  switch (match.kind) {
    case 'attr': {
      if (match.name === 'id') {
        if (plainId(match.value)) return idCompound(match.value, feature.cost);
        if (!safeValue(match.value)) return null;
        return { text: `[id="${match.value}"]`, cost: feature.cost, tagLed: false, literals: [`attr_id="${match.value}"`] };
      }
      if (!safeValue(match.value)) return null;
      const attribute = `[${match.name}="${match.value}"]`;
      // Old compiler: only letters may stand before `[` (`h2[…]`, `my-button[…]` are misread).
      const withTag = feature.tag !== null && LETTERS_ONLY.test(tag);
      const literal = `${match.name}="${match.value}"`;
      return { text: withTag ? `${tag}${attribute}` : attribute, cost: feature.cost, tagLed: withTag, literals: withTag ? [tag, literal] : [literal] };
    }
    case 'class': {
      const withTag = feature.tag !== null && VALID_TAG.test(tag);
      return { text: withTag ? `${tag}.${match.name}` : `.${match.name}`, cost: feature.cost, tagLed: withTag, literals: withTag ? [tag, `.${match.name}`] : [`.${match.name}`] };
    }
    case 'nth': {
      if (match.qualifier && match.qualifier.kind !== 'class') return null; // `[attr]:nth-child(n)` loses its position (old)
      const qualifier = match.qualifier?.kind === 'class' ? `.${match.qualifier.name}` : '';
      const written = match.tag ?? (VALID_TAG.test(tag) ? tag : null);
      if (!written && !qualifier) return null;
      const literals = [...(written ? [written] : []), ...(qualifier ? [qualifier] : []), `nth-child="${match.index}"`];
      return { text: `${written ?? ''}${qualifier}:nth-child(${match.index})`, cost: feature.cost, tagLed: !!written, literals };
    }
    case 'tag':
      return null;
  }
}

function idCompound(id: string, cost: number): Compound {
  return { text: `#${id}`, cost, tagLed: false, literals: [`attr_id="${id}"`] };
}

function classCompound(name: string, cost: number): Compound {
  return { text: `.${name}`, cost, tagLed: false, literals: [`.${name}`] };
}

/** `#id` reads as the id in both compilers only when the id has no `.`, `#`, `[`, `:` or space. */
function plainId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id);
}

/** Values the old compiler's greedy `\[(.*)=['|"](.*)['|"]\]` reads back whole, with nothing to escape. */
export function safeValue(value: string): boolean {
  return isQuotable(value) && !/["'|\]\[=;\\\n]/.test(value) && value.trim() === value && value !== '';
}

function dedupe(compounds: Compound[]): Compound[] {
  const seen = new Map<string, Compound>();
  for (const compound of compounds) {
    const known = seen.get(compound.text);
    if (!known || compound.cost < known.cost) seen.set(compound.text, compound);
  }
  return [...seen.values()].sort((a, b) => a.cost - b.cost || a.text.length - b.text.length);
}

/** Text longer than this is rarely a stable name for a control. */
const MAX_TEXT = 60;
/** The element's text: readable, but copy changes and translations break it. */
const TEXT_COST = 20;

/**
 * `tag[text="…"]` for the element's recorded text (issue 12). posthog-js writes the text of the
 * event's target into the chain as `text="…"`, and both compilers read `[text="…"]` as exactly that
 * key and value (_old_compiler.py writes `text="…"` as is; _new_compiler.py `_chain_attribute_order`
 * lists `text` among the unprefixed chain keys): the selector form of the action step's text
 * filter. It names the click in PostHog only; no DOM element has a `text` attribute.
 */
export function textCompound(tag: string, headString: string): Compound | null {
  const match = /(?:^|[":])text="((?:\\.|[^"\\])*)"/.exec(headString);
  const text = match?.[1];
  if (!text || text.length > MAX_TEXT || !safeValue(text) || !LETTERS_ONLY.test(tag)) return null;
  const literal = `text="${text}"`;
  return { text: `${tag}[${literal}]`, cost: TEXT_COST, tagLed: true, literals: [tag, literal] };
}

