import { STATE_ATTRIBUTES, classIssue, idIssue, isPlainIdent, isQuotable, isStateName, looksGenerated, valueIssue } from './names';

/**
 * The simple selectors an element offers, each with a cost: lower means more likely to survive a
 * deploy and more meaningful to a reader (Playwright's selectorGenerator scores parts the same way).
 * `own` costs apply to the picked element itself, `anchor` costs to one of its ancestors.
 */
const ATTRIBUTE_RULES: readonly AttributeRule[] = [
  { name: 'data-goalpost', own: 0.5, anchor: 1, alone: true },
  { name: 'data-testid', own: 1, anchor: 1, alone: true },
  { name: 'data-test-id', own: 1, anchor: 1, alone: true },
  { name: 'data-test', own: 1, anchor: 1, alone: true },
  { name: 'data-qa', own: 1, anchor: 1, alone: true },
  { name: 'data-qa-id', own: 1, anchor: 1, alone: true },
  { name: 'data-cy', own: 1, anchor: 1, alone: true },
  { name: 'data-e2e', own: 1, anchor: 1, alone: true },
  { name: 'name', own: 3, anchor: 4 },
  { name: 'aria-label', own: 4, anchor: 5, text: true },
  { name: 'for', own: 4, anchor: 6, tags: ['label'] },
  { name: 'href', own: 5, anchor: 8, tags: ['a', 'area'], url: true },
  { name: 'action', own: 5, anchor: 6, tags: ['form'], url: true },
  { name: 'itemprop', own: 6, anchor: 5 },
  { name: 'placeholder', own: 5, anchor: 9, text: true },
  { name: 'title', own: 6, anchor: 8, text: true },
  { name: 'alt', own: 6, anchor: 9, text: true },
  { name: 'role', own: 8, anchor: 6 },
  { name: 'type', own: 9, anchor: 10, tags: ['input', 'button', 'select'] },
  { name: 'rel', own: 10, anchor: 11, tags: ['a'] },
  { name: 'src', own: 9, anchor: 12, tags: ['img', 'iframe', 'video', 'audio', 'source', 'embed'], url: true },
];

/** `data-track…` attributes a site adds for analytics are meant to stay. */
const TRACKING_ATTRIBUTE = /^data-(track|tracking|analytics|ga|gtm|event)(-|$)/;
const TRACKING_COST = { own: 2, anchor: 2 };
/** Any other `data-*` attribute: often stable component names (`data-component="header"`). */
const DATA_ATTRIBUTE_COST = { own: 7, anchor: 6 };
/** `data-*` attributes written by frameworks at build or run time, or holding positions. */
const UNSTABLE_DATA_ATTRIBUTE =
  /^data-(v-|react|n-head|emotion|styled|sc-|rh$|hid$|testing-library|lazy|src|srcset|original|ll-|aos|sr-|wow|pin|index|idx|pos|position|order|count|time|timestamp|ts$|nonce|token|session|rand|uuid|guid|key$|slot|row|col|item-index|offset|page|nosnippet|ved|jsaction|ei$)/;

/** Query parameters that differ on every visit. */
const PER_VISIT_PARAMETERS = 'sid|sessionid|session|token|nonce|ts|timestamp|cb|_|rand|random|cache';
/** Query parameters that differ per campaign or referrer. */
const CAMPAIGN_PARAMETERS = 'utm_[a-z]+|fbclid|gclid|msclkid|mc_[a-z]+|ref_?';
/** A link carrying per-visit or campaign parameters is not stable. */
const DYNAMIC_URL = new RegExp(`^javascript:|[?&](${CAMPAIGN_PARAMETERS}|${PER_VISIT_PARAMETERS})=`, 'i');
/** A link carrying per-visit parameters cannot even serve as a guard. */
const PER_VISIT_URL = new RegExp(`[?&](${PER_VISIT_PARAMETERS})=`, 'i');
/** Attributes whose values differ on every visit: as a guard they would never match again. */
const PER_VISIT_ATTRIBUTE = /(nonce|token|csrf|session|time|timestamp|^data-ts$|rand|uuid|guid|expires)/;
/** A hash-like run of hex with letters and digits (a session or cache key); plain long numbers are content ids. */
const LONG_HEX = /(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}/i;
/** Values of `data-*` flags that a script flips. */
const STATE_VALUES = new Set(['true', 'false', 'yes', 'no', '0', '1', 'none']);

const ID_COST = { own: 2, anchor: 2 };
const CLASS_COST = { own: 7, anchor: 4 };
const UTILITY_CLASS_COST = { own: 14, anchor: 12 };
/**
 * A generated class or id of the element itself (a hash, a database number) is a last resort,
 * but a better one than its own position: when it changes the selector stops matching, whereas a
 * shifted position silently matches a neighbour (issue 3: the wrong element is the worst outcome).
 * Run-time counters (`:r1:`, `mui-3`) are never used: another element may get them.
 */
const GENERATED_OWN_COST = 27;
/** A part kept only as a guard next to a position (see `guardFeatures`). */
const GUARD_COST = 20;
/** A part kept as a guard only because nothing steadier tells the element from its neighbour. */
const FALLBACK_GUARD_COST = 25;
/** The target's tag alone: a new element of the same kind nearby would match it too. */
export const BARE_TAG_COST = 9;
/** Tags that name a region or a role of their own and so make a good anchor. */
const ANCHOR_TAG_COST: Readonly<Record<string, number>> = {
  main: 3, nav: 4, header: 4, footer: 4, aside: 5, form: 5, article: 6, section: 7, dialog: 4,
  table: 7, thead: 8, tbody: 9, tfoot: 8, ul: 8, ol: 8, dl: 8, figure: 7, h1: 5, h2: 6, h3: 6,
  h4: 6, h5: 6, h6: 6, label: 7, button: 6, a: 7, li: 9, tr: 10, td: 10, th: 9, fieldset: 6,
  select: 6, picture: 8, menu: 5, details: 6, summary: 6, blockquote: 7, p: 10, svg: 8,
};
/**
 * Position is the last resort (PRODUCT.md §2). The element's own position and its parent's shift
 * with any insert next to them; a top-level section shifts with any banner; higher up, a position
 * says less and less, so it costs a little more per level.
 */
const POSITION_COST = { own: 30, parent: 28, anchor: 24, perLevel: 0.25, topLevel: 40 };
const QUALIFIED_POSITION_COST = 1;
const TAGGED_POSITION_COST = 0.5;

const MAX_TEXT_VALUE = 60;
const MAX_URL_VALUE = 200;
const MAX_VALUE = 80;
const MAX_GUARD_VALUE = 300;

/** Features of the picked element itself. */
export function ownFeatures(element: Element): Feature[] {
  return featuresOf(element, 0);
}

/**
 * The part to write next to the element's position so that the selector stops matching, rather
 * than matching a neighbour, when the siblings shift: one the element has and that whatever would
 * then stand at its position lacks (the sibling before it, or a new bare element of the same tag
 * when it is the first child). `null` when the parts already written do that, or when none can.
 */
export function shiftGuard(element: Element, written: Feature[]): Feature | null {
  const previous = element.previousElementSibling;
  const ruledOut = (feature: Feature) => (previous ? !hasFeature(previous, feature) : true);
  if (written.some(ruledOut)) return null;
  const texts = new Set(written.map((feature) => feature.text));
  // Any plain attribute will do as a guard, even one that says little on its own (`fill`, `type`);
  // failing those, a part that may change on its own: then the selector stops matching, where a
  // bare position would silently match the neighbour.
  return [...ownFeatures(element), ...guardFeatures(element), ...fallbackGuards(element)].find((feature) =>
    feature.match.kind !== 'nth' && !texts.has(feature.text) && ruledOut(feature)) ?? null;
}

/**
 * Parts never chosen to name an element, kept as guards of last resort: run-time ids and
 * render-order attributes (`data-reactid`), then state classes and attributes, the inline style last.
 */
function fallbackGuards(element: Element): Feature[] {
  const tag = emittableTag(element);
  const guards: Feature[] = [];
  const add = (match: Matcher, text: string, cost: number, hint: FeatureHint) => guards.push(feature(0, match, text, cost, hint, tag));
  const id = element.getAttribute('id');
  if (id !== null && isQuotable(id) && id.trim() !== '' && idIssue(id) !== null) add({ kind: 'attr', name: 'id', value: id }, `[id="${id}"]`, FALLBACK_GUARD_COST, 'generated-name');
  for (const name of classesOf(element)) {
    if (isPlainIdent(name) && classIssue(name) === 'state') add({ kind: 'class', name }, `.${name}`, FALLBACK_GUARD_COST + 1, 'state-name');
  }
  for (const { name, value } of Array.from(element.attributes)) {
    if (name === 'id' || name === 'class' || !isMatchableName(name) || value.length > MAX_GUARD_VALUE || !isQuotable(value) || value.trim() === '') continue;
    if (isGuard(name, value) || PER_VISIT_URL.test(value) || PER_VISIT_ATTRIBUTE.test(name)) continue;
    const cost = name === 'style' ? FALLBACK_GUARD_COST + 3 : STATE_ATTRIBUTES.has(name) ? FALLBACK_GUARD_COST + 2 : FALLBACK_GUARD_COST;
    add({ kind: 'attr', name, value }, `[${name}="${value}"]`, cost, STATE_ATTRIBUTES.has(name) ? 'state-name' : 'generated-name');
  }
  return guards.sort(byCost);
}

/**
 * Every plain attribute of the element as a part, including those that say too little to choose
 * (`fill`, `width`): used only to make a positional selector stop matching when siblings shift.
 */
function guardFeatures(element: Element): Feature[] {
  const tag = emittableTag(element);
  const guards: Feature[] = [];
  for (const attribute of Array.from(element.attributes)) {
    const { name, value } = attribute;
    if (!isGuard(name, value)) continue;
    guards.push(feature(0, { kind: 'attr', name, value }, `[${name}="${value}"]`, GUARD_COST, null, tag));
  }
  // The whole class attribute, when the neighbour has the same classes and more (`.item` versus
  // `.item.item--new`): `[class="item"]` is the one portable way to say "and nothing else".
  const classes = element.getAttribute('class');
  if (classes !== null && isQuotable(classes) && classes.trim() !== '' && !classesOf(element).some((name) => classIssue(name) === 'state')) {
    guards.push(feature(0, { kind: 'attr', name: 'class', value: classes }, `[class="${classes}"]`, GUARD_COST + 1, null, tag));
  }
  return guards;
}

/**
 * A guard only has to tell the element from its neighbours today and to stop matching when it
 * changes, so more values qualify than for naming the element: campaign parameters, hashes and
 * long numbers, a button's `value`. What changes on its own does not: state, per-visit parameters,
 * render-order counters (`data-reactid`, `data-index`).
 */
function isGuard(name: string, value: string): boolean {
  if (name === 'id' || name === 'class' || (STATE_ATTRIBUTES.has(name) && name !== 'value') || !isMatchableName(name)) return false;
  if (value.length > MAX_GUARD_VALUE || !isQuotable(value) || value.trim() === '' || PER_VISIT_URL.test(value)) return false;
  if (!name.startsWith('data-')) return true;
  const words = name.slice('data-'.length);
  return !UNSTABLE_DATA_ATTRIBUTE.test(name) && !isStateName(words) && !/(^|-)(state|status)$/.test(words) && !isStateName(value);
}

/**
 * An attribute name a selector can ask for. `xmlns` looks plain but is a namespace declaration:
 * the HTML parser puts it in the XMLNS namespace, where `[xmlns="…"]` (no namespace) never
 * matches it, so a chain built on it unchecked (a search stopped by the clock) matched nothing.
 */
function isMatchableName(name: string): boolean {
  return isPlainIdent(name) && name !== 'xmlns';
}

/** Features of an ancestor at `level` (1 = parent) usable as anchors. */
export function anchorFeatures(element: Element, level: number): Feature[] {
  return featuresOf(element, level);
}

function featuresOf(element: Element, level: number): Feature[] {
  const own = level === 0;
  const tag = emittableTag(element);
  const features: Feature[] = [];
  const id = element.getAttribute('id');
  const idVerdict = id === null ? 'absent' : idIssue(id);
  if (id !== null && (idVerdict === null || (own && idVerdict === 'generated'))) {
    const text = isPlainIdent(id) ? `#${id}` : isQuotable(id) ? `[id="${id}"]` : null;
    const generated = idVerdict === 'generated';
    if (text) features.push(feature(level, { kind: 'attr', name: 'id', value: id }, text, generated ? GENERATED_OWN_COST : pick(ID_COST, own), generated ? 'generated-name' : null));
  }
  for (const attribute of Array.from(element.attributes)) {
    const cost = attributeCost(attribute.name, attribute.value, tag, own);
    if (cost === null) continue;
    const match: Matcher = { kind: 'attr', name: attribute.name, value: attribute.value };
    // Test ids name the element on their own (`[data-testid="buy"]`); other attributes read best with the tag.
    const alone = ATTRIBUTE_RULES.some((rule) => rule.name === attribute.name && rule.alone);
    features.push(feature(level, match, `[${attribute.name}="${attribute.value}"]`, cost, null, alone ? null : tag));
  }
  for (const name of classesOf(element)) {
    const issue = classIssue(name);
    if (issue === 'generated' && own) {
      features.push(feature(level, { kind: 'class', name }, `.${name}`, GENERATED_OWN_COST, 'generated-name', tag));
      continue;
    }
    if (issue !== null && issue !== 'utility') continue;
    const cost = pick(issue === 'utility' ? UTILITY_CLASS_COST : CLASS_COST, own);
    features.push(feature(level, { kind: 'class', name }, `.${name}`, cost, issue === 'utility' ? 'style-class' : null, tag));
  }
  if (tag !== null && !own && ANCHOR_TAG_COST[tag] !== undefined) {
    features.push(feature(level, { kind: 'tag', name: tag }, '', ANCHOR_TAG_COST[tag], null, tag));
  }
  const index = childIndex(element);
  if (index !== null) {
    const topLevel = element.parentElement === element.ownerDocument.body;
    const cost = topLevel ? POSITION_COST.topLevel + (own ? POSITION_COST.own - POSITION_COST.anchor : 0)
      : own ? POSITION_COST.own
        : level === 1 ? POSITION_COST.parent : POSITION_COST.anchor + level * POSITION_COST.perLevel;
    if (own) {
      features.push(feature(level, { kind: 'nth', tag, index, qualifier: null }, `:nth-child(${index})`, cost, 'position', tag));
    } else {
      // An ancestor's slot, whatever fills it: a wrapper put around that ancestor, or a change of
      // its tag, keeps the slot. The tag is added only when the slot alone is not enough.
      features.push(feature(level, { kind: 'nth', tag: null, index, qualifier: null }, `:nth-child(${index})`, cost, 'position', null));
      features.push(feature(level, { kind: 'nth', tag, index, qualifier: null }, `:nth-child(${index})`, cost + TAGGED_POSITION_COST, 'position', tag));
      // The same position together with the ancestor's best part: a far stronger filter under a
      // descendant combinator (`li.slide:nth-child(2)` versus any second `li`).
      const best = features.find((part) => part.match.kind === 'class' || (part.match.kind === 'attr' && part.match.name !== 'id'));
      if (best && (best.match.kind === 'class' || best.match.kind === 'attr')) {
        const qualified: Matcher = { kind: 'nth', tag, index, qualifier: best.match };
        features.push(feature(level, qualified, `${best.text}:nth-child(${index})`, cost + QUALIFIED_POSITION_COST, 'position', tag));
      }
    }
  }
  return features.sort(byCost);
}

/** `tag` is the tag to write with the part (`a[href="/cart"]`), or `null` for a part that stands alone (`#main`). */
function feature(level: number, match: Matcher, text: string, cost: number, hint: FeatureHint | null, tag: string | null = null): Feature {
  return { level, match, text, cost, hint, tag };
}

function attributeCost(name: string, value: string, tag: string | null, own: boolean): number | null {
  if (name === 'id' || name === 'class' || STATE_ATTRIBUTES.has(name) || !isPlainIdent(name)) return null;
  // Long values (serialized JSON, base64 blobs) are never usable; judging them would only cost time.
  if (value.length > MAX_URL_VALUE) return null;
  const rule = ATTRIBUTE_RULES.find((candidate) => candidate.name === name);
  const cost = rule ? pick(rule, own) : TRACKING_ATTRIBUTE.test(name) ? pick(TRACKING_COST, own)
    : isStableDataAttribute(name, value) ? pick(DATA_ATTRIBUTE_COST, own) : null;
  if (cost === null) return null;
  if (rule?.tags && (tag === null || !rule.tags.includes(tag))) return null;
  return usableValue(value, rule) ? cost : null;
}

/** `data-*` attributes other than framework internals, positions, and state flags. */
function isStableDataAttribute(name: string, value: string): boolean {
  if (!name.startsWith('data-') || UNSTABLE_DATA_ATTRIBUTE.test(name)) return false;
  const words = name.slice('data-'.length);
  if (isStateName(words) || /(^|-)(state|status)$/.test(words)) return false;
  // Values written by a build (`data-snc="iIRhcf"`) change with it, like hashed class names.
  return !isStateName(value) && !STATE_VALUES.has(value.toLowerCase()) && !looksGenerated(value);
}

function usableValue(value: string, rule: AttributeRule | undefined): boolean {
  if (!isQuotable(value) || value.trim() === '' || value.trim() !== value) return false;
  if (rule?.url) return value.length <= MAX_URL_VALUE && !DYNAMIC_URL.test(value) && !LONG_HEX.test(value);
  if (valueIssue(value) !== null) return false;
  // Labels that carry numbers (`3 new messages`, `Posted 12:04`) change with the content.
  if (rule?.text) return value.length <= MAX_TEXT_VALUE && !/\d{2,}/.test(value);
  return value.length <= MAX_VALUE;
}

/** The tag as CSS can write it without escape, or `null` (e.g. `<foo:bar>` from the HTML parser). */
export function emittableTag(element: Element): string | null {
  const tag = element.localName;
  return isPlainIdent(tag) ? tag : null;
}

export function classesOf(element: Element): string[] {
  const value = element.getAttribute('class');
  if (!value) return [];
  const seen = new Set<string>();
  for (const name of value.split(/[ \t\n\f\r]+/)) if (name) seen.add(name);
  return [...seen];
}

/** 1-based position among element siblings, as `:nth-child` counts it; `null` for a root element. */
export function childIndex(element: Element): number | null {
  if (!element.parentNode || element.parentNode.nodeType === 9) return null;
  let index = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) index++;
  return index;
}

/** Whether `element` has `feature`, the way CSS would decide it for the selector text we emit. */
export function hasFeature(element: Element, feature: Feature, index: (element: Element) => number | null = childIndex): boolean {
  return matches(element, feature.match, index);
}

export function matches(element: Element, match: Matcher, index: (element: Element) => number | null = childIndex): boolean {
  switch (match.kind) {
    case 'attr':
      return element.getAttribute(match.name) === match.value;
    case 'class':
      return element.classList.contains(match.name);
    case 'tag':
      return element.localName === match.name;
    case 'nth':
      return (match.tag === null || element.localName === match.tag) && index(element) === match.index &&
        (match.qualifier === null || matches(element, match.qualifier, index));
  }
}

function pick(costs: { own: number; anchor: number }, own: boolean): number {
  return own ? costs.own : costs.anchor;
}

export function byCost(a: Feature, b: Feature): number {
  return a.cost - b.cost || a.level - b.level || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

export type Matcher =
  | { kind: 'attr'; name: string; value: string }
  | { kind: 'class'; name: string }
  | { kind: 'tag'; name: string }
  | { kind: 'nth'; tag: string | null; index: number; qualifier: Matcher | null };

export type FeatureHint = 'position' | 'style-class' | 'generated-name' | 'state-name';

export interface Feature {
  /** 0 = the picked element, 1 = its parent, … */
  level: number;
  match: Matcher;
  /** The simple selector without its tag: `.nav`, `[name="q"]`, `#main`, `:nth-child(3)`, `''` for a bare tag. */
  text: string;
  /** Tag to write in front of `text` when this part is used, or `null`. */
  tag: string | null;
  cost: number;
  hint: FeatureHint | null;
}

interface AttributeRule {
  name: string;
  own: number;
  anchor: number;
  /** Written without the tag: test ids are meant to name an element on their own. */
  alone?: boolean;
  /** Only on these tags (a `type` means little on a `div`). */
  tags?: readonly string[];
  /** Human-readable text: reject numbers that look like counts or times. */
  text?: boolean;
  /** A URL: reject per-visit parameters. */
  url?: boolean;
}
