import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { COMMANDS } from './lib/background/commands';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can see where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Heat Notes',
    description:
      "Marks mentions of Michael Mann's Heat (1995), its cast and its kin on any page, with notes from one essay.",
    permissions: ['storage'],
    commands: Object.fromEntries(
      Object.entries(COMMANDS).map(([name, { key, description }]) => [name, { suggested_key: { default: key }, description }]),
    ),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'heat-notes@heat-notes.extension',
          // The CSS Custom Highlight API the marks are painted with arrived in Firefox 140.
          strict_min_version: '140.0',
          // Heat Notes collects nothing (AMO's data-collection declaration).
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads the data-collection declaration from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
