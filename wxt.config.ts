import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { COMMANDS, READ_ALONGSIDE } from './lib/background/commands';
import { buildLexiconSource } from './lib/core/detection/lexicon';

/**
 * The toolbar button's icons. `public/icon/<size>.png` (drawn from assets/icon.svg by
 * scripts/icons.ts) become the manifest's `icons` by WXT's own discovery; the button is named
 * explicitly, at the two sizes a toolbar draws (1× and 2× screens).
 */
const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png' };

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can see where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The scripts that run in web pages (the content script and the two it imports) take the browser's
    // own extension API (`@wxt-dev/browser`: `browser` where it exists, else `chrome`; promise-based in
    // Chromium's MV3 and in Firefox), not the polyfill the extension's pages use. There the polyfill
    // only hands `browser` through, yet it is 9.7 KB of each script and compiled on every page load:
    // without it the content script's start on a small page went 3.2 → 2.8 ms (BENCHMARKS.md). What it
    // added that these scripts used, an answer from a listener's promise, the content script gives
    // through `sendResponse`, which both browsers take.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias;
      const aliases = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...aliases] };
    },
  },
  vite: () => ({
    plugins: [preact()],
    // The matcher's lexicon and regular expressions, built here once instead of on every page load,
    // as JSON text (lib/core/detection/lexicon.ts).
    define: { __HEAT_NOTES_LEXICON__: JSON.stringify(JSON.stringify(buildLexiconSource())) },
    // Syntax up to ES2022, as every browser Heat Notes runs in has it (the CSS Custom Highlight API
    // needs Chrome 105 or Firefox 140). Not a browser list: given any browser version, esbuild 0.28
    // turns each regular expression literal with `\p{…}` into a `new RegExp(…)` call, made again on
    // every call of the function around it; a literal is made once (BENCHMARKS.md).
    build: { target: 'es2022' },
  }),
  // `npm run zip` / `zip:firefox`: the store archives in .output/. For Firefox, WXT also zips the sources
  // (AMO reviewers rebuild the add-on from them): an allowlist of what `npm install && npm run
  // build:firefox` reads, plus the docs that say how (CONTRIBUTING.md, "Packaging"). Tests, scripts for
  // the demo and benchmarks, screenshots and every generated folder stay out; WXT itself always leaves
  // out node_modules, .output and test files.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'data/**',
      'public/**',
      'assets/**',
      'scripts/icons.ts',
      'README.md',
      'CONTRIBUTING.md',
      'ARCHITECTURE.md',
      // Cited by the code's comments.
      'docs/contract.md',
      'docs/platform-notes.md',
    ],
    excludeSources: [
      '.output/**',
      '.wxt/**',
      'test-results/**',
      'bench-results/**',
      'demo-output/**',
      'docs/screenshots/**',
      'tests/**',
      'stats.html',
    ],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // The name and description in the browser's language: public/_locales/<locale>/messages.json.
    // Chrome refuses to load an extension that has _locales/ but no default_locale.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // `storage`; WXT adds `sidePanel` to Chrome's build for the side panel (entrypoints/sidepanel), a
    // permission that shows no warning at install. Firefox's sidebar needs none.
    permissions: ['storage'],
    // Scripts the content script imports only when needed: the cards and the keyboard path, once a
    // page has a mention (lib/page/card/page-cards.ts), and the card's own view, the first time a
    // card opens (lib/page/card/lazy-card.ts). A dynamic URL, made anew each session, so a page can't
    // probe for Heat Notes by fetching them (Chrome; WXT writes the MV2 list for Firefox, whose
    // extension URLs are random per install anyway).
    web_accessible_resources: [{ resources: ['page-cards.js', 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // WXT adds the popup to this key and keeps what is here (MV2 calls it browser_action).
    ...(manifestVersion === 2 ? { browser_action: { default_icon: TOOLBAR_ICONS } } : { action: { default_icon: TOOLBAR_ICONS } }),
    commands: Object.fromEntries(
      [
        ...Object.entries(COMMANDS),
        [browser === 'firefox' ? READ_ALONGSIDE.firefox : READ_ALONGSIDE.chrome, READ_ALONGSIDE] as const,
      ].map(([name, { key, message }]) => [name, { suggested_key: { default: key }, description: `__MSG_${message}__` }]),
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
