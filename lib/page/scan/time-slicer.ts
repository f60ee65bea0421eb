/**
 * Long work cut into slices, handing the main thread back to the page in between.
 *
 * 8 ms per slice: a frame at 60 Hz is 16.7 ms, so the page keeps half of it for its own work and
 * rendering, and a slice stays far below the 50 ms that counts as a long task (docs/platform-notes.md,
 * "Speed").
 */
export const SLICE_BUDGET_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/**
 * Lets the page run, then resumes: `scheduler.yield()` where present (it resumes ahead of other
 * tasks), else a MessageChannel message (unlike `setTimeout(0)`, not clamped to 4 ms when nested nor
 * throttled to 1 s in a background tab).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** Thrown out of a sliced job when it is no longer wanted (a newer scan started, or the script ended). */
export class Superseded extends Error {
  constructor() {
    super('superseded');
    this.name = 'Superseded';
  }
}

/**
 * Measures a job's main-thread time over its slices: `spentMs` counts only time between `start()` and
 * `finish()` spent outside `yieldToPage()`.
 */
export class SliceClock {
  spentMs = 0;
  #sliceStart = 0;

  readonly #isCurrent: () => boolean;

  constructor(isCurrent: () => boolean) {
    this.#isCurrent = isCurrent;
  }

  start(): void {
    this.#sliceStart = performance.now();
  }

  finish(): void {
    this.spentMs += performance.now() - this.#sliceStart;
  }

  get sliceIsOver(): boolean {
    return performance.now() - this.#sliceStart >= SLICE_BUDGET_MS;
  }

  /**
   * Hands the main thread to the page and starts a new slice; throws `Superseded` if the job was
   * dropped meanwhile. Call when `sliceIsOver` (checked first, so the common case costs no await).
   */
  async yield(): Promise<void> {
    this.finish();
    await yieldToPage();
    this.start();
    if (!this.#isCurrent()) throw new Superseded();
  }

  /** Runs `steps` to their end, handing the page the main thread between two steps once a slice is spent. */
  async drain(steps: Iterator<unknown>): Promise<void> {
    while (!steps.next().done) {
      if (this.sliceIsOver) await this.yield();
    }
  }
}
