import { defaultAction, type PickedElement } from '../goals/model';
import { candidateSelectors, generateSelector } from '../selector';
import { labelFor } from './describe';

/** Everything the panel needs to know about a picked element. */
export function toPickedElement(element: Element, pageUrl: string): PickedElement {
  // The first candidate is what generateSelector returns; the rest are the alternatives.
  const [best, ...alternatives] = candidateSelectors(element);
  return {
    selector: best?.selector ?? generateSelector(element),
    alternatives,
    action: defaultAction(element.tagName, linkHref(element)),
    label: labelFor(element),
    pageUrl,
  };
}

function linkHref(element: Element): string | null {
  if (element.tagName.toLowerCase() !== 'a') return null;
  return (element as HTMLAnchorElement).href || element.getAttribute('href');
}
