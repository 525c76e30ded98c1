/**
 * Which names (classes, ids, attribute values) a selector may rely on. PRODUCT.md §2 and issue 3:
 * names that need a CSS escape are never emitted; names that are generated at build or run time,
 * or that reflect UI state or styling, change between deploys and are avoided.
 */

/** A CSS identifier that needs no escape: `-`? then a letter or `_`, then letters, digits, `-`, `_`. */
const PLAIN_IDENT = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;

/** Characters an attribute value may contain inside `"…"` without an escape. */
const UNSAFE_IN_QUOTES = /["\\\u0000-\u001f\u007f]/;

/** Whole-name patterns of generated class names (CSS-in-JS, CSS modules, framework runtimes). */
const GENERATED_CLASS_PATTERNS: readonly RegExp[] = [
  /^(sc|css|jsx|svelte|astro|emotion|jss|makeStyles|ember)-/i,
  /^jss\d+$/,
  /^(ng|_ng)[-_]/,
  // CSS modules: Next.js `File_local__hash`, webpack `File__local___hash`, Gatsby `x-module--local--hash`.
  /_[A-Za-z0-9-]+__[A-Za-z0-9_-]{5}$/,
  /___[A-Za-z0-9_-]{5}$/,
  /-module--[A-Za-z0-9-]+--[A-Za-z0-9_-]{5}$/,
];

/**
 * Ids handed out by a counter at run time (React `useId`, component libraries, legacy frameworks):
 * after a change another element may get the same id, so they are never used.
 */
const SEQUENTIAL_ID_PATTERNS: readonly RegExp[] = [
  /^:[A-Za-z]*[0-9a-z]*:$/, // React 18 useId: `:r1:`, `:R2d6:`
  /[:«][rR][0-9a-zA-Z]*[:»]/, // React ids embedded by libraries: `radix-:r1:`, `«r3»`
  /^_[rR]_[0-9a-z]+_$/, // React 19.2 useId: `_r_1_`
  /^(radix|headlessui|mui|react-aria|rc-|reach-|downshift|ember|yui_|ext-gen|gwt-uid|ui-id|tippy|popper|chakra|mantine|floating-ui|bits-|ng-|mat-|cdk-)/i,
  /^(id|uid|gen|guid|auto)[-_]?\d/i,
];

/** Value patterns that mark a name as generated wherever they occur. */
const GENERATED_ANYWHERE: readonly RegExp[] = [
  /\d{4,}/, // long digit runs: `post-123456`, `ember1234`
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, // UUID
];

/** One word of these in a class name marks UI state that scripts toggle (`is-open`, `nav-active`). */
const STATE_WORDS = new Set([
  'active', 'inactive', 'opened', 'opening', 'closed', 'closing', 'selected', 'unselected',
  'current', 'expanded', 'collapsed', 'collapsing', 'shown', 'showing', 'visible', 'invisible',
  'hidden', 'focus', 'focused', 'hover', 'hovered', 'hovering', 'disabled', 'enabled', 'checked',
  'unchecked', 'loading', 'loaded', 'sticky', 'stuck', 'scrolled', 'scrolling', 'animated',
  'animating', 'highlighted', 'pressed', 'toggled', 'dragging', 'playing', 'paused', 'muted',
  'fullscreen', 'minimized', 'maximized', 'initialized', 'ready', 'mounted', 'valid', 'invalid',
  'touched', 'untouched', 'pristine', 'dirty', 'pending', 'lazyload', 'lazyloaded', 'lazyloading',
]);

/** Whole class names that are state on their own but ordinary words inside a longer name. */
const STATE_NAMES = new Set(['in', 'on', 'off', 'out', 'show', 'hide', 'fade', 'js', 'no-js', 'nojs']);

/** Words that are a state as a modifier at the end (`menu-open`) but an action in front (`js-open-modal`). */
const STATE_LAST_WORDS = new Set(['open']);

/** Prefix words that name a state: `is-open`, `isActive`. */
const STATE_PREFIX_WORDS = new Set(['is']);

/** Utility (Tailwind, Bootstrap) class prefixes; a utility is one of these plus a value-like suffix. */
const UTILITY_PREFIX = new RegExp(
  '^-?(' +
    [
      'm[trblxyse]?', 'p[trblxyse]?', 'w', 'h', 'min-w', 'max-w', 'min-h', 'max-h', 'size', 'gap(-[xy])?',
      'g[xy]?', 'space-[xy]', 'inset(-[xy])?', 'top', 'right', 'bottom', 'left', 'start', 'end', 'z',
      'order', 'col(-span|-start|-end)?', 'row(-span|-start|-end)?', 'grid-cols', 'grid-rows', 'basis',
      'grow', 'shrink', 'flex', 'text', 'font', 'fw', 'fs', 'lh', 'leading', 'tracking', 'bg', 'from',
      'via', 'to', 'border(-[trblxyse])?', 'rounded(-[trblse]{1,2})?', 'shadow', 'opacity', 'ring',
      'ring-offset', 'outline', 'fill', 'stroke', 'divide(-[xy])?', 'translate-[xy]', 'rotate',
      'scale(-[xy])?', 'skew-[xy]', 'origin', 'duration', 'ease', 'delay', 'transition', 'animate',
      'cursor', 'select', 'pointer-events', 'overflow(-[xy])?', 'overscroll', 'object', 'aspect',
      'columns', 'float', 'clear', 'justify(-content|-items|-self)?', 'items', 'align(-items|-self|-content)?',
      'self', 'place(-content|-items|-self)?', 'whitespace', 'break', 'decoration', 'underline-offset',
      'line-clamp', 'indent', 'd', 'display', 'position', 'blur', 'brightness', 'contrast', 'grayscale',
      'invert', 'saturate', 'sepia', 'backdrop', 'accent', 'caret', 'scroll', 'snap', 'touch',
      'will-change', 'list', 'vertical-align', 'visible', 'sr',
    ].join('|') +
    ')-',
);

/** Suffixes that make a prefixed class a utility: numbers, sizes, colours, keywords. */
const UTILITY_VALUE =
  /(\d|(^|-)(xs|sm|md|lg|xl|\dxl|full|screen|auto|px|none|white|black|transparent|current|inherit|center|left|right|start|end|between|around|evenly|stretch|baseline|top|bottom|middle|bold|semibold|medium|normal|light|thin|extrabold|italic|wrap|nowrap|hidden|visible|scroll|clip|muted|primary|secondary|success|danger|warning|info|dark|body|uppercase|lowercase|capitalize|only|pointer|x|y|min|max|fit|reverse|solid|dashed|dotted|double|justify|contain|cover|fill|rounded|lead)$)/;

/** Display and flex-direction utilities, whose values are words shared with ordinary names. */
const DISPLAY_UTILITY = /^(d|display)(-[a-z]{2,3})?-(none|inline|inline-block|block|grid|table|flex|inline-flex|contents)$|^flex-(row|col|column|wrap|nowrap|fill)(-reverse)?$/;

/** Bare utility classes (Tailwind, Bootstrap) that say how an element looks, not what it is. */
const UTILITY_WORDS = new Set([
  'flex', 'grid', 'block', 'inline', 'inline-block', 'inline-flex', 'inline-grid', 'hidden',
  'contents', 'table', 'relative', 'absolute', 'fixed', 'static', 'container', 'truncate',
  'uppercase', 'lowercase', 'capitalize', 'italic', 'underline', 'antialiased', 'sr-only',
  'not-sr-only', 'invisible', 'shadow', 'rounded', 'border', 'grow', 'shrink', 'transform',
  'transition', 'clearfix', 'pull-left', 'pull-right', 'row', 'col', 'small', 'lead', 'ml-auto',
  'mr-auto', 'mx-auto', 'float-left', 'float-right', 'visually-hidden', 'screen-reader-text',
]);

/** Classes that hide text from the eye but not from screen readers: never toggled, despite their words. */
const SCREEN_READER_CLASSES = new Set(['visually-hidden', 'element-invisible', 'screen-reader-text', 'sr-only', 'u-visually-hidden', 'is-visually-hidden']);

/** Attribute names whose values are state, not identity (toggled by scripts). */
export const STATE_ATTRIBUTES = new Set([
  'style', 'aria-expanded', 'aria-selected', 'aria-pressed', 'aria-checked', 'aria-current',
  'aria-hidden', 'aria-busy', 'aria-disabled', 'aria-invalid', 'data-state', 'data-active',
  'data-open', 'data-selected', 'data-expanded', 'data-checked', 'data-disabled', 'data-hover',
  'data-focus', 'data-focused', 'data-visible', 'data-loaded', 'data-loading', 'data-orientation',
  'open', 'checked', 'selected', 'disabled', 'hidden', 'tabindex', 'value',
]);

export function isPlainIdent(name: string): boolean {
  return PLAIN_IDENT.test(name);
}

/** True when `value` can be written as `"value"` without any escape. */
export function isQuotable(value: string): boolean {
  return !UNSAFE_IN_QUOTES.test(value);
}

/** Why a class name should not be used, or `null` when it is a fine, stable name. */
export function classIssue(name: string): NameIssue | null {
  return remembered(classIssues, name, judgeClass);
}

function judgeClass(name: string): NameIssue | null {
  if (!isPlainIdent(name)) return 'needs-escape';
  if (SCREEN_READER_CLASSES.has(name)) return 'utility';
  if (isStateName(name)) return 'state';
  if (looksGenerated(name, GENERATED_CLASS_PATTERNS)) return 'generated';
  if (isUtilityClass(name)) return 'utility';
  return null;
}

/**
 * Why an id should not be used, or `null`. An id that merely needs an escape (JSF `form:submit`)
 * is still usable as `[id="form:submit"]`, so only generation and state count here.
 */
export function idIssue(id: string): NameIssue | null {
  return remembered(idIssues, id, judgeId);
}

function judgeId(id: string): NameIssue | null {
  if (id.trim() !== id || id === '') return 'needs-escape';
  if (SEQUENTIAL_ID_PATTERNS.some((pattern) => pattern.test(id))) return 'sequential';
  if (isStateName(id)) return 'state';
  if (looksGenerated(id)) return 'generated';
  return null;
}

/** Why an attribute value should not be used, or `null`. */
export function valueIssue(value: string): NameIssue | null {
  if (!isQuotable(value) || value.trim() === '') return 'needs-escape';
  if (GENERATED_ANYWHERE.some((pattern) => pattern.test(value))) return 'generated';
  return null;
}

export function looksGenerated(name: string, patterns: readonly RegExp[] = []): boolean {
  if (patterns.some((pattern) => pattern.test(name))) return true;
  if (GENERATED_ANYWHERE.some((pattern) => pattern.test(name))) return true;
  return segments(name).some(isHashLike);
}

export function isStateName(name: string): boolean {
  if (STATE_NAMES.has(name.toLowerCase())) return true;
  const words = wordsOf(name);
  if (words.length > 1 && STATE_PREFIX_WORDS.has(words[0]!)) return true;
  if (words.length > 0 && STATE_LAST_WORDS.has(words[words.length - 1]!)) return true;
  return words.some((word) => STATE_WORDS.has(word));
}

export function isUtilityClass(name: string): boolean {
  if (UTILITY_WORDS.has(name) || DISPLAY_UTILITY.test(name)) return true;
  const prefix = UTILITY_PREFIX.exec(name);
  return prefix !== null && UTILITY_VALUE.test(name.slice(prefix[0].length));
}

/**
 * A segment that reads as a hash rather than a word: hex with digits, letters and digits
 * alternating (`xry7m2`), case flipping inside a short token (`bdVaJa`, `eKyWo`), or a run of
 * five consonants no word has (`Txngnb`).
 */
function isHashLike(segment: string): boolean {
  if (segment.length < 4) return false;
  if (/^(?=.*\d)(?=.*[a-f])[0-9a-f]{6,}$/i.test(segment)) return true;
  if (segment.length >= 5 && letterDigitSwitches(segment) >= 2) return true;
  if (/^[A-Za-z]+$/.test(segment) && isRandomCase(segment)) return true;
  return /[bcdfghjklmnpqrstvwxz]{5,}/i.test(segment);
}

/** camelCase, PascalCase and trailing acronyms read as words; other case mixes read as hashes. */
function isRandomCase(letters: string): boolean {
  const upper = letters.replace(/[^A-Z]/g, '').length;
  if (upper < 2 || upper === letters.length) return false;
  if (/^[a-z]*([A-Z][a-z]{2,})*$/.test(letters)) return false;
  if (/^[a-z]*([A-Z][a-z]{2,})*[A-Z]{2,}$/.test(letters)) return false;
  if (/^[A-Z]{2,}([A-Z][a-z]{2,})+$/.test(letters)) return false;
  return true;
}

function letterDigitSwitches(segment: string): number {
  let switches = 0;
  for (let i = 1; i < segment.length; i++) {
    if (isDigit(segment[i]!) !== isDigit(segment[i - 1]!)) switches++;
  }
  return switches;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function segments(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** Lower-case words of a name split on `-`, `_` and camelCase humps. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_]+/)
    .filter(Boolean);
}

/** Pages repeat the same class names thousands of times; judging each once keeps picks fast. */
const classIssues = new Map<string, NameIssue | null>();
const idIssues = new Map<string, NameIssue | null>();
const REMEMBERED_NAMES = 20_000;

function remembered(memory: Map<string, NameIssue | null>, name: string, judge: (name: string) => NameIssue | null): NameIssue | null {
  const known = memory.get(name);
  if (known !== undefined) return known;
  if (memory.size >= REMEMBERED_NAMES) memory.clear();
  const issue = judge(name);
  memory.set(name, issue);
  return issue;
}

/**
 * `generated`: a build or data artefact (hash, long number); when it changes, no element has it
 * any more. `sequential`: a run-time counter; when it changes, another element may have it.
 */
export type NameIssue = 'needs-escape' | 'generated' | 'sequential' | 'state' | 'utility';
