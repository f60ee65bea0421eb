import { describe, expect, it } from 'vitest';
import { compiledOnFirstCall, contentScriptEvaluation, mainThreadCpu } from '../../scripts/lib/bench/trace';

/**
 * The bench's reading of a Chromium trace: what a fresh tab spent evaluating the content script,
 * compiling functions on their first call, and on its main thread in all. Traces here are made by
 * hand, in Chromium's shape.
 */

type Events = Parameters<typeof compiledOnFirstCall>[0];
type Event = Events[number];

const PAGE = 'http://127.0.0.1:4000/article.html';
const SCRIPT = 'chrome-extension://abc/content-scripts/content.js';
const MAIN = { pid: 10, tid: 1 };
const OTHER_THREAD = { pid: 10, tid: 7 };
const COMPILE = 'disabled-by-default-v8.compile';

const commit: Event = { name: 'CommitLoad', cat: 'devtools.timeline', ph: 'X', ts: 1_000, dur: 10, ...MAIN, args: { data: { url: PAGE, isMainFrame: true, frame: 'F1' } } };
// The content script's evaluation: 2,000–4,000 µs, 1.5 ms of CPU.
const evaluation: Event = { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'X', ts: 2_000, dur: 2_000, tdur: 1_500, ...MAIN, args: { data: { url: SCRIPT, frame: 'F1' } } };
const scriptCompile: Event = { name: 'v8.compile', cat: 'v8,devtools.timeline', ph: 'X', ts: 2_010, dur: 800, tdur: 600, ...MAIN, args: { data: { url: SCRIPT } } };
const compileCode = (ts: number, dur: number, tdur: number, thread = MAIN): Event => ({ name: 'V8.CompileCode', cat: COMPILE, ph: 'X', ts, dur, tdur, ...thread });

describe('the bench reads a fresh tab’s trace', () => {
  it('counts compiling on first call after the script’s evaluation, on the page’s main thread, nested events once', () => {
    const events: Events = [
      commit,
      evaluation,
      scriptCompile,
      compileCode(2_100, 300, 250), // during the evaluation: part of it, not of the scan
      compileCode(5_000, 1_000, 800),
      compileCode(5_200, 200, 150), // inside the one before
      compileCode(7_000, 500, 400),
      compileCode(8_000, 900, 900, OTHER_THREAD), // a worker's
    ];
    expect(compiledOnFirstCall(events, PAGE)).toBeCloseTo(1.2);
    expect(contentScriptEvaluation(events, PAGE)).toEqual({ wallMs: 2, cpuMs: 1.5, compileCpuMs: 0.6 });
  });

  it('says nothing where the trace has no compile events, or the script never ran in that page', () => {
    expect(compiledOnFirstCall([commit, evaluation, scriptCompile], PAGE)).toBeUndefined();
    expect(compiledOnFirstCall([commit, compileCode(5_000, 1_000, 800)], PAGE)).toBeUndefined();
    expect(compiledOnFirstCall([commit, evaluation, compileCode(5_000, 1_000, 800)], 'http://127.0.0.1:4000/other.html')).toBeUndefined();
  });

  it('counts the main thread’s tasks from the page’s commit on, each once, on that thread only', () => {
    const task = (ts: number, dur: number, tdur: number, thread = MAIN, name = 'ThreadControllerImpl::RunTask'): Event => ({ name, cat: 'toplevel', ph: 'X', ts, dur, tdur, ...thread });
    const events: Events = [
      task(500, 400, 300), // before the commit: the previous page's
      commit,
      task(1_100, 2_000, 1_500),
      task(1_200, 500, 400, MAIN, 'RunTask'), // inside the one before
      task(4_000, 1_000, 700),
      task(4_500, 9_000, 9_000, OTHER_THREAD),
      evaluation, // not a task: inside one
    ];
    expect(mainThreadCpu(events, PAGE)).toBeCloseTo(2.2);
    expect(mainThreadCpu(events, 'http://127.0.0.1:4000/other.html')).toBeUndefined();
  });
});
