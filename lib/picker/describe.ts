/** `tag#id.class1.class2`, the short form used in labels and the path bar. */
export function describeElement(element: Element, maxClasses = 2): string {
  const tag = element.tagName.toLowerCase();
  const id = element.id ? `#${element.id}` : '';
  const classes = [...element.classList].slice(0, maxClasses).map((name) => `.${name}`).join('');
  return `${tag}${id}${classes}`;
}

/** Label for the Selected Elements list: the short form plus the first words of visible text. */
export function labelFor(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const words = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return words ? `${describeElement(element)} "${words}"` : describeElement(element);
}
