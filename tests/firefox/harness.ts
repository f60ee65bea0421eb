/**
 * The Firefox end-to-end harness: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core,
 * with the unpacked Firefox build (`.output/firefox-mv2/`) installed as a temporary add-on.
 *
 * What differs from Chromium (tests/e2e/harness.ts, whose fixture server and page readers from
 * scripts/lib/ are reused):
 * - There is no service worker to evaluate in. Helpers run extension code in an extension page opened
 *   as a tab (options.html, "the helper"): it has the same `browser.*` APIs as the popup.
 * - The extension's address is pinned with the pref `extensions.webextensions.uuids`, so its pages are
 *   at `moz-extension://EXTENSION_UUID/…`. Opening them needs the launch flag
 *   `--remote-allow-system-access`, and puppeteer's `goto` on them never resolves (the tab moves to the
 *   extension process; the Page keeps reporting `about:blank`): `openExtensionPage` starts the
 *   navigation and waits for the document instead.
 * - Without the `tabs` permission `tabs.query` hides web pages' URLs here too: as in Chromium, the page
 *   is brought to the front and the active tab of the last focused window is asked, and only if its URL
 *   is hidden (a web page, not one of ours).
 *
 * No vitest imports: like the Chromium harness, usable outside the test runner.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import type { Page as PlaywrightPage } from 'playwright-core';
import { ROOT, SCREENSHOT_DIR, delay, listenOnLoopback, type FixtureServer, type MentionsResponse } from '../e2e/harness';

/** The unpacked Firefox build; `HEAT_NOTES_FIREFOX_DIR` points the tests at another build. */
export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.HEAT_NOTES_FIREFOX_DIR ?? path.join(ROOT, '.output', 'firefox-mv2'));
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'heat-notes@heat-notes.extension';
/** The extension's internal UUID, pinned by pref: its pages are at `moz-extension://EXTENSION_UUID/`. */
export const EXTENSION_UUID = '5f1e7a52-9d0c-4b8e-a1f4-000000000014';
export const VIEWPORT = { width: 1280, height: 800 } as const;
/** The popup's size in Firefox's toolbar panel is its content's; the page is laid out for this one. */
export const POPUP_SIZE = { width: 400, height: 600 } as const;

const CONTENT_SCRIPT_WAIT_MS = 15_000;
const EXTENSION_PAGE_WAIT_MS = 15_000;

/** `FIREFOX_PATH`, else Debian's Firefox ESR. */
export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/** Why the Firefox tier cannot run here (no browser), or undefined when it can. */
export function firefoxMissing(): string | undefined {
  const executable = firefoxPath();
  if (fs.existsSync(executable)) return undefined;
  return `No Firefox at ${executable}: install it (\`apt-get install -y firefox-esr\`) or set FIREFOX_PATH.`;
}

export function extensionUrl(name: string): string {
  return `moz-extension://${EXTENSION_UUID}/${name.replace(/^\//, '')}`;
}

// ---------------------------------------------------------------------------------------------------
// What every page does that a test may want to see: requests and console messages

export interface SeenRequest {
  url: string;
  /** The page that made it (a fixture's URL, or the extension page's name). */
  by: string;
}

export interface SeenMessage {
  /** `console` (console.error / warn), `exception` (uncaught). */
  kind: 'console' | 'exception';
  level: string;
  text: string;
  by: string;
}

/** Everything watched since launch, over every page opened through the harness. */
export interface Watched {
  requests: SeenRequest[];
  messages: SeenMessage[];
  /**
   * What Firefox itself printed of web content's and the extension's console (errors and warnings, from
   * every context: background page, extension pages, content scripts, pages) and of their uncaught errors.
   * BiDi does not report the background page's or extension pages' console; Firefox prints them to its
   * stdout with `devtools.console.stdout.content`. Lines only: `console.error: "…"`, `JavaScript error: URL, line N: …`.
   */
  browserLog: string[];
}

/**
 * Keeps the lines of Firefox's output that are content's console errors and warnings, or uncaught
 * errors in content or extension code; Firefox's own (`resource://`, `chrome://` sources, the remote
 * agent's chatter) are left out.
 */
function watchBrowserOutput(browser: Browser, watched: Watched): void {
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer | string) => {
      const lines = (pending + String(chunk)).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (/^console\.(error|warn|assert):/.test(line)) watched.browserLog.push(line);
        else if (/^JavaScript error: /.test(line) && !/^JavaScript error: (resource|chrome):\/\//.test(line)) watched.browserLog.push(line);
      }
    });
  }
}

function watchPage(page: Page, watched: Watched, by: () => string): void {
  page.on('request', (request: HTTPRequest) => {
    watched.requests.push({ url: request.url(), by: by() });
  });
  page.on('console', (message) => {
    const level = message.type();
    if (level === 'error' || level === 'warn' || level === 'assert') {
      watched.messages.push({ kind: 'console', level, text: message.text(), by: by() });
    }
  });
  page.on('pageerror', (error) => {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    watched.messages.push({ kind: 'exception', level: 'error', text, by: by() });
  });
}

// ---------------------------------------------------------------------------------------------------
// Every request Firefox makes, from any context: a recording proxy

/**
 * BiDi reports the requests of web pages, but not those of extension pages, the background page, or
 * the content script's own loads. So Firefox is set to send all its HTTP, HTTPS and WebSocket traffic,
 * loopback included, through this proxy: it forwards requests for the fixture server and refuses and
 * records everything else, whoever asked. Firefox's own services point at `dummy.test` (puppeteer's
 * profile prefs); those are recorded apart.
 */
export interface RecordingProxy {
  readonly port: number;
  /** Requests refused: anything but the fixture server (`http://host/path`, or `https://host:port` for a tunnel). */
  readonly refused: string[];
  /** How many requests were forwarded to the fixture server. */
  forwarded(): number;
  close(): Promise<void>;
}

/** Puppeteer's Firefox profile sends the browser's own services here. */
export const FIREFOX_OWN_HOST = 'dummy.test';

export async function startRecordingProxy(target: FixtureServer): Promise<RecordingProxy> {
  const targetHost = new URL(target.origin).host;
  const refused: string[] = [];
  let forwarded = 0;
  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.host !== targetHost) {
      refused.push(url);
      response.writeHead(403, { 'content-type': 'text/plain' }).end('No network in the Heat Notes tests');
      return;
    }
    forwarded++;
    const upstream = http.request(
      { host: parsed.hostname, port: parsed.port, path: `${parsed.pathname}${parsed.search}`, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  // HTTPS and secure WebSockets ask for a tunnel; plain WebSockets ask for an upgrade.
  server.on('connect', (request: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    refused.push(`https://${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (request: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    refused.push(request.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  const listening = await listenOnLoopback(server);
  return {
    port: Number(new URL(listening.origin).port),
    refused,
    forwarded: () => forwarded,
    close: () => listening.close(),
  };
}

// ---------------------------------------------------------------------------------------------------
// Firefox with the extension

export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** An extension page (options.html in a tab of its own) where helpers run `browser.*` calls. */
  readonly helper: Page;
  readonly watched: Watched;
  /** Every request Firefox sent anywhere but the fixture server (see `startRecordingProxy`). */
  readonly proxy: RecordingProxy;
  /** A new tab at `VIEWPORT`, watched, loading a fixture page. */
  openFixture(server: FixtureServer, name: string): Promise<Page>;
  /**
   * A new tab, watched, showing an extension page (`popup.html`), loaded. With `behind`, that page is
   * brought back to the front before the extension page loads, so the extension page (a popup) finds
   * it as its window's active tab.
   */
  openExtensionPage(name: string, options?: { viewport?: { width: number; height: number }; behind?: Page }): Promise<Page>;
  close(): Promise<void>;
}

/** Fails with what to do when the build is missing. */
export function checkFirefoxBuild(extensionDir: string = FIREFOX_EXTENSION_DIR): void {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir} (manifest.json missing). Run \`npm run build:firefox\` first.`);
  }
}

/** Navigates `page` to an extension page and waits until that document has loaded (see the header). */
async function showExtensionPage(page: Page, name: string): Promise<void> {
  const url = extensionUrl(name);
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + EXTENSION_PAGE_WAIT_MS;
  for (;;) {
    const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
    if (state === `complete ${url}`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${EXTENSION_PAGE_WAIT_MS} ms (last: ${state || 'no document'})`);
    await delay(100);
  }
}

/**
 * Firefox ESR with the Firefox build installed, its UUID pinned, all its traffic through a recording
 * proxy that lets through only `server`, and an extension page open as the helper.
 */
export async function launchFirefox(server: FixtureServer, extensionDir: string = FIREFOX_EXTENSION_DIR): Promise<FirefoxWithExtension> {
  checkFirefoxBuild(extensionDir);
  const missing = firefoxMissing();
  if (missing) throw new Error(missing);
  const proxy = await startRecordingProxy(server);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    // Firefox's Remote Settings honour puppeteer's `services.settings.server` (dummy.test) only with this
    // set; otherwise they sync from firefox.settings.services.mozilla.com all along.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Content's and extensions' console to stdout (see `Watched.browserLog`), not Firefox's own.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  }).catch(async (error: unknown) => {
    await proxy.close();
    throw error;
  });
  const watched: Watched = { requests: [], messages: [], browserLog: [] };
  watchBrowserOutput(browser, watched);
  try {
    await browser.installExtension(extensionDir);
    const helper = await browser.newPage();
    watchPage(helper, watched, () => 'options.html (helper)');
    await showExtensionPage(helper, 'options.html');
    return {
      browser,
      helper,
      watched,
      proxy,
      async openFixture(server, name) {
        const page = await browser.newPage();
        await page.setViewport(VIEWPORT);
        watchPage(page, watched, () => name);
        await page.goto(server.url(name), { waitUntil: 'load' });
        return page;
      },
      async openExtensionPage(name, { viewport = VIEWPORT, behind } = {}) {
        const page = await browser.newPage();
        await page.setViewport(viewport);
        watchPage(page, watched, () => name);
        if (behind) await behind.bringToFront();
        await showExtensionPage(page, name);
        return page;
      },
      close: async () => {
        await browser.close();
        await proxy.close();
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await proxy.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Talking to the content script

interface BrowserApi {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

const NOT_READY = /Receiving end does not exist|Could not establish connection|no web page is the active tab/i;

/**
 * `mentions/get` (docs/contract.md) to `page`'s top frame, from the helper: `page` is brought to the front,
 * and the active tab is asked if its URL is hidden from us (a web page; our own pages show theirs).
 * Retries while the content script is not there yet.
 */
export async function getMentions(ff: FirefoxWithExtension, page: Page, timeoutMs = CONTENT_SCRIPT_WAIT_MS): Promise<MentionsResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.bringToFront();
    const answer = await ff.helper.evaluate(async () => {
      const api = (globalThis as unknown as { browser: BrowserApi }).browser;
      try {
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined || tab.url !== undefined) return { error: 'no web page is the active tab' };
        return { response: await api.tabs.sendMessage(tab.id, { type: 'mentions/get' }, { frameId: 0 }) };
      } catch (error) {
        return { error: String((error as Error)?.message ?? error) };
      }
    });
    if ('response' in answer) {
      const response = answer.response as MentionsResponse | undefined;
      if (!response || !Array.isArray(response.mentions)) {
        throw new Error(`mentions/get on ${page.url()} answered with something else: ${JSON.stringify(response)}`);
      }
      return response;
    }
    if (!NOT_READY.test(answer.error ?? '') || Date.now() > deadline) {
      throw new Error(`mentions/get failed on ${page.url()}: ${answer.error}`);
    }
    await delay(200);
  }
}

// ---------------------------------------------------------------------------------------------------
// Reusing the Chromium harness's page readers

/**
 * The Chromium harness's readers (`readHighlights`, `resolveExpected`, `textBox`, `readCard`,
 * `cardLook`…) use nothing of a Playwright page or frame but `evaluate(fn, arg)`, which puppeteer's
 * Page and Frame have with the same meaning. This hands them a puppeteer page or frame under that type.
 */
export function readerOf(target: Page | Frame): PlaywrightPage {
  const evaluate = (fn: (arg: unknown) => unknown, arg?: unknown) => target.evaluate(fn as (arg: unknown) => unknown, arg);
  return { evaluate } as unknown as PlaywrightPage;
}

/** Saves a PNG to `test-results/screenshots/firefox-NAME.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `firefox-${name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}
