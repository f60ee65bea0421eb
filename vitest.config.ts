import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit tests: pure logic and components in Node, with WXT's in-memory fake browser for storage, and
// the English messages of public/_locales behind its `i18n.getMessage` (tests/unit/i18n-setup.ts).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/i18n-setup.ts'],
  },
});
