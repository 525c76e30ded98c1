import { finder } from '@medv/finder';

/** Characters that need a CSS escape, which tracking runtimes cannot use (PRODUCT.md §2). */
const NEEDS_ESCAPE = /[^\w-]|^\d|^-\d/;

/**
 * The selector recorded for a picked element: unique in the element's own document or shadow root,
 * and never containing a backslash escape.
 */
export function generateSelector(element: Element, options: GenerateOptions = {}): string {
  const root = options.root ?? (element.getRootNode() as Document | ShadowRoot);
  return finder(element, {
    root: root as unknown as Element,
    idName: (name) => !NEEDS_ESCAPE.test(name),
    className: (name) => !NEEDS_ESCAPE.test(name),
    tagName: () => true,
    attr: () => false,
    timeoutMs: 200,
  });
}

export interface GenerateOptions {
  root?: Document | ShadowRoot;
}
