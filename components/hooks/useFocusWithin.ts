import { useCallback, useState } from 'preact/hooks';

/**
 * Whether the focus is inside an element, for outlining what its field holds. Going to another
 * window or tab (the page, to look at the outline) keeps it: the field is still the document's
 * active element then. Only a focus moved elsewhere in the panel ends it.
 */
export function useFocusWithin() {
  const [focused, setFocused] = useState(false);
  const onFocusIn = useCallback(() => setFocused(true), []);
  const onFocusOut = useCallback((event: FocusEvent) => {
    const container = event.currentTarget as Element;
    if (container.contains(event.relatedTarget as Node | null)) return;
    // The new active element is known once the focus has moved.
    setTimeout(() => setFocused(container.contains(container.ownerDocument.activeElement)), 0);
  }, []);
  return { focused, onFocusIn, onFocusOut };
}
