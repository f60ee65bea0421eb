import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromePath } from './scripts/lib/chromium';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

// The real-browser component tier: vitest's browser mode in the same Chromium as the e2e tests
// (Debian's /usr/bin/chromium, or CHROME_PATH; Playwright's own browsers are never downloaded), driven
// by Playwright. For what needs layout and the platform's APIs: hit-testing, painting in
// `CSS.highlights`, the card's placement, and the card in its shadow root. Whole journeys with the
// built extension stay in the e2e tier (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [preact()],
  resolve: {
    // The page vitest opens is no extension: `browser.i18n` comes from the real message file.
    alias: { 'wxt/browser': path.join(ROOT, 'tests/browser/fake-browser.ts') },
  },
  // Bundled before the first test, so that finding them mid-run does not reload the test page.
  optimizeDeps: { include: ['@floating-ui/dom', 'preact', 'preact/hooks', 'preact/jsx-runtime', 'preact/test-utils'] },
  test: {
    include: ['tests/browser/**/*.browser.test.{ts,tsx}'],
    // One file at a time: the machine has two cores, and the e2e tiers start browsers of their own.
    fileParallelism: false,
    // Failure screenshots and their copies for the report: with the e2e tier's, out of the tree.
    attachmentsDir: 'test-results/vitest-attachments',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: chromePath(), args: CHROMIUM_ARGS },
        // A user action on something that cannot take it (hidden, inert) fails the test instead of waiting.
        actionTimeout: 5_000,
      }),
      instances: [{ browser: 'chromium' }],
      viewport: { width: 800, height: 600 },
      screenshotDirectory: 'test-results/screenshots/browser',
    },
  },
});
