import type { Timers } from '../core/timers';

/**
 * Tells the background which entities a page names, for the sightings history ("seen on N pages"):
 * once the page has been still for a moment, and again only when the counts change. The background
 * decides whether to remember anything (lib/browser/memory/sighting-policy.ts).
 */

/** A page that is still loading or changing reports once it has settled, not at every repaint. */
export const VISIT_SETTLE_MS = 2_000;

export interface VisitReporterOptions {
  readonly report: (counts: Record<string, number>) => Promise<unknown>;
  readonly timers: Timers;
}

export class VisitReporter {
  readonly #options: VisitReporterOptions;
  #timer: number | undefined;
  #reported = '';

  constructor(options: VisitReporterOptions) {
    this.#options = options;
  }

  /** The page's mentions now, by entity (one entry per mention). */
  mentionsChanged(entities: readonly string[]): void {
    const counts: Record<string, number> = {};
    for (const entity of entities) counts[entity] = (counts[entity] ?? 0) + 1;
    const key = JSON.stringify(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    this.stop();
    if (entities.length === 0 || key === this.#reported) return;
    this.#timer = this.#options.timers.set(() => {
      this.#timer = undefined;
      this.#reported = key;
      this.#options.report(counts).catch(() => {
        this.#reported = ''; // the background was away: the next change reports again
      });
    }, VISIT_SETTLE_MS);
  }

  /** Forgets a report not yet sent. */
  stop(): void {
    if (this.#timer !== undefined) this.#options.timers.clear(this.#timer);
    this.#timer = undefined;
  }
}
