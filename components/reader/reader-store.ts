import { browser } from 'wxt/browser';
import { watchStorageKey } from '../../lib/browser/watch-storage';
import { parseReaderPrefs, READER_KEY, type ReaderPrefs } from './reader-prefs';
import { mirror } from './reader-mirror';

/**
 * The reader prefs in `storage.local` (key `reader`): the record of truth. A copy also goes to the
 * page's `localStorage`, read synchronously before the first paint so a sepia or dark reader does not
 * see a light flash while `storage.local` answers (`reader-mirror.ts`).
 */
export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  const stored = await browser.storage.local.get(READER_KEY);
  const prefs = parseReaderPrefs(stored[READER_KEY]);
  mirror(prefs);
  return prefs;
}

export async function saveReaderPrefs(prefs: ReaderPrefs): Promise<void> {
  await browser.storage.local.set({ [READER_KEY]: prefs });
  mirror(prefs);
}

/** Calls `onChange` when any context (the popup, another essay tab) changes the prefs; returns the unsubscribe. */
export function watchReaderPrefs(onChange: (prefs: ReaderPrefs) => void): () => void {
  return watchStorageKey('local', READER_KEY, (value) => {
    const prefs = parseReaderPrefs(value);
    mirror(prefs);
    onChange(prefs);
  });
}

