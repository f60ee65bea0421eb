/**
 * The end-to-end tests' helpers. Driving Chromium with the built extension, the fixture server and the
 * page readers are shared with `npm start` and `npm run bench`, so they live in scripts/lib/ (scripts
 * never import from tests/) and are re-exported here; what only tests need is below: opening a
 * fixture and waiting for its scan, the painted highlights, expected mentions, the popup beside a
 * page, and the console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { MentionReport, MentionsResponse } from '../../lib/core/messages';
import { inWorker, getMentions, type ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { FixtureServer } from '../../scripts/lib/fixture-server';
import { FIXTURES_DIR } from '../../scripts/lib/paths';

export type { MentionReport, MentionsResponse };
export * from '../../scripts/lib/chromium';
export * from '../../scripts/lib/extension-browser';
export * from '../../scripts/lib/fixture-server';
export * from '../../scripts/lib/page-readers';
export * from '../../scripts/lib/paths';

/** The highlight name the content script registers its mentions under (CONTRACT: `heat-notes-*`). */
export const HIGHLIGHT_PREFIX = 'heat-notes';

/** The HTML of a fixture page exactly as the server sends it. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
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
