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
