import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { COMMANDS } from './lib/background/commands';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can see where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Heat Notes',
    description:
      "Marks mentions of Michael Mann's Heat (1995), its cast and its kin on any page, with notes from one essay.",
    permissions: ['storage'],
    commands: Object.fromEntries(
      Object.entries(COMMANDS).map(([name, { key, description }]) => [name, { suggested_key: { default: key }, description }]),
    ),
  },
});
