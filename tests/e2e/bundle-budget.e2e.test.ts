/**
 * The content script is parsed and compiled on every page a user opens: its gzipped size has a budget
 * (issue 3 and BENCHMARKS.md). A change that breaks it fails here, with the figure, rather than being
 * noticed in the next benchmark run. So does one that brings back what the page-side scripts leave out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, checkPrerequisites } from './harness';

/** 30 KB gzipped (zlib level 9, as `npm run bench` measures it). */
const CONTENT_SCRIPT_BUDGET_BYTES = 30 * 1024;

describe('bundle budget', () => {
  it(`the content script stays within ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} KB gzipped`, () => {
    checkPrerequisites();
    const script = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'content.js'));
    const gzipped = gzipSync(script, { level: 9 }).length;
    const gzippedFile = (file: string) => gzipSync(readFileSync(path.join(EXTENSION_DIR, file)), { level: 9 }).length;
    console.log(
      `content.js: ${script.length} bytes, ${gzipped} gzipped (budget ${CONTENT_SCRIPT_BUDGET_BYTES}); ` +
        `page-cards.js, loaded with a page's first mention: ${gzippedFile('page-cards.js')} gzipped; ` +
        `card-ui.js, loaded on the first card: ${gzippedFile('card-ui.js')} gzipped`,
    );
    expect(gzipped).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });

  it('the scripts that run in pages use the browser\'s own API, not the polyfill (wxt.config.ts)', () => {
    checkPrerequisites();
    // The polyfill's own guard, which its every copy carries; the background keeps the polyfill, so a
    // renamed guard fails here instead of passing unseen.
    const polyfillGuard = 'This script should only be loaded in a browser extension';
    const carriesPolyfill = (file: string) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8').includes(polyfillGuard);
    expect(carriesPolyfill('background.js')).toBe(true);
    for (const file of ['content-scripts/content.js', 'page-cards.js', 'card-ui.js']) expect(carriesPolyfill(file), file).toBe(false);
  });
});
