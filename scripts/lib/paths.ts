/**
 * Where things are, for everything that drives the built extension in a browser: the e2e and Firefox
 * tests, `npm start` (scripts/demo.ts) and `npm run bench`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked Chrome build; `HEAT_NOTES_EXTENSION_DIR` points the tests (and the bench) at another build. */
export const EXTENSION_DIR = path.resolve(process.env.HEAT_NOTES_EXTENSION_DIR ?? path.join(ROOT, '.output', 'chrome-mv3'));
/** The fixture pages (tests/fixtures/pages): the e2e tests' pages, and the demo's. */
export const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures', 'pages');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
