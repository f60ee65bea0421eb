import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in headless Chromium, driven by playwright-core.
// One file at a time: each launches its own browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
