import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MemoryDb } from '../../lib/browser/memory/db';

type MemoryModule = typeof import('../../lib/browser/memory/db');

export type MemoryState<T> = { state: 'loading' } | { state: 'unavailable' } | { state: 'ready'; value: T };

let opening: Promise<{ db: MemoryDb; memory: MemoryModule }> | undefined;

/** The memory database, opened once per page (this is an extension page: the extension's own origin). */
export function openMemoryOnce(): Promise<{ db: MemoryDb; memory: MemoryModule }> {
  opening ??= import('../../lib/browser/memory/db').then(async (memory) => ({ db: await memory.openMemory(), memory }));
  opening.catch(() => (opening = undefined));
  return opening;
}

/**
 * Something read from the memory database, re-read on `reload()` and whenever the page comes back
 * into view (the background may have recorded more while it was hidden).
 */
export function useMemoryRead<T>(read: (db: MemoryDb, memory: MemoryModule) => Promise<T>) {
  const [result, setResult] = useState<MemoryState<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    openMemoryOnce()
      .then(({ db, memory }) => read(db, memory))
      .then(
        (value) => !cancelled && setResult({ state: 'ready', value }),
        () => !cancelled && setResult({ state: 'unavailable' }),
      );
    return () => {
      cancelled = true;
    };
    // `read` is a fixed reader per caller; re-reading is driven by `generation`.
  }, [generation]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  return { result, reload };
}
