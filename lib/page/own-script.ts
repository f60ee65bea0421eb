/**
 * What one of Heat Notes' own scripts, run by the content script with `import()`, left behind. Such a
 * script is built as a classic script (WXT's unlisted scripts), so it has no module exports: it sets
 * a property of the content script's global instead, which lives in the extension's isolated world,
 * out of the page's reach.
 */
export function leftBy<T>(script: string, global: string): T {
  const value = (globalThis as Record<string, unknown>)[global] as T | undefined;
  if (!value) throw new Error(`${script} did not set up ${global}`);
  return value;
}

/**
 * `load` (importing one of those scripts, and setting up what it gives), run once and shared by every
 * caller; run again by the next caller after a failure, which is warned of once with `failure`: a page
 * may ask many times, and each would say the same.
 */
export function loadOnce<T>(load: () => Promise<T>, failure: string): () => Promise<T | undefined> {
  let loading: Promise<T | undefined> | undefined;
  let warned = false;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      if (!warned) console.warn(failure, error);
      warned = true;
      return undefined;
    }));
}
