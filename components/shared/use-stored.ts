import { useEffect, useRef, useState } from 'preact/hooks';
import { debouncedWriter } from '../../lib/core/debounced-writer';

export type StoreState = 'loading' | 'ready' | 'unavailable';

/** How one stored value is read, written and followed (a module of `lib/settings-store.ts`'s, opened lazily). */
export interface StoredAccess<T> {
  /** The value as stored, parsed, and the names of stored parts that were invalid and fell back. */
  load(): Promise<{ value: T; invalid: readonly string[] }>;
  save(value: T): Promise<void>;
  /** Calls `onChange` whenever any context changes the value; returns the unsubscribe. */
  watch(onChange: (value: T) => void): () => void;
}

export interface StoredOptions<T> {
  /** Shown until the stored value arrives, and kept where storage is unavailable. */
  initial: T | (() => T);
  /**
   * Opens the store. A dynamic `import()` in it keeps the browser API out of the page's first
   * script, so the page still renders, with `initial`, where extension storage is unavailable.
   */
  open: () => Promise<StoredAccess<T>>;
  /**
   * Writes wait this long for the next change, and a change still waiting when the page closes is
   * written at once. Without it, every change is written as it comes.
   */
  writeDelayMs?: number;
}

/**
 * A stored value for an extension page: loaded once, followed when another context changes it, saved
 * on change. `save` shows the change at once and resolves to whether it was kept; on failure the shown
 * value goes back to what is stored. `invalid` names what was invalid in storage, until a save
 * replaces it.
 */
export function useStored<T>({ initial, open, writeDelayMs }: StoredOptions<T>) {
  const [value, setValue] = useState<T>(initial);
  const [state, setState] = useState<StoreState>('loading');
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const write = useRef<((value: T) => Promise<void>) | null>(null);
  const stored = useRef<T>(value);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    let flush: (() => void) | undefined;
    open()
      .then(async (access) => {
        const current = await access.load();
        if (cancelled) return;
        if (writeDelayMs === undefined) {
          write.current = access.save;
        } else {
          const writer = debouncedWriter(access.save, writeDelayMs);
          write.current = writer.write;
          flush = () => void writer.flush();
          addEventListener('pagehide', flush);
        }
        stored.current = current.value;
        setValue(current.value);
        setInvalid(current.invalid);
        setState('ready');
        unwatch = access.watch((next) => {
          stored.current = next;
          setValue(next);
        });
      })
      .catch(() => {
        if (!cancelled) setState('unavailable');
      });
    return () => {
      cancelled = true;
      unwatch?.();
      if (flush) {
        removeEventListener('pagehide', flush);
        flush();
      }
    };
  }, []);

  const save = async (next: T): Promise<boolean> => {
    setValue(next);
    try {
      if (!write.current) throw new Error('unavailable');
      await write.current(next);
      stored.current = next;
      setInvalid([]);
      return true;
    } catch {
      setValue(stored.current);
      return false;
    }
  };

  return { value, state, invalid, save };
}
