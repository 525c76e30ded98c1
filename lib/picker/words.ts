// An element in words, as a marketer names it (PRODUCT.md §1, issues 11 and 15): what kind of thing
// it is, its name as a visitor reads it, and where a link goes: `Button “Buy now”`,
// `Link “The Two-Way” → /sections/thetwo-way/`. Used by the picker's hover label, the panel's row
// titles and the exported `label`.

/** Longest name shown; longer text is cut with an ellipsis. */
const MAX_NAME = 40;
/** Only the start of an element's text is read: `body` can hold megabytes of it. */
const MAX_READ = 400;

/** Kinds by ARIA role, for elements that carry one. */
const ROLE_KINDS: Record<string, string> = {
  button: 'Button', link: 'Link', menuitem: 'Menu item', menuitemcheckbox: 'Menu item', menuitemradio: 'Menu item',
  tab: 'Tab', checkbox: 'Checkbox', switch: 'Switch', option: 'Option', radio: 'Radio button', combobox: 'Dropdown',
  textbox: 'Text field', searchbox: 'Search field', slider: 'Slider', navigation: 'Navigation', dialog: 'Dialog',
  banner: 'Header', contentinfo: 'Footer', main: 'Main content', region: 'Section', form: 'Form', search: 'Search',
  img: 'Image', heading: 'Heading', listitem: 'List item', treeitem: 'Tree item', gridcell: 'Cell',
};

/** Kinds by tag, when there is no role. */
const TAG_KINDS: Record<string, string> = {
  a: 'Link', button: 'Button', select: 'Dropdown', textarea: 'Text area', label: 'Label', summary: 'Disclosure',
  form: 'Form', img: 'Image', svg: 'Icon', picture: 'Image', video: 'Video', audio: 'Audio', iframe: 'Frame',
  nav: 'Navigation', header: 'Header', footer: 'Footer', main: 'Main content', section: 'Section', article: 'Article',
  aside: 'Sidebar', ul: 'List', ol: 'List', li: 'List item', table: 'Table', tr: 'Table row', td: 'Table cell',
  th: 'Table header', p: 'Paragraph', h1: 'Heading', h2: 'Heading', h3: 'Heading', h4: 'Heading', h5: 'Heading',
  h6: 'Heading', details: 'Details', dialog: 'Dialog', fieldset: 'Field group', option: 'Option', body: 'Page body',
  html: 'Whole page',
};

/** Kinds of `input` by type. */
const INPUT_KINDS: Record<string, string> = {
  submit: 'Button', button: 'Button', reset: 'Button', image: 'Image button', checkbox: 'Checkbox',
  radio: 'Radio button', search: 'Search field', email: 'Email field', password: 'Password field', tel: 'Phone field',
  url: 'URL field', number: 'Number field', range: 'Slider', file: 'File upload', date: 'Date field', color: 'Colour picker',
};

/** `Kind “Name”`, plus `→ where` for links. */
export function describeInWords(element: Element): string {
  const kind = kindOf(element);
  const name = nameOf(element);
  const base = name ? `${kind} “${name}”` : kind;
  const destination = linkDestination(element);
  return destination ? `${base} → ${destination}` : base;
}

/** What kind of thing the element is, in words. */
export function kindOf(element: Element): string {
  const role = element.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase();
  if (role && ROLE_KINDS[role]) return ROLE_KINDS[role];
  const tag = element.localName;
  if (tag === 'input') return INPUT_KINDS[(element.getAttribute('type') ?? 'text').toLowerCase()] ?? 'Text field';
  if (tag === 'a' && !element.hasAttribute('href')) return 'Text';
  if (tag in TAG_KINDS) return TAG_KINDS[tag]!;
  if (element.namespaceURI === 'http://www.w3.org/2000/svg') return 'Icon part';
  if (tag.includes('-')) return `Component <${tag}>`;
  return 'Element';
}

/** The name a visitor reads: its label, its text, or what stands for them (alt, title, placeholder). */
export function nameOf(element: Element): string {
  const candidates = [
    element.getAttribute('aria-label'),
    labelledBy(element),
    formControlLabel(element),
    isTextless(element) ? null : visibleText(element),
    element.getAttribute('alt'),
    imageAlt(element),
    svgTitle(element),
    element.getAttribute('title'),
    element.getAttribute('placeholder'),
    buttonValue(element),
    element.getAttribute('name'),
  ];
  for (const candidate of candidates) {
    const name = squeeze(candidate ?? '');
    if (name) return shorten(name);
  }
  return '';
}

/** Where a link goes: its path on the same site, host and path elsewhere, or the scheme's target. */
export function linkDestination(element: Element): string | null {
  if (element.localName !== 'a' || !element.hasAttribute('href')) return null;
  const raw = element.getAttribute('href')!.trim();
  if (/^(mailto|tel|javascript):/i.test(raw)) return raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
  if (raw.startsWith('#')) return raw;
  try {
    const url = new URL(raw, element.ownerDocument.baseURI);
    const here = new URL(element.ownerDocument.baseURI);
    const path = `${url.pathname}${url.search}`;
    const where = url.host === here.host ? path : `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
    return where.length > 60 ? `${where.slice(0, 59)}…` : where;
  } catch {
    return raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
  }
}

function labelledBy(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby')?.trim().split(/\s+/) ?? [];
  const root = element.getRootNode() as Document | ShadowRoot;
  const texts = ids.map((id) => root.getElementById?.(id)?.textContent ?? '').filter(Boolean);
  return texts.length > 0 ? texts.join(' ') : null;
}

/** A form control's `<label>`: the one wrapping it or the one pointing at its id. */
function formControlLabel(element: Element): string | null {
  if (!['input', 'select', 'textarea'].includes(element.localName)) return null;
  const type = element.getAttribute('type')?.toLowerCase();
  if (type === 'submit' || type === 'button' || type === 'reset') return null;
  const wrapping = element.closest('label');
  if (wrapping) return wrapping.textContent;
  const id = element.getAttribute('id');
  if (!id) return null;
  const root = element.getRootNode() as Document | ShadowRoot;
  for (const label of root.querySelectorAll?.('label[for]') ?? []) {
    if (label.getAttribute('for') === id) return label.textContent;
  }
  return null;
}

/** Elements whose text content is not what a visitor reads as their name. */
function isTextless(element: Element): boolean {
  return ['select', 'textarea', 'input', 'html', 'body', 'svg'].includes(element.localName);
}

function visibleText(element: Element): string {
  // `innerText` would force a layout on every hover; textContent without scripts and styles is enough.
  let text = '';
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && text.length < MAX_READ; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style' || parent === 'noscript' || parent === 'template') continue;
    text += ` ${node.nodeValue ?? ''}`;
  }
  return text;
}

function imageAlt(element: Element): string | null {
  return element.querySelector?.('img[alt]')?.getAttribute('alt') ?? null;
}

function svgTitle(element: Element): string | null {
  const title = element.localName === 'svg' ? element.querySelector('title') : element.querySelector?.('svg title');
  return title?.textContent ?? null;
}

function buttonValue(element: Element): string | null {
  if (element.localName !== 'input') return null;
  const type = element.getAttribute('type')?.toLowerCase();
  if (type === 'submit') return element.getAttribute('value') ?? 'Submit';
  if (type === 'reset') return element.getAttribute('value') ?? 'Reset';
  if (type === 'button') return element.getAttribute('value');
  return null;
}

function squeeze(text: string): string {
  return text.slice(0, MAX_READ).replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}
