import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR: the Firefox build (`wxt build -b firefox`) driven by puppeteer-core
// over WebDriver BiDi (tests/firefox/harness.ts). One file at a time, one browser at a time: the
// machine has two cores. Firefox starts slower than Chromium (3.5–6 s), hence the hook timeout.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
