// The `$elements_chain` posthog-js autocapture records for a click (issue 12), modelled on
// PostHog/posthog-js packages/browser/src/autocapture.ts (`autocapturePropertiesForElement`,
// `getPropertiesFromElement`) and packages/browser-common/src/utils/autocapture-utils.ts
// (`shouldCaptureDomEvent`, `getSafeText`, `getElementsChainString`), with autocapture's default
// configuration (no allow or ignore lists, nothing masked). DOM in, string out: works in any
// document, with the page's own computed styles (cursor: pointer decides what is recorded).

/** `autocaptureCompatibleElements`. */
const COMPATIBLE = ['a', 'button', 'form', 'input', 'select', 'textarea', 'label'];
/** `MAX_DOM_ANCESTOR_DEPTH`. */
const MAX_DEPTH = 1000;
/** `DEFAULT_AUTOCAPTURE_IGNORE_LIST`: clicks inside these are never captured. */
const IGNORE_SELECTORS = ['.ph-no-autocapture', '[data-ph-no-autocapture]'];

export type DomEvent = 'click' | 'submit';

/**
 * Whether autocapture records an event of this type on `element` as the event's target, and if not,
 * why (in words). Mirrors `shouldCaptureDomEvent` and the `ph-no-capture` check that follows it.
 */
export function autocaptureVerdict(element: Element, event: DomEvent, cache?: ChainCache): Verdict {
  if (isTag(element, 'html') || element.nodeType !== 1) return { recorded: false, reason: 'autocapture ignores the page root' };
  const memo = cache ?? newChainCache();
  if (upward(memo.ignored, element, (item) => IGNORE_SELECTORS.some((selector) => safeMatches(item, selector)))) {
    return { recorded: false, reason: 'it is inside an element marked ph-no-autocapture' };
  }
  if (upward(memo.noCapture, element, (item) => classNames(item).includes('ph-no-capture'))) {
    return { recorded: false, reason: 'it is inside an element marked ph-no-capture' };
  }
  if (event === 'click' && pointer(element, memo)) return { recorded: true };
  const tag = element.tagName.toLowerCase();
  if (tag === 'form') return event === 'submit' ? { recorded: true } : { recorded: false, reason: 'autocapture records a form’s submit, not clicks on the form itself' };
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    return event === 'click' ? { recorded: true } : { recorded: false, reason: `autocapture records clicks and changes on ${tag} elements, not submits` };
  }
  if (event !== 'click') return { recorded: false, reason: `autocapture records submits only on forms, not on ${tag} elements` };
  if (COMPATIBLE.includes(tag) || element.getAttribute('contenteditable') === 'true' || parentIsUseful(element, memo)) return { recorded: true };
  return {
    recorded: false,
    reason: 'autocapture records clicks only on links, buttons, form fields, labels, elements with cursor: pointer and what is inside them',
  };
}

/**
 * The next element of `getElementAndParentsForElement`'s walk: the parent, or the shadow host
 * (`viaHost`, not itself tested for usefulness there); `null` at body or at a detached root.
 */
function nextUp(current: Element): { next: Element; viaHost: boolean } | null {
  if (!current.parentNode || isTag(current, 'body')) return null;
  if (isShadowRoot(current.parentNode)) return { next: current.parentNode.host, viaHost: true };
  const parent = current.parentNode;
  return parent.nodeType === 1 ? { next: parent as Element, viaHost: false } : null;
}

/** Whether `test` holds for the element or one of the elements of its walk up, remembered per element. */
function upward(memo: WeakMap<Element, boolean>, element: Element, test: (element: Element) => boolean): boolean {
  const known = memo.get(element);
  if (known !== undefined) return known;
  const up = nextUp(element);
  const verdict = test(element) || (up !== null && upward(memo, up.next, test));
  memo.set(element, verdict);
  return verdict;
}

/** `parentIsUseful`: an element above (not a shadow host itself) is compatible or has cursor: pointer. */
function parentIsUseful(element: Element, memo: ChainCache): boolean {
  const known = memo.usefulAbove.get(element);
  if (known !== undefined) return known;
  const up = nextUp(element);
  const verdict = up !== null && ((!up.viaHost && (COMPATIBLE.includes(up.next.tagName.toLowerCase()) || pointer(up.next, memo))) || parentIsUseful(up.next, memo));
  memo.usefulAbove.set(element, verdict);
  return verdict;
}

function pointer(element: Element, memo: ChainCache): boolean {
  const known = memo.pointer.get(element);
  if (known !== undefined) return known;
  const verdict = cursor(element) === 'pointer';
  memo.pointer.set(element, verdict);
  return verdict;
}

/**
 * The chain posthog-js sends as `$elements_chain` for an event whose target is `target`: the target
 * and its ancestors up to body, each as `tag.classes:key="value"…`, joined by `;`.
 */
export function elementsChain(target: Element, cache?: ChainCache): string {
  return chainParts(target, cache).join(';');
}

/**
 * The chain's element strings, target first, with the elements they describe: what a selector
 * compound can read at each level (the Twin generator looks up which of its parts an ancestor carries).
 */
export function chainLevels(target: Element, cache?: ChainCache): { elements: Element[]; strings: string[] } {
  return { elements: targetAndAncestors(target), strings: chainParts(target, cache) };
}

function chainParts(target: Element, cache: ChainCache | undefined): string[] {
  const elements = targetAndAncestors(target);
  let href: string | false = false;
  for (const element of elements) {
    if (isTag(element, 'a')) {
      const attribute = element.getAttribute('href');
      href = shouldCaptureElement(element, cache) && !!attribute && shouldCaptureValue(attribute) ? attribute : false;
    }
  }
  const head = elementProperties(target, cache);
  head.text = isTag(target, 'a') || isTag(target, 'button') ? directAndNestedSpanText(target, cache) : safeText(target, cache);
  if (href) head.attributes.set('attr__href', href);
  const strings = [elementString(head)];
  for (const element of elements.slice(1)) strings.push(cachedString(element, cache));
  return strings;
}

/**
 * What indexing one page remembers per element: element strings (an ancestor's does not depend on
 * the target, so a page's chains share them) and what autocapture derives from the elements above
 * (ignored area, useful parent, cursor, sensitive area), each found once instead of once per chain.
 * Valid while the DOM and styles do not change.
 */
export interface ChainCache {
  strings: WeakMap<Element, string>;
  ignored: WeakMap<Element, boolean>;
  noCapture: WeakMap<Element, boolean>;
  usefulAbove: WeakMap<Element, boolean>;
  pointer: WeakMap<Element, boolean>;
  sensitiveArea: WeakMap<Node, boolean>;
}

export function newChainCache(): ChainCache {
  return { strings: new WeakMap(), ignored: new WeakMap(), noCapture: new WeakMap(), usefulAbove: new WeakMap(), pointer: new WeakMap(), sensitiveArea: new WeakMap() };
}

/** The next element of the chain above `element` (its parent or shadow host); `null` at body. */
export function chainParent(element: Element): Element | null {
  if (!element.parentNode || isTag(element, 'body')) return null;
  const parent = element.parentNode;
  if (isShadowRoot(parent)) return parent.host;
  return parent.nodeType === 1 ? (parent as Element) : null;
}

/** The string `element` has in the chain of an event on something inside it (not its target). */
export function ancestorString(element: Element, cache: ChainCache | undefined): string {
  return cachedString(element, cache);
}

function cachedString(element: Element, cache: ChainCache | undefined): string {
  const known = cache?.strings.get(element);
  if (known !== undefined) return known;
  const text = elementString(elementProperties(element, cache));
  cache?.strings.set(element, text);
  return text;
}

/** The loop of `autocapturePropertiesForElement`: target, parents, shadow hosts, body last. */
function targetAndAncestors(target: Element): Element[] {
  const list: Element[] = [target];
  const seen = new Set<Node>([target]);
  let current: Element = target;
  while (current.parentNode && !isTag(current, 'body')) {
    if (list.length >= MAX_DEPTH) break;
    const parent = current.parentNode;
    if (isShadowRoot(parent)) {
      if (seen.has(parent.host)) break;
      seen.add(parent.host);
      list.push(parent.host);
      current = parent.host;
      continue;
    }
    if (parent.nodeType !== 1 || seen.has(parent)) break;
    seen.add(parent);
    list.push(parent as Element);
    current = parent as Element;
  }
  return list;
}

/** `getPropertiesFromElement` followed by `extractElements`, for one element. */
function elementProperties(element: Element, cache: ChainCache | undefined): ElementProperties {
  const tag = element.tagName.toLowerCase();
  let text: string | undefined;
  if (COMPATIBLE.includes(tag)) text = limitText(1024, tag === 'a' || tag === 'button' ? directAndNestedSpanText(element, cache) : safeText(element, cache));
  const attributes = new Map<string, string>();
  const sensitive = isSensitiveElement(element);
  for (const attribute of Array.from(element.attributes)) {
    // On text fields and the like only these survive (`isSensitiveElement`).
    if (sensitive && !['name', 'id', 'class', 'aria-label'].includes(attribute.name)) continue;
    if (!shouldCaptureValue(attribute.value) || isAngularStyleAttr(attribute.name)) continue;
    const value = attribute.name === 'class' ? splitClassString(attribute.value).join(' ') : attribute.value;
    attributes.set(`attr__${attribute.name}`, limitText(1024, value));
  }
  let nthChild = 1;
  let nthOfType = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    nthChild++;
    if (sibling.tagName === element.tagName) nthOfType++;
  }
  return { tag, text, attributes, nthChild, nthOfType };
}

/** `elementsToString` of one element after `extractElements`. */
function elementString(element: ElementProperties): string {
  let out = element.tag;
  const classAttribute = element.attributes.get('attr__class');
  if (classAttribute) {
    for (const single of splitClassString(classAttribute).sort()) out += `.${single.replace(/"/g, '')}`;
  }
  const text = element.text?.slice(0, 400);
  const href = element.attributes.get('attr__href')?.slice(0, 2048);
  const id = element.attributes.get('attr__id');
  const entries: [string, string][] = [];
  if (text) entries.push(['text', text]);
  entries.push(['nth-child', String(element.nthChild)], ['nth-of-type', String(element.nthOfType)]);
  if (href) entries.push(['href', href]);
  if (id) entries.push(['attr_id', id]);
  for (const [key, value] of element.attributes) entries.push([key, value]);
  entries.sort(([a], [b]) => a.localeCompare(b));
  out += ':';
  for (const [key, value] of entries) out += `${escapeQuotes(key)}="${escapeQuotes(value)}"`;
  return out;
}

function escapeQuotes(input: string): string {
  return input.replace(/"|\\"/g, '\\"');
}

function limitText(length: number, text: string): string {
  return text.length > length ? `${text.slice(0, length)}...` : text;
}

function splitClassString(value: string): string[] {
  return value ? value.trim().split(/\s+/) : [];
}

function classNames(element: Element): string[] {
  const name = (element as { className?: unknown }).className;
  if (typeof name === 'string') return splitClassString(name);
  if (name && typeof name === 'object' && 'baseVal' in name) return splitClassString(String((name as { baseVal: string }).baseVal || element.getAttribute('class') || ''));
  return [];
}

/** `getSafeText`: the element's own text nodes, scrubbed. */
function safeText(element: Element, cache: ChainCache | undefined): string {
  let text = '';
  if (shouldCaptureElement(element, cache) && !isSensitiveElement(element)) {
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === 3 && child.textContent) text += makeSafeText(child.textContent) ?? '';
    }
  }
  return text.trim();
}

function makeSafeText(text: string): string | null {
  return text
    .trim()
    .split(/(\s+)/)
    .filter((piece) => shouldCaptureValue(piece))
    .join('')
    .replace(/[\r\n]/g, ' ')
    .replace(/[ ]+/g, ' ')
    .substring(0, 255);
}

/** `getDirectAndNestedSpanText`: own text plus the text of nested spans (links and buttons). */
function directAndNestedSpanText(target: Element, cache: ChainCache | undefined): string {
  const text = `${safeText(target, cache)} ${nestedSpanText(target, cache)}`.trim();
  return shouldCaptureValue(text) ? text : '';
}

function nestedSpanText(target: Element, cache: ChainCache | undefined): string {
  let text = '';
  for (const child of Array.from(target.childNodes)) {
    if (child.nodeType !== 1 || (child as Element).tagName.toLowerCase() !== 'span') continue;
    text = `${text} ${safeText(child as Element, cache)}`.trim();
    if (child.childNodes.length) text = `${text} ${nestedSpanText(child as Element, cache)}`.trim();
  }
  return text;
}

/** `shouldCaptureElement`: false for hidden/password fields, sensitive names, ph-sensitive areas. */
function shouldCaptureElement(element: Element, cache: ChainCache | undefined): boolean {
  if (sensitiveArea(element, cache, 0)) return false;
  if (classNames(element).includes('ph-include')) return true;
  const type = (element as HTMLInputElement).type;
  if (typeof type === 'string' && (type.toLowerCase() === 'hidden' || type.toLowerCase() === 'password')) return false;
  const name = (element as HTMLInputElement).name || element.id || '';
  if (typeof name === 'string' && SENSITIVE_NAME.test(name.replace(/[^a-zA-Z0-9]/g, ''))) return false;
  return true;
}

/**
 * The loop of `shouldCaptureElement`: the node or a parentNode above it, up to (not including) body,
 * carries `ph-sensitive` or `ph-no-capture` (a shadow root ends the walk: it has no parentNode).
 */
function sensitiveArea(node: Node, cache: ChainCache | undefined, depth: number): boolean {
  if (!node.parentNode || isTag(node as Element, 'body')) return false;
  if (depth >= MAX_DEPTH) return true;
  const known = cache?.sensitiveArea.get(node);
  if (known !== undefined) return known;
  const classes = classNames(node as Element);
  const verdict = classes.includes('ph-sensitive') || classes.includes('ph-no-capture') || sensitiveArea(node.parentNode, cache, depth + 1);
  cache?.sensitiveArea.set(node, verdict);
  return verdict;
}

const SENSITIVE_NAME = /^cc|cardnum|ccnum|creditcard|csc|cvc|cvv|exp|pass|pwd|routing|seccode|securitycode|securitynum|socialsec|socsec|ssn/i;

/** `isSensitiveElement`: text fields, selects, textareas, contenteditable keep only a few attributes. */
export function isSensitiveElement(element: Element): boolean {
  const allowedInputTypes = ['button', 'checkbox', 'submit', 'reset'];
  return (
    (isTag(element, 'input') && !allowedInputTypes.includes((element as HTMLInputElement).type)) ||
    isTag(element, 'select') ||
    isTag(element, 'textarea') ||
    element.getAttribute('contenteditable') === 'true'
  );
}

const CARD_NUMBER = new RegExp(
  '^(?:(4[0-9]{12}(?:[0-9]{3})?)|(5[1-5][0-9]{14})|(6(?:011|5[0-9]{2})[0-9]{12})|(3[47][0-9]{13})|(3(?:0[0-5]|[68][0-9])[0-9]{11})|((?:2131|1800|35[0-9]{3})[0-9]{11}))$',
);
const SOCIAL_SECURITY_NUMBER = /^(\d{3}-?\d{2}-?\d{4})$/;

/** `shouldCaptureValue` (anchored): values that look like card or social security numbers are dropped. */
function shouldCaptureValue(value: string): boolean {
  const trimmed = value.trim();
  if (CARD_NUMBER.test(trimmed.replace(/[- ]/g, ''))) return false;
  return !SOCIAL_SECURITY_NUMBER.test(trimmed);
}

function isAngularStyleAttr(name: string): boolean {
  return name.substring(0, 10) === '_ngcontent' || name.substring(0, 7) === '_nghost';
}

function isTag(element: Element | null | undefined, tag: string): boolean {
  return !!element && !!element.tagName && element.tagName.toLowerCase() === tag;
}

function isShadowRoot(node: Node | null): node is ShadowRoot {
  return !!node && node.nodeType === 11 && !!(node as ShadowRoot).host && (node as ShadowRoot).host.nodeType === 1;
}

function cursor(element: Element): string {
  try {
    return element.ownerDocument.defaultView?.getComputedStyle(element).getPropertyValue('cursor') ?? '';
  } catch {
    return '';
  }
}

function safeMatches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

interface ElementProperties {
  tag: string;
  text: string | undefined;
  attributes: Map<string, string>;
  nthChild: number;
  nthOfType: number;
}

export type Verdict = { recorded: true } | { recorded: false; reason: string };
