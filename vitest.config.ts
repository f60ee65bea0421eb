import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit tests in two tiers, told apart by the file name (CONTRIBUTING.md, "Tests, by where they run"):
// `*.test.ts(x)` in Node, `*.dom.test.ts(x)` in happy-dom. Both get WXT's in-memory fake browser for
// storage and the English messages of public/_locales behind its `i18n.getMessage`
// (tests/unit/i18n-setup.ts). The real-browser tier has its own config (vitest.browser.config.ts).
const DOM_TESTS = 'tests/unit/**/*.dom.test.{ts,tsx}';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    setupFiles: ['tests/unit/i18n-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, DOM_TESTS],
        },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: [DOM_TESTS] },
      },
    ],
  },
});
