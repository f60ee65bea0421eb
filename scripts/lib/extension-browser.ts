/**
 * Chromium with the built extension loaded (playwright-core), and talking to the extension through its
 * service worker: what the e2e tests, `npm start` (scripts/demo.ts) and `npm run bench` drive. No vitest
 * imports here: the scripts run outside the test runner.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { MentionsResponse } from '../../lib/core/messages';
import { CHROMIUM_ARGS, chromePath } from './chromium';
import { delay } from './page-readers';
import { EXTENSION_DIR } from './paths';

/** How long to keep asking a content script that is not there yet (page still loading, script injecting). */
const CONTENT_SCRIPT_WAIT_MS = 15_000;
/**
 * The MV3 service worker can be slow to attach under load, or never reported (microsoft/playwright#39075):
 * past this, helpers fall back to an extension page, which has the same `chrome.*` APIs they use.
 */
const SERVICE_WORKER_WAIT_MS = 20_000;

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
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
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
 * Sends `message` to the page's top-frame content script through the service worker, or with `badge`,
 * reads the page's tab's toolbar badge instead: the answer, or what went wrong.
 *
 * Finding the page's tab: without the `tabs` permission (the extension asks only for `storage`),
 * `tabs.query` hides the URLs of web pages (it shows only the extension's own pages), so the page is
 * brought to the front and the active tab of the last focused window is asked. A tab whose URL is
 * visible and equal to the page's is used directly.
 */
export async function askPageTab(
  browser: ExtensionBrowser,
  page: Page,
  message: object,
  badge = false,
): Promise<{ response: unknown } | { error: string }> {
  await page.bringToFront();
  return inWorker(
    browser,
    async ({ url, message, badge }: { url: string; message: object; badge: boolean }) => {
      const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      try {
        const tabs = await chromeApi.tabs.query({});
        const byUrl = tabs.find((t) => t.url === url || t.pendingUrl === url);
        const active = (await chromeApi.tabs.query({ active: true, lastFocusedWindow: true }))[0];
        // The active tab stands in only while its URL is hidden from us or is the page's own.
        const tab = byUrl ?? (active && (active.url === undefined || active.url === url) ? active : undefined);
        if (tab?.id === undefined) return { error: `no tab with url ${url}` };
        if (badge) return { response: await chromeApi.action.getBadgeText({ tabId: tab.id }) };
        return { response: await chromeApi.tabs.sendMessage(tab.id, message, { frameId: 0 }) };
      } catch (error) {
        return { error: String((error as Error)?.message ?? error) };
      }
    },
    { url: page.url(), message, badge },
  );
}

/**
 * Asks the page's top-frame content script what it found (`mentions/get`, docs/contract.md), retrying while
 * the content script is not there yet (`askPageTab`).
 */
export async function getMentions(browser: ExtensionBrowser, page: Page, timeoutMs = CONTENT_SCRIPT_WAIT_MS): Promise<MentionsResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await askPageTab(browser, page, { type: 'mentions/get' });
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

/** Writes `settings` under the key the options page uses (`storage.sync`, `settings`). */
async function writeSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  await inWorker(
    browser,
    async (value) => {
      const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      await chromeApi.storage.sync.set({ settings: value });
    },
    settings,
  );
}

/** Switches Heat Notes on or off, stored in the first schema (read forward, as an old install's would be). */
export async function setSettings(browser: ExtensionBrowser, settings: { enabled: boolean }): Promise<void> {
  await writeSettings(browser, { version: 1, ...settings });
}

/** Stores settings as the options page does (the current schema): every field not given keeps its default. */
export async function storeSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  await writeSettings(browser, { version: 2, ...settings });
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
