import { globalTimers, type Timers } from './timers';

/**
 * Writes the latest value once changes stop for a moment: `storage.sync` allows 120 writes a
 * minute, and a slider dragged across its range would spend them in a second. Pure timing; the
 * caller gives the write and the timers.
 */
export interface DebouncedWriter<T> {
  /** Queues `value`, replacing any value not yet written; resolves once it or a later value is written. */
  write(value: T): Promise<void>;
  /** Writes the queued value now (the page is closing). */
  flush(): Promise<void>;
}

export function debouncedWriter<T>(save: (value: T) => Promise<void>, delayMs: number, timers: Timers = globalTimers): DebouncedWriter<T> {
  let pending: { value: T; waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> } | undefined;
  let timer: number | undefined;

  const flush = async () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    const batch = pending;
    pending = undefined;
    if (!batch) return;
    try {
      await save(batch.value);
      for (const waiter of batch.waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  };

  return {
    write(value) {
      return new Promise<void>((resolve, reject) => {
        pending = { value, waiters: [...(pending?.waiters ?? []), { resolve, reject }] };
        if (timer !== undefined) timers.clear(timer);
        timer = timers.set(() => void flush(), delayMs);
      });
    },
    flush,
  };
}
