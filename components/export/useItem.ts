import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from '@wxt-dev/storage';

/** A typed storage item's value, kept live; `undefined` while it loads. */
export function useItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
