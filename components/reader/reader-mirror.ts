import { parseReaderPrefs, type ReaderPrefs } from './reader-prefs';

/**
 * A copy of the reader prefs in the extension origin's `localStorage`, which (unlike `storage.local`)
 * can be read synchronously: an entrypoint paints its theme from it before the first render. Only a
 * cache; `storage.local` stays the record (`reader-store.ts`).
 */
const MIRROR_KEY = 'heat-notes:reader';

/** The last prefs this extension origin saw; the defaults when there are none. */
export function readMirroredPrefs(): ReaderPrefs {
  try {
    const raw = globalThis.localStorage?.getItem(MIRROR_KEY);
    return parseReaderPrefs(raw ? JSON.parse(raw) : undefined);
  } catch {
    return parseReaderPrefs(undefined);
  }
}

export function mirror(prefs: ReaderPrefs): void {
  try {
    globalThis.localStorage?.setItem(MIRROR_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or blocked: the mirror only saves a flash on the next open.
  }
}
