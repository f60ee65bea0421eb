import { SliceClock, Superseded } from './time-slicer';

/**
 * The scanner's work, one job at a time, each cut into slices (`time-slicer.ts`). A job queued before
 * `supersede()` is dropped, at its start or at its next slice; `spentMs` sums the main-thread time of
 * the jobs that finished since `resetSpent()`.
 */
export class JobQueue {
  /** Bumped to drop every job queued or running. */
  #generation = 0;
  #tail: Promise<void> = Promise.resolve();
  #spentMs = 0;
  /** Whether jobs may run at all (switched on, the script alive). */
  readonly #wanted: () => boolean;

  constructor(wanted: () => boolean) {
    this.#wanted = wanted;
  }

  /** Main-thread time of the jobs finished since `resetSpent()`. */
  get spentMs(): number {
    return this.#spentMs;
  }

  /** Settles once every job queued so far has finished or been dropped. */
  get idle(): Promise<void> {
    return this.#tail;
  }

  /** Drops every job queued or running. */
  supersede(): void {
    this.#generation++;
  }

  resetSpent(): void {
    this.#spentMs = 0;
  }

  /**
   * Queues a job; `freshStart` starts `spentMs` from zero when the job starts (the page is read afresh
   * on purpose: switched on, or a navigation). A job that throws is reported, not rethrown: the next
   * one still runs.
   */
  enqueue(run: (clock: SliceClock) => Promise<void>, freshStart = false): Promise<void> {
    const generation = this.#generation;
    const isCurrent = () => generation === this.#generation && this.#wanted();
    const job = async () => {
      if (!isCurrent()) return;
      if (freshStart) this.#spentMs = 0;
      const clock = new SliceClock(isCurrent);
      clock.start();
      try {
        await run(clock);
        clock.finish();
        this.#spentMs += clock.spentMs;
      } catch (error) {
        if (!(error instanceof Superseded)) console.warn('Heat Notes: reading the page failed', error);
      }
    };
    this.#tail = this.#tail.then(job);
    return this.#tail;
  }
}
