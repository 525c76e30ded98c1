import { defaultAction, type PickedElement } from '../goals/model';
import { generateSelector } from '../selector';
import { labelFor } from './describe';

/** Everything the panel needs to know about a picked element. */
export function toPickedElement(element: Element, pageUrl: string): PickedElement {
  return {
    selector: generateSelector(element),
    action: defaultAction(element.tagName, linkHref(element)),
    label: labelFor(element),
    pageUrl,
  };
}

function linkHref(element: Element): string | null {
  if (element.tagName.toLowerCase() !== 'a') return null;
  return (element as HTMLAnchorElement).href || element.getAttribute('href');
}
