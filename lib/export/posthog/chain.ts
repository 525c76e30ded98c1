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
export function autocaptureVerdict(element: Element, event: DomEvent): Verdict {
  if (isTag(element, 'html') || element.nodeType !== 1) return { recorded: false, reason: 'autocapture ignores the page root' };
  const { parentIsUseful, elements } = elementAndParents(element);
  if (elements.some((item) => IGNORE_SELECTORS.some((selector) => safeMatches(item, selector)))) {
    return { recorded: false, reason: 'it is inside an element marked ph-no-autocapture' };
  }
  if (elements.some((item) => classNames(item).includes('ph-no-capture'))) {
    return { recorded: false, reason: 'it is inside an element marked ph-no-capture' };
  }
  if (event === 'click' && cursor(element) === 'pointer') return { recorded: true };
  const tag = element.tagName.toLowerCase();
  if (tag === 'form') return event === 'submit' ? { recorded: true } : { recorded: false, reason: 'autocapture records a form’s submit, not clicks on the form itself' };
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    return event === 'click' ? { recorded: true } : { recorded: false, reason: `autocapture records clicks and changes on ${tag} elements, not submits` };
  }
  if (event !== 'click') return { recorded: false, reason: `autocapture records submits only on forms, not on ${tag} elements` };
  if (parentIsUseful || COMPATIBLE.includes(tag) || element.getAttribute('contenteditable') === 'true') return { recorded: true };
  return {
    recorded: false,
    reason: 'autocapture records clicks only on links, buttons, form fields, labels, elements with cursor: pointer and what is inside them',
  };
}

/** `getElementAndParentsForElement`: the element, its ancestors up to body (through shadow hosts). */
function elementAndParents(element: Element): { parentIsUseful: boolean; elements: Element[] } {
  let parentIsUseful = false;
  const elements: Element[] = [element];
  let current: Element = element;
  while (current.parentNode && !isTag(current, 'body')) {
    if (isShadowRoot(current.parentNode)) {
      elements.push(current.parentNode.host);
      current = current.parentNode.host;
      continue;
    }
    const parent = current.parentNode;
    if (parent.nodeType !== 1) break;
    const parentElement = parent as Element;
    if (COMPATIBLE.includes(parentElement.tagName.toLowerCase()) || cursor(parentElement) === 'pointer') parentIsUseful = true;
    elements.push(parentElement);
    current = parentElement;
  }
  return { parentIsUseful, elements };
}

/**
 * The chain posthog-js sends as `$elements_chain` for an event whose target is `target`: the target
 * and its ancestors up to body, each as `tag.classes:key="value"…`, joined by `;`.
 */
export function elementsChain(target: Element, cache?: ChainCache): string {
  const elements = targetAndAncestors(target);
  let href: string | false = false;
  for (const element of elements) {
    if (isTag(element, 'a')) {
      const attribute = element.getAttribute('href');
      href = shouldCaptureElement(element) && !!attribute && shouldCaptureValue(attribute) ? attribute : false;
    }
  }
  const head = elementProperties(target);
  head.text = isTag(target, 'a') || isTag(target, 'button') ? directAndNestedSpanText(target) : safeText(target);
  if (href) head.attributes.set('attr__href', href);
  const strings = [elementString(head)];
  for (const element of elements.slice(1)) strings.push(cachedString(element, cache));
  return strings.join(';');
}

/** Element strings of ancestors do not depend on the target: a page's chains share them. */
export type ChainCache = WeakMap<Element, string>;

function cachedString(element: Element, cache: ChainCache | undefined): string {
  const known = cache?.get(element);
  if (known !== undefined) return known;
  const text = elementString(elementProperties(element));
  cache?.set(element, text);
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
function elementProperties(element: Element): ElementProperties {
  const tag = element.tagName.toLowerCase();
  let text: string | undefined;
  if (COMPATIBLE.includes(tag)) text = limitText(1024, tag === 'a' || tag === 'button' ? directAndNestedSpanText(element) : safeText(element));
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
function safeText(element: Element): string {
  let text = '';
  if (shouldCaptureElement(element) && !isSensitiveElement(element)) {
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
function directAndNestedSpanText(target: Element): string {
  const text = `${safeText(target)} ${nestedSpanText(target)}`.trim();
  return shouldCaptureValue(text) ? text : '';
}

function nestedSpanText(target: Element): string {
  let text = '';
  for (const child of Array.from(target.childNodes)) {
    if (child.nodeType !== 1 || (child as Element).tagName.toLowerCase() !== 'span') continue;
    text = `${text} ${safeText(child as Element)}`.trim();
    if (child.childNodes.length) text = `${text} ${nestedSpanText(child as Element)}`.trim();
  }
  return text;
}

/** `shouldCaptureElement`: false for hidden/password fields, sensitive names, ph-sensitive areas. */
function shouldCaptureElement(element: Element): boolean {
  const seen = new Set<Node>();
  let depth = 0;
  for (let current: Element = element; current.parentNode && !isTag(current, 'body'); current = current.parentNode as Element) {
    if (depth++ >= MAX_DEPTH || seen.has(current)) return false;
    seen.add(current);
    const classes = classNames(current);
    if (classes.includes('ph-sensitive') || classes.includes('ph-no-capture')) return false;
  }
  if (classNames(element).includes('ph-include')) return true;
  const type = (element as HTMLInputElement).type;
  if (typeof type === 'string' && (type.toLowerCase() === 'hidden' || type.toLowerCase() === 'password')) return false;
  const name = (element as HTMLInputElement).name || element.id || '';
  if (typeof name === 'string' && SENSITIVE_NAME.test(name.replace(/[^a-zA-Z0-9]/g, ''))) return false;
  return true;
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
