import { renamedClass, renamedId } from './generated';

/**
 * The seven deploy-like changes of issue 3. Each applies itself to the live document and returns
 * the function that restores it exactly (checked by the caller against the original HTML), or
 * `null` when it does not apply to this element (no class to restyle, no parent to wrap).
 * `perElement` changes depend on the picked element; the others change the page once for all.
 */
export const MUTATIONS: readonly Mutation[] = [
  { id: 'sibling', label: 'same-tag sibling inserted first in parent', perElement: true, apply: insertSibling },
  { id: 'banner', label: 'banner div inserted first in body', perElement: false, apply: insertBanner },
  { id: 'wrap', label: 'parent wrapped in a new div', perElement: true, apply: wrapParent },
  { id: 'classes', label: 'generated-looking classes renamed', perElement: false, apply: renameClasses },
  { id: 'ids', label: 'generated-looking ids renamed', perElement: false, apply: renameIds },
  { id: 'restyle', label: 'first class replaced', perElement: true, apply: replaceFirstClass },
  { id: 'state', label: 'state attributes and classes toggled', perElement: false, apply: toggleState },
];

function insertSibling(doc: Document, target: Element | null): Undo | null {
  const parent = target?.parentNode;
  if (!target || !parent) return null;
  const sibling = doc.createElementNS(target.namespaceURI, target.localName);
  parent.insertBefore(sibling, parent.firstChild);
  return () => sibling.remove();
}

function insertBanner(doc: Document): Undo | null {
  const body = doc.body;
  if (!body) return null;
  const banner = doc.createElement('div');
  banner.textContent = 'Free shipping this week';
  body.insertBefore(banner, body.firstChild);
  return () => banner.remove();
}

function wrapParent(doc: Document, target: Element | null): Undo | null {
  const parent = target?.parentElement;
  const grandparent = parent?.parentNode;
  if (!parent || !grandparent || parent === doc.body || parent === doc.documentElement) return null;
  // Inside SVG the wrapper that keeps the drawing valid is a `g`.
  const wrapper = parent.namespaceURI === 'http://www.w3.org/2000/svg'
    ? doc.createElementNS(parent.namespaceURI, 'g')
    : doc.createElement('div');
  grandparent.insertBefore(wrapper, parent);
  wrapper.appendChild(parent);
  return () => {
    grandparent.insertBefore(parent, wrapper);
    wrapper.remove();
  };
}

function renameClasses(doc: Document): Undo | null {
  const journal = new AttributeJournal();
  for (const element of Array.from(doc.querySelectorAll('[class]'))) {
    const names = splitClasses(element.getAttribute('class'));
    const renamed = names.map((name) => renamedClass(name) ?? name);
    if (renamed.some((name, i) => name !== names[i])) journal.set(element, 'class', renamed.join(' '));
  }
  return journal.undo;
}

/** Ids, and the attributes that point at them, get the new names a new build would give them. */
function renameIds(doc: Document): Undo | null {
  const journal = new AttributeJournal();
  const renames = new Map<string, string>();
  for (const element of Array.from(doc.querySelectorAll('[id]'))) {
    const id = element.getAttribute('id')!;
    const renamed = renamedId(id);
    if (renamed === null || renamed === id) continue;
    renames.set(id, renamed);
    journal.set(element, 'id', renamed);
  }
  if (renames.size === 0) return journal.undo;
  for (const name of ID_REFERENCES) {
    for (const element of Array.from(doc.querySelectorAll(`[${name}]`))) {
      const value = element.getAttribute(name)!;
      const tokens = value.split(/\s+/).map((token) => renames.get(token) ?? token);
      const updated = tokens.join(' ');
      if (updated !== value) journal.set(element, name, updated);
    }
  }
  for (const link of Array.from(doc.querySelectorAll('a[href^="#"]'))) {
    const renamed = renames.get(link.getAttribute('href')!.slice(1));
    if (renamed) journal.set(link, 'href', `#${renamed}`);
  }
  return journal.undo;
}

function replaceFirstClass(_doc: Document, target: Element | null): Undo | null {
  const names = splitClasses(target?.getAttribute('class') ?? null);
  if (!target || names.length === 0) return null;
  const journal = new AttributeJournal();
  journal.set(target, 'class', ['restyled', ...names.slice(1)].join(' '));
  return journal.undo;
}

/**
 * State moves the way scripts move it: flags flip (`aria-expanded`), inline styles go, state
 * classes and `open`/`selected`/`checked` leave their element and land on its next sibling (the
 * active tab changes).
 */
function toggleState(doc: Document): Undo | null {
  const journal = new AttributeJournal();
  const moves: Array<{ from: Element; to: Element | null; kind: 'class' | 'attribute'; name: string }> = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    for (const name of FLIPPED) {
      const value = element.getAttribute(name);
      if (value === 'true' || value === 'false') journal.set(element, name, value === 'true' ? 'false' : 'true');
    }
    const state = element.getAttribute('data-state');
    if (state !== null) journal.set(element, 'data-state', DATA_STATE_FLIPS[state] ?? 'closed');
    if (element.hasAttribute('style')) journal.set(element, 'style', null);
    if (element.hasAttribute('aria-current')) moves.push({ from: element, to: nextOf(element), kind: 'attribute', name: 'aria-current' });
    for (const name of MOVED_ATTRIBUTES) {
      if (element.hasAttribute(name)) moves.push({ from: element, to: nextOf(element), kind: 'attribute', name });
    }
    for (const name of splitClasses(element.getAttribute('class'))) {
      if (isStateClass(name)) moves.push({ from: element, to: nextOf(element), kind: 'class', name });
    }
  }
  for (const move of moves) {
    if (move.kind === 'attribute') {
      const value = move.from.getAttribute(move.name) ?? '';
      journal.set(move.from, move.name, null);
      if (move.to) journal.set(move.to, move.name, value);
      continue;
    }
    journal.set(move.from, 'class', splitClasses(move.from.getAttribute('class')).filter((name) => name !== move.name).join(' '));
    if (move.to) journal.set(move.to, 'class', [...splitClasses(move.to.getAttribute('class')), move.name].join(' '));
  }
  return journal.undo;
}

function isStateClass(name: string): boolean {
  return STATE_CLASS.test(name) || STATE_SUFFIX.test(name);
}

function nextOf(element: Element): Element | null {
  return element.nextElementSibling ?? element.previousElementSibling;
}

function splitClasses(value: string | null): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

/** Remembers each touched element's attributes, in order, so that undo restores them exactly. */
class AttributeJournal {
  private readonly saved = new Map<Element, Array<{ namespace: string | null; name: string; value: string }>>();

  set(element: Element, name: string, value: string | null): void {
    if (!this.saved.has(element)) {
      this.saved.set(element, Array.from(element.attributes, (attribute) => ({ namespace: attribute.namespaceURI, name: attribute.name, value: attribute.value })));
    }
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }

  readonly undo = (): void => {
    for (const [element, attributes] of this.saved) {
      for (const attribute of Array.from(element.attributes)) element.removeAttributeNode(attribute);
      for (const { namespace, name, value } of attributes) {
        if (namespace === null) element.setAttribute(name, value);
        else element.setAttributeNS(namespace, name, value);
      }
    }
  };
}

const ID_REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'list', 'form'];
const FLIPPED = ['aria-expanded', 'aria-selected', 'aria-pressed', 'aria-checked'];
const MOVED_ATTRIBUTES = ['open', 'selected', 'checked'];
const DATA_STATE_FLIPS: Record<string, string> = {
  open: 'closed', closed: 'open', active: 'inactive', inactive: 'active', checked: 'unchecked',
  unchecked: 'checked', on: 'off', off: 'on', selected: 'unselected', visible: 'hidden', hidden: 'visible',
};
const STATE_CLASS = /^(is-|has-)?(active|open|opened|selected|current|expanded|collapsed|show|shown|in|visible|hidden|focus|focused|hover|disabled|checked|sticky)$/i;
const STATE_SUFFIX = /(--|__|-|_)(active|open|opened|selected|current|expanded|collapsed|visible|focus|focused|disabled|checked)$/i;

export type Undo = () => void;

export interface Mutation {
  id: string;
  label: string;
  perElement: boolean;
  apply: (doc: Document, target: Element | null) => Undo | null;
}
