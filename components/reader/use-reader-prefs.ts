import { useEffect, useRef, useState } from 'preact/hooks';
import { readMirroredPrefs } from './reader-mirror';
import { applyReaderPrefs, type ReaderPrefs } from './reader-prefs';

type ReaderStore = typeof import('./reader-store');

const DARK_QUERY = '(prefers-color-scheme: dark)';

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

/**
 * Paints the document with the prefs before the first render, from the mirrored copy (no flash of the
 * wrong theme). Call from an entrypoint's `main.tsx`, before `render`.
 */
export function paintInitialReaderPrefs(root: HTMLElement = document.documentElement): ReaderPrefs {
  const prefs = readMirroredPrefs();
  applyReaderPrefs(root, prefs, prefersDark());
  return prefs;
}

/**
 * The reader's theme and text size for an extension page: loaded from `storage.local`, followed when
 * another context changes them, saved on change, and painted on `root` (following the system's light
 * or dark preference while the theme is `system`). Like `useSettings`, the store loads lazily, so the
 * page still renders, with the defaults, where extension storage is unavailable.
 */
export function useReaderPrefs(root: HTMLElement | null = typeof document === 'undefined' ? null : document.documentElement) {
  const [prefs, setPrefs] = useState<ReaderPrefs>(readMirroredPrefs);
  const [dark, setDark] = useState(prefersDark);
  /** The store, once loaded; a change made before then waits for it rather than being lost. */
  const store = useRef<Promise<ReaderStore> | null>(null);
  /** The reader changed something before the stored prefs arrived: theirs wins. */
  const changed = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    const loading = import('./reader-store');
    store.current = loading;
    loading
      .then(async (loaded) => {
        const current = await loaded.loadReaderPrefs();
        if (cancelled) return;
        if (!changed.current) setPrefs(current);
        unwatch = loaded.watchReaderPrefs((next) => setPrefs(next));
      })
      .catch(() => {
        // Extension storage unavailable: the defaults stay, changes last for this page only.
      });
    return () => {
      cancelled = true;
      unwatch?.();
    };
  }, []);

  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (root) applyReaderPrefs(root, prefs, dark);
  }, [root, prefs, dark]);

  const update = async (next: ReaderPrefs): Promise<void> => {
    changed.current = true;
    setPrefs(next);
    try {
      await (await store.current)?.saveReaderPrefs(next);
    } catch {
      // Kept for this page; the next open falls back to what is stored.
    }
  };

  return { prefs, update };
}
