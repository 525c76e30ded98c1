import type { ElementFingerprint } from '../goals/model';
import { classesOf } from './features';
import { classIssue, idIssue } from './names';

// What identifies a picked element besides its selector (issue 14, after Similo's locator
// features): recorded at pick time, compared by relocate.ts on a changed page. Runs in the
// picker's content script on every pick, so it reads a bounded amount of the page and stays small.

/** Attributes worth recording, each only when its value is stable (see `stableValue`). */
const ATTRIBUTES = [
  'id', 'name', 'href', 'aria-label', 'title', 'alt', 'placeholder', 'role', 'type', 'for', 'action', 'src', 'value',
  'data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-e2e', 'data-goalpost',
];
/** `data-track…` and friends: analytics names, meant to stay. */
const TRACKING = /^data-(track|tracking|analytics|ga|gtm|event)(-|$)/;
/** Tags and roles that name a region of the page (landmarks), and so describe where an element lives. */
const LANDMARK_TAGS = new Set(['header', 'nav', 'main', 'aside', 'footer', 'form', 'section', 'article', 'dialog', 'table', 'menu', 'figure', 'fieldset']);
const HEADING = /^h[1-6]$/;

const MAX_TEXT = 200;
const MAX_NEIGHBOUR = 80;
const MAX_VALUE = 200;
/** Text read per element: `body` can hold megabytes of it. */
const MAX_READ = 600;
const MAX_ANCESTORS = 5;
const MAX_CLASSES = 10;
const MAX_CLIMB = 12;

/** The fingerprint of `element` in its document as it is now. */
export function fingerprintOf(element: Element): ElementFingerprint {
  return {
    tag: element.localName,
    text: textOf(element) || accessibleName(element),
    attributes: attributesOf(element),
    classes: classesOfFingerprint(element),
    ancestors: labelledAncestors(element),
    neighbours: neighbourTexts(element),
    position: listPosition(element),
    box: boxOf(element),
    path: tagPath(element),
    ...mediaOf(element),
  };
}

/** The file name of the element's first image (itself or inside it), `svg` for an inline icon. */
export function mediaOf(element: Element): { media?: string } {
  const image = element.localName === 'img' ? element : element.querySelector('img');
  const source = image?.getAttribute('src') ?? image?.getAttribute('data-src');
  if (source) return { media: source.split(/[?#]/)[0]!.split('/').pop()!.slice(0, MAX_VALUE) || 'image' };
  if (image) return { media: 'image' };
  if (element.localName === 'svg' || element.querySelector('svg')) return { media: 'svg' };
  return {};
}

/** Class names that do not look generated or stateful (utilities kept: they describe the look). */
export function classesOfFingerprint(element: Element): string[] {
  return classesOf(element).filter((name) => {
    const issue = classIssue(name);
    return issue === null || issue === 'utility';
  }).slice(0, MAX_CLASSES);
}

/** Visible text, whitespace squeezed, capped; scripts and styles left out. */
export function textOf(element: Element, max = MAX_TEXT): string {
  if (element.localName === 'select' || element.localName === 'textarea') return '';
  let text = '';
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && text.length < MAX_READ; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style' || parent === 'noscript' || parent === 'template') continue;
    text += ` ${node.nodeValue ?? ''}`;
  }
  return squeeze(text, max);
}

/** The name of an element without text: its label, an image's alt, an icon's title. */
export function accessibleName(element: Element): string {
  const name = element.getAttribute('aria-label') ?? element.querySelector('img[alt]')?.getAttribute('alt')
    ?? element.querySelector('svg title')?.textContent ?? element.getAttribute('title') ?? '';
  return squeeze(name, MAX_TEXT);
}

/** The stable attributes, an `href` as the path it points at. */
export function attributesOf(element: Element): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const { name, value } of Array.from(element.attributes)) {
    if (!ATTRIBUTES.includes(name) && !TRACKING.test(name)) continue;
    const stable = stableValue(element, name, value);
    if (stable) attributes[name] = stable;
  }
  return attributes;
}

function stableValue(element: Element, name: string, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 2000) return null;
  if (name === 'id') return idIssue(trimmed) === null ? trimmed.slice(0, MAX_VALUE) : null;
  if (name === 'href' || name === 'action') return urlPath(trimmed, element.ownerDocument.baseURI);
  // An image's file name outlives its CDN host and size parameters.
  if (name === 'src') return trimmed.split(/[?#]/)[0]!.split('/').pop()!.slice(0, MAX_VALUE) || null;
  if (name === 'value' && !['submit', 'button', 'reset'].includes(element.getAttribute('type') ?? '')) return null;
  return squeeze(trimmed, MAX_VALUE);
}

/** `/path?query` on the page's own site, `//host/path?query` elsewhere, the raw value for other schemes. */
export function urlPath(raw: string, base: string): string {
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw.slice(0, MAX_VALUE);
    const here = new URL(base);
    const host = url.host === here.host ? '' : `//${url.host}`;
    return `${host}${url.pathname}${url.search}`.slice(0, MAX_VALUE);
  } catch {
    return raw.slice(0, MAX_VALUE);
  }
}

/** The nearest regions around the element, nearest first: `nav#menu`, `section “Related”`, `form`. */
export function labelledAncestors(element: Element): string[] {
  const found: string[] = [];
  let climbed = 0;
  for (let node = element.parentElement; node && found.length < MAX_ANCESTORS && climbed < MAX_CLIMB * 2; node = node.parentElement, climbed++) {
    if (node.localName === 'body' || node.localName === 'html') break;
    const description = regionName(node);
    if (description) found.push(description);
  }
  return found;
}

/** How a region reads: its tag or role, its stable id, its label; `null` for an anonymous wrapper. */
export function regionName(node: Element): string | null {
  const role = node.getAttribute('role');
  const id = node.getAttribute('id');
  const stableId = id && idIssue(id) === null ? id : null;
  const label = node.getAttribute('aria-label');
  if (!LANDMARK_TAGS.has(node.localName) && !role && !stableId && !label) return null;
  return `${node.localName}${role ? `[${role}]` : ''}${stableId ? `#${stableId}` : ''}${label ? ` “${squeeze(label, 40)}”` : ''}`;
}

/**
 * Text next to the element, nearest first: a form control's label, then the text just before and
 * just after it (taken at the nearest level that has siblings: a link alone in its `li` is read
 * next to the other items), then the heading of its section.
 */
export function neighbourTexts(element: Element): string[] {
  const texts: string[] = [];
  const add = (text: string | null | undefined) => {
    const squeezed = squeeze(text ?? '', MAX_NEIGHBOUR);
    if (squeezed && !texts.includes(squeezed)) texts.push(squeezed);
  };
  add(controlLabel(element));
  let item: Element = element;
  for (let level = 0; level < 3 && !item.previousElementSibling && !item.nextElementSibling && item.parentElement; level++) item = item.parentElement;
  add(siblingText(item, 'previous'));
  add(siblingText(item, 'next'));
  add(sectionHeading(element));
  return texts.slice(0, 4);
}

function controlLabel(element: Element): string | null {
  if (!['input', 'select', 'textarea'].includes(element.localName)) return null;
  const wrapping = element.closest('label');
  if (wrapping) return textOf(wrapping, MAX_NEIGHBOUR);
  const id = element.getAttribute('id');
  if (!id) return null;
  for (const label of Array.from(element.ownerDocument.querySelectorAll('label[for]'))) {
    if (label.getAttribute('for') === id) return textOf(label, MAX_NEIGHBOUR);
  }
  return null;
}

/** The nearest non-empty text before (or after) `node` among its siblings, text nodes included. */
function siblingText(node: Element, side: 'previous' | 'next'): string | null {
  let steps = 0;
  for (let sibling = side === 'previous' ? node.previousSibling : node.nextSibling; sibling && steps < 6; sibling = side === 'previous' ? sibling.previousSibling : sibling.nextSibling, steps++) {
    const text = sibling.nodeType === 3 ? sibling.nodeValue : sibling.nodeType === 1 ? textOf(sibling as Element, MAX_NEIGHBOUR) : null;
    if (text && text.trim()) return text;
  }
  return null;
}

/**
 * The heading just before the element in its section, looked for a few levels up among the
 * previous siblings and their children (not deeper: a pick must stay cheap on any page).
 */
function sectionHeading(element: Element): string | null {
  let node: Element | null = element;
  for (let level = 0; node && level < 4; node = node.parentElement, level++) {
    let steps = 0;
    for (let sibling = node.previousElementSibling; sibling && steps < 8; sibling = sibling.previousElementSibling, steps++) {
      const heading = HEADING.test(sibling.localName) ? sibling : headingChild(sibling);
      if (heading) return textOf(heading, MAX_NEIGHBOUR);
    }
  }
  return null;
}

function headingChild(parent: Element): Element | null {
  let steps = 0;
  for (let child = parent.lastElementChild; child && steps < 10; child = child.previousElementSibling, steps++) {
    if (HEADING.test(child.localName)) return child;
  }
  return null;
}

/** Place in its list: among same-tag siblings of the element, or of the nearest ancestor that has some. */
export function listPosition(element: Element): ElementFingerprint['position'] {
  let node: Element | null = element;
  for (let level = 0; node && node.parentElement && level < 3; node = node.parentElement, level++) {
    let index = 0;
    let count = 0;
    for (let sibling: Element | null = node.parentElement.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling.localName !== node.localName) continue;
      count++;
      if (sibling === node) index = count;
    }
    if (count > 1) return { index, count };
  }
  return null;
}

export function boxOf(element: Element): ElementFingerprint['box'] {
  if (element.getClientRects().length === 0) return null;
  const rect = element.getBoundingClientRect();
  // Nothing on screen (or no layout at all, as in a test document): no place to compare.
  if (rect.width === 0 && rect.height === 0) return null;
  const view = element.ownerDocument.defaultView;
  const round = (value: number) => Math.round(value);
  return { x: round(rect.left + (view?.scrollX ?? 0)), y: round(rect.top + (view?.scrollY ?? 0)), width: round(rect.width), height: round(rect.height) };
}

/** `html/body/main/ul/li/a`: tags from the root of the element's document or shadow root. */
export function tagPath(element: Element): string {
  const tags: string[] = [];
  for (let node: Element | null = element; node && tags.length < 60; node = node.parentElement) tags.unshift(node.localName);
  return tags.join('/');
}

function squeeze(text: string, max: number): string {
  const squeezed = text.replace(/\s+/g, ' ').trim();
  return squeezed.length > max ? squeezed.slice(0, max) : squeezed;
}
