/**
 * Shared end-to-end helpers: a static server for the fixture pages, Chromium with the built extension,
 * and small readers for what a user would see (mentions, highlights, the hover card).
 *
 * No vitest imports here: `scripts/demo.ts` reuses this module outside the test runner.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { MentionReport, MentionsResponse } from '../../lib/core/messages';

export type { MentionReport, MentionsResponse };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked Chrome build; `HEAT_NOTES_EXTENSION_DIR` points the tests at another build. */
export const EXTENSION_DIR = path.resolve(process.env.HEAT_NOTES_EXTENSION_DIR ?? path.join(ROOT, '.output', 'chrome-mv3'));
export const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures', 'pages');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

/** The highlight name the content script registers its mentions under (CONTRACT: `heat-notes-*`). */
export const HIGHLIGHT_PREFIX = 'heat-notes';

/** How long to keep asking a content script that is not there yet (page still loading, script injecting). */
const CONTENT_SCRIPT_WAIT_MS = 15_000;
/**
 * The MV3 service worker can be slow to attach under load, or never reported (microsoft/playwright#39075):
 * past this, helpers fall back to an extension page, which has the same `chrome.*` APIs they use.
 */
const SERVICE_WORKER_WAIT_MS = 20_000;

// ---------------------------------------------------------------------------------------------------
// Static server

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The URL of a page under the served folder: `url('review.html')`. */
  url(name: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts `server` on 127.0.0.1 at a free port (tests and the bench never listen beyond loopback).
 * `url('review.html')` gives a page's address; `close()` also drops kept-alive connections, so a
 * browser that still holds one cannot keep the test run open.
 */
export async function listenOnLoopback(server: http.Server): Promise<FixtureServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (name) => `${origin}/${name.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A page the server makes up on request instead of reading a file (see `FixtureServerOptions.generated`). */
export interface GeneratedPage {
  body: string;
  /** Defaults to HTML. */
  contentType?: string;
}

export interface FixtureServerOptions {
  /**
   * Extra response headers by path (`'/hostile-csp.html'`), added to that file's or generated page's
   * response (e.g. a Content-Security-Policy the page must be served with).
   */
  headers?: Record<string, Record<string, string>>;
  /**
   * Pages built on request, by path (`'/hostile-huge.html'`), from the request's URL (query string
   * included): for pages too large or too random to keep as files. A generated path wins over a file.
   */
  generated?: Record<string, (url: URL) => GeneratedPage | string>;
}

/**
 * Serves `root` (the fixture pages by default) on 127.0.0.1 at a free port. `options` (optional) adds
 * headers to given paths and serves generated pages; without it the server is a plain static one.
 */
export async function startFixtureServer(root: string = FIXTURES_DIR, options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const requestUrl = new URL(request.url ?? '/', 'http://localhost');
    const pathname = decodeURIComponent(requestUrl.pathname);
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const extraHeaders = options.headers?.[pathname] ?? {};
    const generate = options.generated?.[pathname];
    if (generate) {
      const made = generate(requestUrl);
      const page = typeof made === 'string' ? { body: made } : made;
      response.writeHead(200, {
        'content-type': page.contentType ?? CONTENT_TYPES['.html']!,
        'cache-control': 'no-store',
        ...extraHeaders,
      });
      response.end(page.body);
      return;
    }
    const file = path.resolve(base, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...extraHeaders,
    });
    fs.createReadStream(file).pipe(response);
  });
  return listenOnLoopback(server);
}

/** The HTML of a fixture page exactly as the server sends it. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

// ---------------------------------------------------------------------------------------------------
// Browser with the extension

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /**
   * A touch screen (`page.touchscreen`, touch pointer events), and a finger as the primary pointer:
   * `(pointer: coarse)` and `(hover: none)` match, as on a phone. Off by default.
   */
  hasTouch?: boolean;
  /** A phone: the viewport meta tag is honoured. Off by default. */
  isMobile?: boolean;
}

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /**
   * Where helpers run extension code: the service worker (re-acquired if Chromium restarted it), or an
   * extension page if Playwright never saw the worker attach.
   */
  worker(): Promise<Worker | Page>;
  /** `chrome-extension://ID/NAME` */
  extensionUrl(name: string): string;
  close(): Promise<void>;
}

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/** What every Chromium the tests and the bench start runs with: no sandbox or GPU, and nothing of its own on the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A finger as the only pointer: Playwright's touch emulation dispatches touch events but leaves the
 * pointer and hover media features as its headless default (a mouse), so they are set here (Blink's
 * values: pointer 2 = coarse, hover 1 = none). The last `--blink-settings` on the command line wins.
 */
const TOUCH_ARGS = ['--blink-settings=primaryHoverType=1,availableHoverTypes=1,primaryPointerType=2,availablePointerTypes=2'];

/** Fails with a message that says what to do when the build or the browser is missing. */
export function checkPrerequisites(extensionDir: string = EXTENSION_DIR): void {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir} (manifest.json missing). Run \`npm run build\` first.`);
  }
  const executable = chromePath();
  if (!fs.existsSync(executable)) {
    throw new Error(
      `No Chromium at ${executable}. Install it (\`apt-get install -y chromium\`) or set CHROME_PATH to a Chromium binary.`,
    );
  }
}

/**
 * The id Chromium gives an unpacked extension without a `key`: the SHA-256 of its absolute path, first
 * 32 hex digits mapped to a–p. Used only as a cross-check and a fallback when the worker is slow to show.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

function isExtensionWorker(worker: Worker, extensionId?: string): boolean {
  const url = worker.url();
  return extensionId ? url.startsWith(`chrome-extension://${extensionId}/`) : url.startsWith('chrome-extension://');
}

async function waitForWorker(context: BrowserContext, extensionId?: string): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => isExtensionWorker(w, extensionId));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => isExtensionWorker(w, extensionId),
    timeout: SERVICE_WORKER_WAIT_MS,
  });
}

/** Chromium with the built extension loaded, in a throwaway profile. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = path.resolve(options.extensionDir ?? EXTENSION_DIR);
  checkPrerequisites(extensionDir);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ...(options.hasTouch ? { hasTouch: true } : {}),
    ...(options.isMobile ? { isMobile: true } : {}),
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_ARGS, ...(options.hasTouch ? TOUCH_ARGS : [])],
  });
  let worker: Worker | undefined;
  let fallback: Page | undefined;
  let extensionId: string;
  try {
    worker = await waitForWorker(context);
    extensionId = new URL(worker.url()).host;
  } catch (error) {
    // Playwright did not report the worker. The id of an unpacked build follows from its path; an
    // extension page can then stand in for the worker.
    extensionId = unpackedExtensionId(extensionDir);
    try {
      fallback = await context.newPage();
      await fallback.goto(`chrome-extension://${extensionId}/options.html`);
      const id = await fallback.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);
      if (id !== extensionId) throw new Error(`extension page reports id ${id}`);
      console.warn(`[harness] no service worker after ${SERVICE_WORKER_WAIT_MS} ms; using an extension page instead`);
    } catch (fallbackError) {
      await context.close().catch(() => {});
      throw new Error(
        `The extension's service worker did not start within ${SERVICE_WORKER_WAIT_MS} ms (${(error as Error).message}), ` +
          `and no extension page could stand in (${(fallbackError as Error).message}).`,
      );
    }
  }
  const id = extensionId;
  const extensionUrl = (name: string) => `chrome-extension://${id}/${name.replace(/^\//, '')}`;
  return {
    context,
    extensionId: id,
    extensionUrl,
    worker: async () => {
      const live = context.serviceWorkers().find((w) => isExtensionWorker(w, id));
      if (live) return live;
      if (fallback && !fallback.isClosed()) return fallback;
      return waitForWorker(context, id);
    },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Talking to the extension through its service worker

/** The little of `chrome.*` the helpers use, typed here so they need no extension typings. */
interface ChromeApi {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  storage: { sync: { set(items: object): Promise<void>; clear(): Promise<void> } };
}

/**
 * Runs `fn` in the service worker (or the extension page standing in for it), once more on a fresh
 * handle if Chromium restarted the worker.
 */
export async function inWorker<R, A>(browser: ExtensionBrowser, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const target = await browser.worker();
    // Playwright types the argument as its serialised form; ours are plain JSON values already.
    const run = fn as (arg: unknown) => R | Promise<R>;
    try {
      return await ('goto' in target ? target.evaluate(run, arg as unknown) : target.evaluate(run, arg as unknown));
    } catch (error) {
      const message = (error as Error).message;
      if (attempt < 2 && /closed|destroyed|detached/i.test(message)) continue;
      throw error;
    }
  }
}

const NOT_READY = /Receiving end does not exist|Could not establish connection|no tab with url/i;

/**
 * Asks the page's top-frame content script what it found (`mentions/get`, docs/contract.md), retrying while
 * the content script is not there yet.
 *
 * Finding the page's tab: without the `tabs` permission (the extension asks only for `storage`),
 * `tabs.query` hides the URLs of web pages (it shows only the extension's own pages), so the page is
 * brought to the front and the active tab of the last focused window is asked. A tab whose URL is
 * visible and equal to the page's is used directly.
 */
export async function getMentions(browser: ExtensionBrowser, page: Page, timeoutMs = CONTENT_SCRIPT_WAIT_MS): Promise<MentionsResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.bringToFront();
    const answer = await inWorker(
      browser,
      async (url: string) => {
        const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        try {
          const tabs = await chromeApi.tabs.query({});
          const byUrl = tabs.find((t) => t.url === url || t.pendingUrl === url);
          const active = (await chromeApi.tabs.query({ active: true, lastFocusedWindow: true }))[0];
          // The active tab stands in only while its URL is hidden from us or is the page's own.
          const tab = byUrl ?? (active && (active.url === undefined || active.url === url) ? active : undefined);
          if (tab?.id === undefined) return { error: `no tab with url ${url}` };
          const response = await chromeApi.tabs.sendMessage(tab.id, { type: 'mentions/get' }, { frameId: 0 });
          return { response };
        } catch (error) {
          return { error: String((error as Error)?.message ?? error) };
        }
      },
      page.url(),
    );
    if ('response' in answer) {
      const response = answer.response as MentionsResponse | undefined;
      if (!response || !Array.isArray(response.mentions)) {
        throw new Error(`mentions/get on ${page.url()} answered with something else: ${JSON.stringify(response)}`);
      }
      return response;
    }
    if (!NOT_READY.test(answer.error) || Date.now() > deadline) {
      throw new Error(`mentions/get failed on ${page.url()}: ${answer.error}`);
    }
    await delay(200);
  }
}

/** Writes settings the way the options page stores them (`storage.sync`, key `settings`). */
export async function setSettings(browser: ExtensionBrowser, settings: { enabled: boolean }): Promise<void> {
  await inWorker(
    browser,
    async (value) => {
      const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await chromeApi.storage.sync.set({ settings: value });
    },
    { version: 1, ...settings },
  );
}

/** Back to defaults: nothing stored. */
export async function clearSettings(browser: ExtensionBrowser): Promise<void> {
  await inWorker(
    browser,
    async () => {
      const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await chromeApi.storage.sync.clear();
    },
    null,
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading the page (page world)

/** Opens a fixture page and waits until its content script has answered once (first scan done). */
export async function openFixture(
  browser: ExtensionBrowser,
  server: FixtureServer,
  name: string,
  page?: Page,
): Promise<{ page: Page; found: MentionsResponse }> {
  const target = page ?? (await browser.context.newPage());
  await target.goto(server.url(name), { waitUntil: 'load' });
  const found = await getMentions(browser, target);
  return { page: target, found };
}

export interface HighlightEntry {
  name: string;
  size: number;
}

/** Every `heat-notes*` highlight registered in the page's (shared) highlight registry, with its range count. */
export async function readHighlights(page: Page): Promise<HighlightEntry[]> {
  return page.evaluate((prefix) => {
    const entries: { name: string; size: number }[] = [];
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return entries;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith(prefix)) entries.push({ name, size: highlight.size });
    });
    return entries;
  }, HIGHLIGHT_PREFIX);
}

/** Total number of ranges painted by the extension. */
export async function countHighlightedRanges(page: Page): Promise<number> {
  return (await readHighlights(page)).reduce((sum, entry) => sum + entry.size, 0);
}

export interface TextBox {
  /** The centre of the occurrence's first line box, in viewport coordinates. */
  x: number;
  y: number;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
}

/**
 * Where the Nth occurrence (0-based) of `text` stands on screen, scrolled into view first (unless
 * `scroll: false`). The text may
 * run across inline elements (`<a>Robert</a> De Niro`); it is searched in the text of `within`'s text
 * nodes, skipping form fields, scripts and the extension's own UI.
 */
export async function textBox(
  page: Page,
  text: string,
  options: { nth?: number; within?: string; scroll?: boolean } = {},
): Promise<TextBox> {
  // Page functions here bind no names (no inner `const f = () => …`): tsx (scripts/demo.ts) compiles
  // with esbuild's keepNames, which would wrap them in a `__name` helper the page does not have.
  const box = await page.evaluate(
    ({ text, nth, within, scroll }) => {
      const root = within ? document.querySelector(within) : document.body;
      if (!root) return { error: `no element matches ${within}` };
      const skip = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE', 'HEAT-NOTES-UI']);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let skipped = false;
        for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
          if (skip.has(el.tagName)) skipped = true;
        }
        if (skipped) continue;
        nodes.push(node as Text);
        starts.push(all.length);
        all += (node as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= nth; i++) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return { error: `occurrence ${nth} of "${text}" not found` };
      }
      // The node holding the first character, and the one holding the last.
      let first = 0;
      while (first + 1 < nodes.length && starts[first + 1]! <= index) first++;
      let last = first;
      while (last + 1 < nodes.length && starts[last + 1]! < index + text.length) last++;
      const range = document.createRange();
      range.setStart(nodes[first]!, index - starts[first]!);
      range.setEnd(nodes[last]!, index + text.length - starts[last]!);
      if (scroll) nodes[first]!.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      const line = range.getClientRects()[0];
      if (!line) return { error: `"${text}" has no box on screen` };
      return {
        x: line.left + Math.min(line.width / 2, 12),
        y: line.top + line.height / 2,
        rect: { left: line.left, top: line.top, right: line.right, bottom: line.bottom, width: line.width, height: line.height },
      };
    },
    { text, nth: options.nth ?? 0, within: options.within ?? null, scroll: options.scroll ?? true },
  );
  if ('error' in box) throw new Error(`textBox: ${box.error}`);
  return box;
}

export interface CardState {
  /** How many elements in the UI's shadow root carry `data-entity` (the contract: one while open). */
  count: number;
  entity: string;
  text: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** How many `<heat-notes-ui>` elements the page has. */
  hosts: number;
}

/** The open hover card (`heat-notes-ui` shadow root `[data-entity]`), or null when none is open. */
export async function readCard(page: Page): Promise<CardState | null> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('heat-notes-ui');
    const boxes: Element[] = [];
    hosts.forEach((host) => host.shadowRoot?.querySelectorAll('[data-entity]').forEach((el) => boxes.push(el)));
    const box = boxes[0];
    if (!box) return null;
    const r = box.getBoundingClientRect();
    return {
      count: boxes.length,
      entity: box.getAttribute('data-entity') ?? '',
      text: (box as HTMLElement).innerText ?? box.textContent ?? '',
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      hosts: hosts.length,
    };
  });
}

/** A corner of the viewport with no text under it in the fixture layouts: where the pointer goes to rest on nothing. */
export const NEUTRAL_POINT = { x: 4, y: 4 } as const;

/** Moves the pointer to a blank spot, then rests it on the Nth occurrence of `text`; returns where it rests. */
export async function restPointerOn(page: Page, text: string, options: { nth?: number; within?: string; scroll?: boolean } = {}): Promise<TextBox> {
  await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
  // A card still open from an earlier name could cover this one: let it close first, as a user would.
  await waitForCard(page, (card) => card === null, 1_500);
  const box = await textBox(page, text, options);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  return box;
}

/** Waits for the hover card to satisfy `predicate` (by default: to be open); null if it never does. */
export async function waitForCard(
  page: Page,
  predicate: (card: CardState | null) => boolean = (card) => card !== null,
  timeoutMs = 2_000,
): Promise<{ card: CardState | null; ok: boolean; elapsedMs: number }> {
  const { value, ok, elapsedMs } = await pollUntil(() => readCard(page), predicate, timeoutMs, 15);
  return { card: value, ok, elapsedMs };
}

/** Polls until `predicate` holds or `timeoutMs` passes; returns the last value and how long it took. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 25,
): Promise<{ value: T; ok: boolean; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    const elapsedMs = Date.now() - started;
    if (predicate(value)) return { value, ok: true, elapsedMs };
    if (elapsedMs > timeoutMs) return { value, ok: false, elapsedMs };
    await delay(intervalMs);
  }
}

/** Saves a PNG to `test-results/screenshots/NAME.png` (or `dir`) and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; dir?: string } = {}): Promise<string> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------
// Expected mentions, computed from the page itself

/** Mentions as plain comparable objects (the answer may carry nothing else, but be lenient about extra keys). */
export function plainMentions(mentions: readonly MentionReport[]): MentionReport[] {
  return mentions.map(({ entity, text, offset }) => ({ entity, text, offset }));
}

export interface ExpectedMention {
  /** A selector for the block (an element with no nested block, so its textContent is the block text). */
  block: string;
  entity: string;
  text: string;
  /** Which occurrence of `text` in the block, 0-based. */
  nth?: number;
}

/** Turns `{ block, entity, text, nth }` into the contract's `{ entity, text, offset }`, reading the page. */
export async function resolveExpected(page: Page, expected: readonly ExpectedMention[]): Promise<MentionReport[]> {
  const resolved = await page.evaluate((list) => {
    return list.map((item) => {
      const block = document.querySelector(item.block);
      if (!block) throw new Error(`no block ${item.block}`);
      const blockText = block.textContent ?? '';
      let offset = -1;
      for (let i = 0; i <= (item.nth ?? 0); i++) {
        offset = blockText.indexOf(item.text, offset + 1);
        if (offset < 0) throw new Error(`"${item.text}" (occurrence ${item.nth ?? 0}) not in ${item.block}`);
      }
      return { entity: item.entity, text: item.text, offset };
    });
  }, expected as ExpectedMention[]);
  return resolved as MentionReport[];
}

/** The popup's size in Chromium's toolbar, which the popup page is laid out for. */
export const POPUP_SIZE = { width: 400, height: 600 } as const;

/**
 * Opens popup.html the way a test can make it "see" a page: a real popup asks
 * `tabs.query({ active: true, currentWindow: true })`, so popup.html is opened as a background tab in
 * `page`'s window (`tabs.create({ active: false, windowId })` from the service worker). `page` stays the
 * active tab, so the popup's own, unchanged query finds it, and the page really scrolls when asked to.
 */
export async function openPopupBeside(browser: ExtensionBrowser, page: Page): Promise<Page> {
  await page.bringToFront();
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html') });
  await inWorker(
    browser,
    async (url: string) => {
      const tabs = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(query: object): Promise<Array<{ windowId?: number; index?: number }>>;
              create(props: object): Promise<unknown>;
            };
          };
        }
      ).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      await tabs.create({ url, active: false, windowId: tab!.windowId, index: (tab!.index ?? 0) + 1 });
    },
    browser.extensionUrl('popup.html'),
  );
  const popup = await opened;
  await popup.setViewportSize(POPUP_SIZE);
  await popup.waitForLoadState('load');
  return popup;
}

// ---------------------------------------------------------------------------------------------------
// Console and errors, from every world of the page (its own scripts, content scripts, same-process frames)

export interface ConsoleProblem {
  /** `console` (console.error / console.warn / console.assert), `exception` (uncaught), `log` (browser: CSP, network…). */
  kind: 'console' | 'exception' | 'log';
  level: string;
  text: string;
  /** The script the message came from, when known (a `chrome-extension://` URL means ours). */
  url: string;
}

export interface ConsoleWatch {
  /** Every error so far, and every warning that names Heat Notes or comes from an extension script. */
  problems(): ConsoleProblem[];
  stop(): Promise<void>;
}

/**
 * Collects errors through the DevTools protocol rather than Playwright's `console`/`pageerror` events,
 * which report only the page's main world: content scripts run in an isolated world, and CSP refusals
 * are browser log entries. Start it before `goto` to see the page's load too.
 */
export async function watchConsole(browser: ExtensionBrowser, page: Page): Promise<ConsoleWatch> {
  const found: ConsoleProblem[] = [];
  const cdp = await browser.context.newCDPSession(page);
  type CallFrame = { url?: string };
  const firstUrl = (frames?: CallFrame[]) => frames?.find((f) => f.url)?.url ?? '';
  const fromExtension = (url: string) => url.startsWith('chrome-extension://');
  cdp.on('Runtime.consoleAPICalled', (event: { type: string; args: Array<{ value?: unknown; description?: string }>; stackTrace?: { callFrames: CallFrame[] } }) => {
    const text = event.args.map((a) => (a.value !== undefined ? String(a.value) : a.description ?? '')).join(' ');
    const url = firstUrl(event.stackTrace?.callFrames);
    const isError = event.type === 'error' || event.type === 'assert';
    const isOurWarning = event.type === 'warning' && (/heat.?notes/i.test(text) || fromExtension(url));
    if (isError || isOurWarning) found.push({ kind: 'console', level: event.type, text, url });
  });
  cdp.on('Runtime.exceptionThrown', (event: { exceptionDetails: { text: string; url?: string; exception?: { description?: string }; stackTrace?: { callFrames: CallFrame[] } } }) => {
    const details = event.exceptionDetails;
    found.push({
      kind: 'exception',
      level: 'error',
      text: `${details.text} ${details.exception?.description ?? ''}`.trim(),
      url: details.url ?? firstUrl(details.stackTrace?.callFrames),
    });
  });
  cdp.on('Log.entryAdded', (event: { entry: { level: string; text: string; url?: string; source: string } }) => {
    const { level, text, url, source } = event.entry;
    // A missing favicon and the like are the server's business, not a page's problem.
    if (source === 'network' && /favicon/.test(url ?? '')) return;
    if (level === 'error' || (level === 'warning' && /heat.?notes/i.test(text))) {
      found.push({ kind: 'log', level: `${source}:${level}`, text, url: url ?? '' });
    }
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return {
    problems: () => [...found],
    stop: async () => {
      await cdp.detach().catch(() => {});
    },
  };
}

/** Opens a fixture in a new tab with the console watched from before its first byte. */
export async function openWatched(
  browser: ExtensionBrowser,
  server: FixtureServer,
  name: string,
  options: { timeoutMs?: number } = {},
): Promise<{ page: Page; console: ConsoleWatch }> {
  const page = await browser.context.newPage();
  const console = await watchConsole(browser, page);
  await page.goto(server.url(name), { waitUntil: 'load', ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) });
  return { page, console };
}
