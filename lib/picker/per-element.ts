/**
 * An answer about each element, worked out once and kept until `clear()` (the picker clears its
 * answers when the DOM changes): the hover path asks again on every pointer move.
 */
export interface PerElement<V> {
  get(element: Element): V;
  clear(): void;
}

export function perElement<V>(compute: (element: Element) => V): PerElement<V> {
  let known = new WeakMap<Element, V>();
  return {
    get(element) {
      if (known.has(element)) return known.get(element) as V;
      const value = compute(element);
      known.set(element, value);
      return value;
    },
    clear() {
      known = new WeakMap();
    },
  };
}
