/**
 * `npm run bench -- --trace`: one extra load of each page with a Chromium trace, to say what each long
 * task on the page's main thread was made of (parsing, style/layout/paint, script, garbage collection)
 * and which tasks ran the content script's slices.
 *
 * The content script yields with `scheduler.yield()`; Chromium marks every task that resumes such a
 * continuation with a `RunYieldContinuation` event, so those tasks are the scan's slices (the generated
 * pages never call `scheduler.yield` themselves; the control load shows none). See `TracedTask.slice`
 * for the other tasks counted as the content script's.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an `X` event, µs: less than `dur` when the thread was descheduled or blocked. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { isMainFrame?: boolean; isOutermostMainFrame?: boolean; url?: string; functionName?: string; frame?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink'];
/**
 * V8's own compile events (`V8.CompileCode`: a function compiled on its first call). Traced only for the
 * loads in fresh tabs (`startBrowserTrace`): every compile is then an event, which the long-task loads
 * should not pay.
 */
const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';

export interface TracedTask {
  /** ms after the trace's first event on the page's main thread */
  start: number;
  /** Wall time, ms: what the page (and a long-task observer) experiences. */
  duration: number;
  /**
   * Main-thread CPU time, ms: what the task's own work cost. On a loaded machine a task can sit
   * descheduled, or wait for parallel GC helper threads, for much of its wall time.
   */
  cpuMs: number;
  /** What most of the task was: `parse`, `render` (style, layout, paint), `script`, or `other`. */
  kind: 'parse' | 'render' | 'script' | 'other';
  /** Of which garbage collection (scavenges and mark-compact run inside the task). */
  gcMs: number;
  /**
   * It ran the content script: it resumed a `scheduler.yield()` continuation (a slice of the scan),
   * evaluated a `chrome-extension://` script, or ran any script after DOMContentLoaded (the generated
   * pages run none of their own then, so that is the content script starting a scan or answering a
   * message; the control load shows what else might, and finds nothing).
   */
  slice: boolean;
  /**
   * Of those, a task that answered a message (`mentions/get`, which sorts every mention into document
   * order) rather than a slice of the scan: it came in on an extension message port and resumed no yield.
   */
  answer: boolean;
  /** It started after DOMContentLoaded (parsing done; the content script runs from then on). */
  afterParse: boolean;
}

export interface TraceSummary {
  /** Tasks over 50 ms on the page's main thread. */
  longTasks: TracedTask[];
  /**
   * Tasks that ran the content script's scan (`TracedTask.slice`, answers to messages left out): how
   * many, the longest and how many over 50 ms, in wall time and in CPU time, and their sums.
   */
  slices: { count: number; longestMs: number; over50: number; longestCpuMs: number; over50Cpu: number; totalMs: number; totalCpuMs: number };
  /** The longest task that answered a message (`TracedTask.answer`), wall and CPU ms; 0 when none. */
  answer: { longestMs: number; longestCpuMs: number };
  /**
   * The content script's own evaluation, before any scan: compiling it and running every module's
   * top-level code and `main` (the task that evaluated `content-scripts/content.js`), wall and CPU ms,
   * and of that CPU, compiling. Undefined when the load ran no content script.
   */
  contentScript?: { wallMs: number; cpuMs: number; compileCpuMs: number };
  /** The same load's `stats.scanMs`, when the extension answered (set by the caller). */
  scanMs?: number;
  file?: string;
}

/** Starts tracing over `session`; the returned function stops it and collects the events. */
async function traceOver(session: CDPSession, categories: readonly string[] = CATEGORIES): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (message) => {
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: categories },
  } as never);
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    await session.detach().catch(() => {});
    return events;
  };
}

/** Starts a trace on `page`'s target; the returned function stops it and collects the events. */
export async function startTrace(context: BrowserContext, page: Page): Promise<() => Promise<TraceEvent[]>> {
  return traceOver(await context.newCDPSession(page));
}

/**
 * Only the tasks and the commit (`mainThreadCpu` needs no more): every category a trace records slows
 * the page it measures, V8's compile events most of all, and lazily compiled code far more than code
 * compiled at once, which skewed a comparison of the two (BENCHMARKS.md, ninth session).
 */
const TASK_CATEGORIES = ['toplevel', 'devtools.timeline'];

/**
 * Starts a trace of the whole browser (every process, a renderer not yet made included); the returned
 * function stops it and collects the events. For a fresh tab's first load, whose renderer does not
 * exist yet when the trace must start. `compile`: with V8's compile events; `tasks`: tasks only.
 */
export async function startBrowserTrace(context: BrowserContext, detail: 'compile' | 'tasks' = 'compile'): Promise<() => Promise<TraceEvent[]>> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to trace');
  return traceOver(await browser.newBrowserCDPSession(), detail === 'compile' ? [...CATEGORIES, COMPILE_CATEGORY] : TASK_CATEGORIES);
}

/** The `CommitLoad` of `url` in a main frame: where and when the page's renderer took it on. */
function mainFrameCommit(events: readonly TraceEvent[], url: string): TraceEvent | undefined {
  return events.find((event) => event.name === 'CommitLoad' && event.args?.data?.url === url && event.args.data.isMainFrame);
}

/** The `EvaluateScript` of the content script in the main frame that committed `url`, if it ran. */
function findEvaluation(events: readonly TraceEvent[], url: string): { evaluation: TraceEvent; inFrame: (event: TraceEvent) => boolean } | undefined {
  const commit = mainFrameCommit(events, url);
  if (!commit) return undefined;
  // On the page's main thread after its commit: a tab that first opened another page of the site ran
  // the script there too, in the same frame.
  const inFrame = (event: TraceEvent) =>
    event.ph === 'X' &&
    event.args?.data?.url?.startsWith('chrome-extension://') === true &&
    event.args.data.url.includes('/content-scripts/') &&
    event.pid === commit.pid &&
    event.tid === commit.tid &&
    event.ts >= commit.ts;
  const evaluation = events.find((event) => event.name === 'EvaluateScript' && inFrame(event) && event.args?.data?.frame === commit.args?.data?.frame);
  return evaluation && { evaluation, inFrame };
}

/** The content script's evaluation in the main frame that committed `url` (`TraceSummary.contentScript`). */
export function contentScriptEvaluation(events: readonly TraceEvent[], url: string): TraceSummary['contentScript'] {
  const found = findEvaluation(events, url);
  if (!found) return undefined;
  const { evaluation, inFrame } = found;
  const end = evaluation.ts + (evaluation.dur ?? 0);
  const compile = events.find((event) => event.name === 'v8.compile' && inFrame(event) && event.ts >= evaluation.ts && event.ts <= end);
  return {
    wallMs: (evaluation.dur ?? 0) / 1000,
    cpuMs: (evaluation.tdur ?? evaluation.dur ?? 0) / 1000,
    compileCpuMs: compile ? (compile.tdur ?? compile.dur ?? 0) / 1000 : 0,
  };
}

/**
 * CPU ms the page's main thread spent compiling functions on their first call (`V8.CompileCode`, the
 * outermost of those events) after the content script's evaluation, until the trace ended: in a
 * fresh tab, the scan's code, and the card script's where a page has names. The generated pages run
 * no script of their own. Undefined without the content script's evaluation or without V8's compile
 * events in the trace (`startBrowserTrace` records them).
 */
export function compiledOnFirstCall(events: readonly TraceEvent[], url: string): number | undefined {
  const found = findEvaluation(events, url);
  if (!found || !events.some((event) => event.cat === COMPILE_CATEGORY)) return undefined;
  const { evaluation } = found;
  const after = evaluation.ts + (evaluation.dur ?? 0);
  const compiles = events
    .filter((event) => event.name === 'V8.CompileCode' && event.ph === 'X' && event.pid === evaluation.pid && event.tid === evaluation.tid && event.ts >= after)
    .sort((a, b) => a.ts - b.ts);
  return outermostCpuMs(compiles);
}

/**
 * CPU ms of every task on the main thread of the renderer that committed `url` as a main frame, from
 * the commit until the trace ended (outermost tasks, each once): all the page's own work and, with the
 * extension, all of Heat Notes'. Undefined without that commit.
 */
export function mainThreadCpu(events: readonly TraceEvent[], url: string): number | undefined {
  const commit = mainFrameCommit(events, url);
  if (!commit) return undefined;
  const tasks = events
    .filter((event) => isTask(event) && event.pid === commit.pid && event.tid === commit.tid && event.ts >= commit.ts)
    .sort((a, b) => a.ts - b.ts);
  return outermostCpuMs(tasks);
}

/** CPU ms of the events of `sorted` (in time order, on one thread) that no earlier one encloses. */
function outermostCpuMs(sorted: readonly TraceEvent[]): number {
  return outermost(sorted).reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000;
}

/** The events of `sorted` (in time order, on one thread) that no earlier one of them encloses. */
function outermost(sorted: readonly TraceEvent[]): TraceEvent[] {
  const outer: TraceEvent[] = [];
  for (const event of sorted) {
    const last = outer[outer.length - 1];
    if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
    outer.push(event);
  }
  return outer;
}

const isTask = (event: TraceEvent) => event.ph === 'X' && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');

/**
 * Reads the page's main thread out of a trace: its long tasks, what they were, and the scan's slices.
 * The trace covers the whole browser; the page is the renderer that committed `url` as a main frame.
 */
export function summarizeTrace(events: readonly TraceEvent[], url: string, saveAs?: string): TraceSummary {
  const threadNames = new Map<string, string>();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name) threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
  }
  const commit = mainFrameCommit(events, url);
  const busiest = new Map<string, number>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (isTask(event) && threadNames.get(key) === 'CrRendererMain') busiest.set(key, (busiest.get(key) ?? 0) + (event.dur ?? 0));
  }
  const mainKey = commit ? `${commit.pid}:${commit.tid}` : [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0];
  const onThread = (event: TraceEvent) => `${event.pid}:${event.tid}` === mainKey;
  const load = events.find((event) => event.name === 'MarkLoad' && onThread(event) && event.args?.data?.isOutermostMainFrame !== false);
  const onMain = events
    .filter((event) => onThread(event) && (event.ph === 'X' || event.ph === 'I' || event.ph === 'i'))
    .sort((a, b) => a.ts - b.ts);
  const origin = onMain[0]?.ts ?? 0;
  const domContentLoaded = events.find(
    (event) => event.name === 'MarkDOMContent' && onThread(event) && event.args?.data?.isOutermostMainFrame !== false,
  );
  const parsedTs = domContentLoaded?.ts ?? load?.ts ?? Infinity;

  // Outermost tasks only (a RunTask may nest inside ThreadControllerImpl::RunTask).
  const tasks = outermost(onMain.filter(isTask));

  const summaries: Array<TracedTask & { durationUs: number }> = [];
  let cursor = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (cursor < onMain.length && onMain[cursor]!.ts < task.ts) cursor++;
    let parse = 0;
    let render = 0;
    let script = 0;
    let gc = 0;
    let slice = false;
    let resumed = false;
    let message = false;
    /** The bench's own long-task observer callback (`LONG_TASK_OBSERVER`) ran in this task. */
    let observer = false;
    for (let i = cursor; i < onMain.length && onMain[i]!.ts <= end; i++) {
      const child = onMain[i]!;
      const duration = child.dur ?? 0;
      switch (child.name) {
        case 'ParseHTML':
          parse += duration;
          break;
        case 'WebFrameWidgetImpl::UpdateLifecycle':
        case 'UpdateLayoutTree':
        case 'Layout':
          render = Math.max(render, duration);
          break;
        case 'EvaluateScript':
          if (child.args?.data?.url?.startsWith('chrome-extension://')) slice = true;
          script = Math.max(script, duration);
          break;
        case 'FunctionCall':
          if (child.args?.data?.functionName?.startsWith('PerformanceObserver')) observer = true;
          script = Math.max(script, duration);
          break;
        case 'RunMicrotasks':
        case 'v8.callFunction':
        case 'v8.run':
          script = Math.max(script, duration);
          break;
        case 'MinorGC':
        case 'MajorGC':
          gc += duration;
          break;
        case 'RunYieldContinuation':
          slice = true;
          resumed = true;
          break;
        case 'Receive mojo message':
          // `tabs.sendMessage` arrives on an extension message port (a storage reply, which starts
          // the first scan, comes on another interface).
          if (child.args?.chrome_mojo_event_info?.mojo_interface_tag?.includes('MessagePort')) message = true;
          break;
      }
    }
    const afterParse = task.ts >= parsedTs;
    if (afterParse && script >= 1000 && !observer) slice = true;
    const top = Math.max(parse, render, script);
    const kind = top === 0 ? 'other' : top === parse ? 'parse' : top === render ? 'render' : 'script';
    summaries.push({
      start: (task.ts - origin) / 1000,
      duration: (task.dur ?? 0) / 1000,
      cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
      durationUs: task.dur ?? 0,
      kind,
      gcMs: gc / 1000,
      slice,
      answer: slice && message && !resumed,
      afterParse,
    });
  }
  const contentScript = contentScriptEvaluation(events, url);
  const slices = summaries.filter((task) => task.slice && !task.answer);
  const answers = summaries.filter((task) => task.answer);
  let file: string | undefined;
  if (saveAs) {
    fs.writeFileSync(saveAs, zlib.gzipSync(JSON.stringify({ traceEvents: events })));
    file = saveAs;
  }
  return {
    longTasks: summaries.filter((task) => task.durationUs > 50_000).map(({ durationUs: _, ...task }) => task),
    slices: {
      count: slices.length,
      longestMs: Math.max(0, ...slices.map((task) => task.duration)),
      over50: slices.filter((task) => task.durationUs > 50_000).length,
      longestCpuMs: Math.max(0, ...slices.map((task) => task.cpuMs)),
      over50Cpu: slices.filter((task) => task.cpuMs > 50).length,
      totalMs: slices.reduce((sum, task) => sum + task.duration, 0),
      totalCpuMs: slices.reduce((sum, task) => sum + task.cpuMs, 0),
    },
    answer: {
      longestMs: Math.max(0, ...answers.map((task) => task.duration)),
      longestCpuMs: Math.max(0, ...answers.map((task) => task.cpuMs)),
    },
    ...(contentScript ? { contentScript } : {}),
    ...(file ? { file } : {}),
  };
}
