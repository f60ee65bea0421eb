import { browser } from 'wxt/browser';

/**
 * The one storage watcher: calls `onChange` with a key's new value (undefined once removed) whenever
 * any context changes it in `area`; returns the unsubscribe. The settings, the site list, the
 * corrections' revision (`settings-store.ts`) and the reader prefs (`components/reader/reader-store.ts`) are
 * followed through it.
 */
export function watchStorageKey(area: 'sync' | 'local', key: string, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea === area && key in changes) onChange(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
