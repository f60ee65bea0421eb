/**
 * Measurement helpers for `npm run bench`: a server for generated pages, a Chromium without the
 * extension, and one function per measurement. Every measurement opens the page afresh (new tab, full
 * load) and closes it afterwards, so no run sees another run's DOM, caches or highlights.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromePath } from '../chromium';
import type { MentionsResponse } from '../../../lib/core/messages';
import { getMentions, type ExtensionBrowser } from '../extension-browser';
import { CUSTOM_ELEMENTS } from '../../../lib/page/read/shadow-roots';
import { listenOnLoopback, type FixtureServer } from '../fixture-server';
import { NEUTRAL_POINT, restPointerOn, waitForCard } from '../page-readers';
import { compiledOnFirstCall, contentScriptEvaluation, mainThreadCpu, startBrowserTrace, startTrace, summarizeTrace, type TraceSummary } from './trace';

const VIEWPORT = { width: 1280, height: 800 };

// ---------------------------------------------------------------------------------------------------
// Server

/** Serves in-memory pages (`name` → HTML) on 127.0.0.1 at a free port. */
export async function startPageServer(pages: ReadonlyMap<string, string>): Promise<FixtureServer> {
  const bodies = new Map([...pages].map(([name, html]) => [`/${name}`, Buffer.from(html, 'utf8')]));
  const server = http.createServer((request, response) => {
    const body = bodies.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    response.end(body);
  });
  return listenOnLoopback(server);
}

// ---------------------------------------------------------------------------------------------------
// Browsers

/** Chromium with no extension at all: the control for every baseline. */
export async function launchPlain(): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: chromePath(),
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A new tab loading `url`. `beforeGoto` runs on the new tab first (after it has been to `warmUrl`, when
 * given: a trace must start in the renderer process that will load the page).
 */
async function freshPage(
  context: BrowserContext,
  url: string,
  options: { initScript?: string; warmUrl?: string; beforeGoto?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  if (options.warmUrl) await page.goto(options.warmUrl, { waitUntil: 'load' });
  await options.beforeGoto?.(page);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  return page;
}

// ---------------------------------------------------------------------------------------------------
// Measurements. The functions passed to `page.evaluate` declare no named inner functions: tsx
// compiles with `keepNames`, whose `__name` helper does not exist in the page.

export interface WalkResult {
  ms: number;
  textNodes: number;
  chars: number;
}

/** The floor: one TreeWalker pass over the body's text nodes, reading each one's length. */
export async function measureWalk(context: BrowserContext, url: string): Promise<WalkResult> {
  const page = await freshPage(context, url);
  try {
    return await page.evaluate(() => {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let textNodes = 0;
      let chars = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        textNodes++;
        chars += (node as Text).data.length;
      }
      return { ms: performance.now() - started, textNodes, chars };
    });
  } finally {
    await page.close();
  }
}

/**
 * The native floor of a page without names: one `textContent` read of the body and one test of the
 * extension's own "maybe" expression on it, in the page's main world. Nothing a scan could do costs less;
 * a content script's world pays more on its first touches (`leastScanScript`).
 */
export async function measureNativeFloor(context: BrowserContext, url: string, maybeSource: string): Promise<{ ms: number }> {
  const page = await freshPage(context, url);
  try {
    return await page.evaluate((source) => {
      const started = performance.now();
      const maybe = new RegExp(source).test(document.body.textContent ?? '');
      return { ms: performance.now() - started, maybe };
    }, maybeSource);
  } finally {
    await page.close();
  }
}

/** What the least scan's content script logs, followed by its milliseconds. */
const LEAST_SCAN_LOG = 'heat-notes-bench least scan:';

/**
 * The content script of the least scan: what no scan of a page can leave out, and nothing else, timed
 * in the script's own world. It listens for messages first, untimed, as Heat Notes listens before it
 * scans (the world's first touch of the extension's API is start-up, not scan). Then: the world's
 * first read of the page (`document.body`), watching the page for changes, one `textContent` read and
 * one test of the "maybe" expression, and the query for custom elements, whose shadow roots
 * `textContent` leaves out. On a page without names that is a whole scan, less all of Heat Notes' own
 * code: its functions compiled on their first call, its bookkeeping, its slices.
 */
export function leastScanScript(maybeSource: string): string {
  return `(() => {
  chrome.runtime.onMessage.addListener(() => undefined);
  const started = performance.now();
  const body = document.body;
  new MutationObserver(() => undefined).observe(document, { childList: true, subtree: true, characterData: true });
  new RegExp(${JSON.stringify(maybeSource)}).test(body.textContent ?? '');
  document.evaluate(${JSON.stringify(CUSTOM_ELEMENTS)}, body, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null).snapshotLength;
  console.log(${JSON.stringify(LEAST_SCAN_LOG)} + (performance.now() - started));
})();`;
}

/** A fresh load in a browser whose content script is `leastScanScript`: what it logged, in ms. */
export async function measureLeastScan(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    // Awaited together: a load that fails must not leave the wait for the log rejecting unhandled.
    const [logged] = await Promise.all([
      page.waitForEvent('console', { predicate: (message) => message.text().startsWith(LEAST_SCAN_LOG), timeout: 60_000 }),
      page.goto(url, { waitUntil: 'load', timeout: 180_000 }),
    ]);
    return Number(logged.text().slice(LEAST_SCAN_LOG.length));
  } finally {
    await page.close();
  }
}

export interface MarkResult {
  ms: number;
  marks: number;
}

/** mark.js `markRegExp` with one alternation of every surface form, timed until its `done` callback. */
export async function measureMark(context: BrowserContext, url: string, markSource: string, regexSource: string): Promise<MarkResult> {
  const page = await freshPage(context, url);
  try {
    await page.addScriptTag({ content: markSource });
    // A string, not a function: an object-literal callback would get a `__name` wrapper from tsx.
    const result: unknown = await page.evaluate(`new Promise((resolve, reject) => {
      if (typeof Mark !== 'function') return reject(new Error('mark.js did not load'));
      const regex = new RegExp(${JSON.stringify(regexSource)}, 'gi');
      const started = performance.now();
      new Mark(document.body).markRegExp(regex, {
        done: (marks) => resolve({ ms: performance.now() - started, marks }),
      });
    })`);
    return result as MarkResult;
  } finally {
    await page.close();
  }
}

export interface HeatNotesResult {
  scanMs: number;
  mentions: number;
  textNodes: number;
  chars: number;
  /** Every field of `stats`, in case the content script reports more than the contract's three. */
  stats: Record<string, unknown>;
  /** From navigation start until `mentions/get` answered. */
  answeredAfterMs: number;
}

/** An answer's `stats`, which must hold a numeric `scanMs`: a bench of a script that says none would be empty. */
function statsOf(answer: MentionsResponse): Record<string, unknown> & { scanMs: number } {
  const stats = (answer.stats ?? {}) as unknown as Record<string, unknown>;
  if (typeof stats.scanMs !== 'number') {
    throw new Error(`mentions/get answered without a numeric stats.scanMs: stats = ${JSON.stringify(answer.stats)}`);
  }
  return stats as Record<string, unknown> & { scanMs: number };
}

/**
 * A fresh load with the extension, left open; `mentions/get` answers once the first full scan is done.
 * `timeoutMs` bounds the wait for the content script to answer at all.
 */
export async function loadWithHeatNotes(
  browser: ExtensionBrowser,
  url: string,
  options: { initScript?: string; timeoutMs?: number; warmUrl?: string; beforeGoto?: (page: Page) => Promise<void> } = {},
): Promise<{ result: HeatNotesResult; page: Page }> {
  await closeOtherPages(browser.context);
  let started = Date.now();
  const page = await freshPage(browser.context, url, {
    ...options,
    beforeGoto: async (tab) => {
      await options.beforeGoto?.(tab);
      started = Date.now();
    },
  });
  try {
    const answer = await getMentions(browser, page, options.timeoutMs ?? 120_000);
    const answeredAfterMs = Date.now() - started;
    const stats = statsOf(answer);
    return {
      page,
      result: {
        scanMs: stats.scanMs,
        mentions: answer.mentions.length,
        textNodes: typeof stats.textNodes === 'number' ? stats.textNodes : NaN,
        chars: typeof stats.chars === 'number' ? stats.chars : NaN,
        stats,
        answeredAfterMs,
      },
    };
  } catch (error) {
    await page.close();
    throw error;
  }
}

/** `loadWithHeatNotes`, page closed afterwards. */
export async function measureHeatNotes(browser: ExtensionBrowser, url: string, timeoutMs?: number): Promise<HeatNotesResult> {
  const { page, result } = await loadWithHeatNotes(browser, url, { timeoutMs });
  await page.close();
  return result;
}

export interface FirstCardResult {
  /** From the pointer coming to rest on a name until its card shows: the page's first card… */
  firstMs: number;
  /** …and the same name's card again, the card's script and the facts already loaded. */
  laterMs: number;
}

/**
 * How much the page's first card waits for the card's own script (`card-ui.js`, loaded on the first
 * card): a fresh load, then the first full name's card, closed, then the same card again.
 */
export async function measureFirstCard(browser: ExtensionBrowser, url: string): Promise<FirstCardResult> {
  const { page } = await loadWithHeatNotes(browser, url);
  try {
    const named = (await getMentions(browser, page)).mentions.find((mention) => mention.text.includes(' '));
    if (!named) throw new Error('no full name on the page to open a card for');
    const open = async (): Promise<number> => {
      await restPointerOn(page, named.text);
      const { ok, elapsedMs } = await waitForCard(page, (card) => card?.entity === named.entity, 5_000);
      if (!ok) throw new Error(`no card for ${named.entity} within 5 s`);
      await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
      await waitForCard(page, (card) => card === null, 5_000);
      return elapsedMs;
    };
    const firstMs = await open();
    return { firstMs, laterMs: await open() };
  } finally {
    await page.close();
  }
}

/**
 * `getMentions` asks the active tab of the last focused window when the extension cannot see tab URLs
 * (it has no `tabs` permission): keep exactly one page open so that tab is ours.
 */
async function closeOtherPages(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) await page.close();
}

// ---------------------------------------------------------------------------------------------------
// Long tasks

/** Registered before any page script: every long task of the page's main thread, buffered from the start. */
export const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({
          start: entry.startTime,
          duration: entry.duration,
          attribution: (entry.attribution || []).map((a) => [a.containerType, a.containerName, a.containerSrc].filter(Boolean).join(' ')),
        });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    Object.defineProperty(window, '__benchLongTasksError', { value: String(error) });
  }
})();`;

export interface LongTask {
  start: number;
  duration: number;
  attribution: string[];
}

export interface LongTaskResult {
  tasks: LongTask[];
  /** Tasks over 50 ms (the API reports nothing shorter). */
  count: number;
  longestMs: number;
  /** Only the tasks that started after DOMContentLoaded, when parsing is over and a content script may run. */
  afterParse: { count: number; longestMs: number };
  domContentLoadedMs: number;
  loadMs: number;
  /** The renderer's JS heap (all worlds: the page's and the content script's) after a full GC, in bytes. */
  heapUsedBytes: number;
  error?: string;
}

/** JS heap in use after a forced full garbage collection (CDP; the isolate holds every world's heap). */
async function heapUsedAfterGc(page: Page): Promise<number> {
  try {
    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return usedSize;
  } catch {
    return NaN;
  }
}

async function readLongTasks(page: Page): Promise<LongTaskResult> {
  const raw = await page.evaluate(() => {
    const w = window as unknown as { __benchLongTasks?: LongTask[]; __benchLongTasksError?: string };
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      tasks: w.__benchLongTasks ? [...w.__benchLongTasks] : [],
      error: w.__benchLongTasksError ?? (w.__benchLongTasks ? undefined : 'observer missing'),
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? NaN,
      loadMs: navigation?.loadEventEnd ?? NaN,
    };
  });
  const after = raw.tasks.filter((task) => task.start >= raw.domContentLoadedMs);
  return {
    tasks: raw.tasks,
    count: raw.tasks.length,
    longestMs: Math.max(0, ...raw.tasks.map((task) => task.duration)),
    afterParse: { count: after.length, longestMs: Math.max(0, ...after.map((task) => task.duration)) },
    domContentLoadedMs: raw.domContentLoadedMs,
    loadMs: raw.loadMs,
    heapUsedBytes: await heapUsedAfterGc(page),
    ...(raw.error ? { error: raw.error } : {}),
  };
}

export interface LongTaskLoadOptions {
  /** How long to wait (after the load event, or after `mentions/get` answered) before reading. */
  settleMs: number;
  /** Also trace the load (`trace.ts`): the tab first opens `warmUrl` so the trace starts in the page's renderer. */
  trace?: { warmUrl: string; saveAs?: string };
}

export interface LongTaskLoad {
  longTasks: LongTaskResult;
  trace?: TraceSummary;
}

type StopTrace = () => Promise<Parameters<typeof summarizeTrace>[0]>;

/** Control: a fresh load without the extension; long tasks read `settleMs` after the load event. */
export async function longTasksWithout(context: BrowserContext, url: string, options: LongTaskLoadOptions): Promise<LongTaskLoad> {
  let stop: StopTrace | undefined;
  const page = await freshPage(context, url, {
    initScript: LONG_TASK_OBSERVER,
    ...(options.trace
      ? { warmUrl: options.trace.warmUrl, beforeGoto: async (tab: Page) => void (stop = await startTrace(context, tab)) }
      : {}),
  });
  try {
    // As `getMentions` does on the extension's side (a focus change can force the first layout).
    await page.bringToFront();
    await page.waitForTimeout(options.settleMs);
    const trace = stop ? summarizeTrace(await stop(), url, options.trace?.saveAs) : undefined;
    return { longTasks: await readLongTasks(page), ...(trace ? { trace } : {}) };
  } finally {
    await page.close();
  }
}

/** A fresh load with the extension; long tasks read `settleMs` after `mentions/get` answered. */
export async function longTasksWith(
  browser: ExtensionBrowser,
  url: string,
  options: LongTaskLoadOptions,
): Promise<LongTaskLoad & { heatNotes: HeatNotesResult }> {
  let stop: StopTrace | undefined;
  const { page, result } = await loadWithHeatNotes(browser, url, {
    initScript: LONG_TASK_OBSERVER,
    ...(options.trace
      ? { warmUrl: options.trace.warmUrl, beforeGoto: async (tab: Page) => void (stop = await startTrace(browser.context, tab)) }
      : {}),
  });
  try {
    await page.waitForTimeout(options.settleMs);
    const trace = stop ? summarizeTrace(await stop(), url, options.trace?.saveAs) : undefined;
    return { longTasks: await readLongTasks(page), heatNotes: result, ...(trace ? { trace } : {}) };
  } finally {
    await page.close();
  }
}

/** A fresh load in a new tab, traced: see `measureColdLoad`. */
export interface ColdLoad {
  /** The content script's evaluation: compiling it, every module's set-up, `main()`. */
  evaluation: TraceSummary['contentScript'];
  /** After that, CPU ms spent compiling functions on their first call (`compiledOnFirstCall`). */
  compiledOnFirstCallMs: number | undefined;
  /** The load's `stats.scanMs`. */
  scanMs: number;
}

/**
 * A fresh load in a new tab, whose renderer has never run the content script: what a page on a site
 * not visited yet pays, its evaluation before any scan and the compiling of the scan's code. Traced
 * across the whole browser, as the renderer does not exist when the trace starts.
 */
export async function measureColdLoad(browser: ExtensionBrowser, url: string): Promise<ColdLoad> {
  await closeOtherPages(browser.context);
  const stop = await startBrowserTrace(browser.context);
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const answer = await getMentions(browser, page);
    const events = await stop();
    return { evaluation: contentScriptEvaluation(events, url), compiledOnFirstCallMs: compiledOnFirstCall(events, url), scanMs: statsOf(answer).scanMs };
  } finally {
    await page.close();
  }
}

/** How long after its load event a fresh tab's main thread is counted (`measureMainThread`). */
export const MAIN_THREAD_SETTLE_MS = 1_000;

/**
 * CPU ms of a fresh load's main thread: a new tab, traced (tasks only) from before the navigation
 * until `MAIN_THREAD_SETTLE_MS` after the load event, counted from the commit: everything the page's
 * renderer ran for it.
 * With `extension`, Heat Notes' work is in it, unasked: `mentions/get` is sent after the trace, and
 * the load fails if the marks were not painted within about that window (the script starts near the
 * load event). Without, the same page pays only for itself. The difference is what Heat Notes costs a
 * page, compiling and start-up included, which `scanMs` leaves out.
 */
export async function measureMainThread(context: BrowserContext, url: string, extension?: ExtensionBrowser): Promise<number> {
  await closeOtherPages(context);
  const stop = await startBrowserTrace(context, 'tasks');
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(MAIN_THREAD_SETTLE_MS);
    const cpuMs = mainThreadCpu(await stop(), url);
    if (cpuMs === undefined) throw new Error(`the trace holds no commit of ${url}`);
    if (extension) {
      const { markedAfterMs } = statsOf(await getMentions(extension, page));
      if (typeof markedAfterMs !== 'number' || markedAfterMs > MAIN_THREAD_SETTLE_MS) {
        throw new Error(`the marks were not painted within the traced window (markedAfterMs ${String(markedAfterMs)})`);
      }
    }
    return cpuMs;
  } finally {
    await page.close();
  }
}

/**
 * `stats.scanMs` of a page loaded twice in one new tab: the first load's, and the second's, whose
 * renderer has run the content script already and keeps its code compiled. What the scan costs beyond
 * compiling that code.
 */
export async function measureLoadedAgain(browser: ExtensionBrowser, url: string): Promise<{ firstMs: number; againMs: number }> {
  const { page, result } = await loadWithHeatNotes(browser, url);
  try {
    await page.goto(`${url}?again`, { waitUntil: 'load' });
    const again = await getMentions(browser, page);
    return { firstMs: result.scanMs, againMs: statsOf(again).scanMs };
  } finally {
    await page.close();
  }
}

/**
 * Calibration: does the page's long-task observer see a content script's long task? A throwaway
 * extension whose content script busies the main thread for `busyMs` once, 300 ms after it starts.
 */
export async function probeObserverSeesContentScripts(url: string, busyMs = 120): Promise<{ seen: boolean; durations: number[] }> {
  const probe = await launchWithContentScript(`setTimeout(() => { const t = performance.now(); while (performance.now() - t < ${busyMs}) {} }, 300);`);
  try {
    const page = await freshPage(probe.context, url, { initScript: LONG_TASK_OBSERVER });
    await page.waitForTimeout(300 + busyMs + 700);
    const { tasks } = await readLongTasks(page);
    const durations = tasks.map((task) => task.duration);
    return { seen: durations.some((duration) => duration >= busyMs - 5), durations };
  } finally {
    await probe.close();
  }
}

/**
 * Chromium with a throwaway extension whose one content script, run on every page at
 * `document_idle` as Heat Notes' is, is `script`; `close()` also deletes the extension.
 */
export async function launchWithContentScript(script: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heat-notes-bench-script-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bench content script',
      version: '1',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  fs.writeFileSync(path.join(dir, 'content.js'), script);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromePath(),
    headless: true,
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
