/**
 * When the content script started running: `index.ts` imports this module first, so it runs before
 * any other module's top-level code (the extension API's polyfill, the lexicon, the detector's
 * expressions), and start-up is timed from here. Compiling the script comes before even this; the
 * bench reads that from a trace (BENCHMARKS.md).
 */
export const SCRIPT_STARTED_AT = performance.now();
