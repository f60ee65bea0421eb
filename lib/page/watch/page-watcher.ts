import { UI_TAG } from '../read/block-tags';

/**
 * One MutationObserver for the page: the document and every open shadow root we read (a shadow root's
 * mutations reach only an observer on that root: docs/platform-notes.md, "Pages that change"). Records
 * are collected and handed over once per animation frame as one batch; a batch past
 * `FULL_RESCAN_RECORDS` is handed over as "too many" so the caller reads the page afresh instead.
 */

/**
 * Past this many records in one batch, re-reading the page is cheaper than following each record
 * (Dark Reader's `createOptimizedTreeObserver` uses the same escape hatch, at 1,000 records).
 */
export const FULL_RESCAN_RECORDS = 1000;

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export type MutationBatch = { kind: 'records'; records: MutationRecord[] } | { kind: 'too-many' };

export interface PageWatcherOptions {
  /** Receives each batch (never an empty one). */
  onBatch(batch: MutationBatch): void;
  /** Schedules the hand-over (`ctx.requestAnimationFrame`, so it stops with the content script). */
  schedule(callback: () => void): void;
}

export class PageWatcher {
  readonly #observer: MutationObserver;
  #pending: MutationRecord[] = [];
  #overflowed = false;
  #scheduled = false;
  readonly #roots = new Set<Node>();

  readonly #options: PageWatcherOptions;

  constructor(options: PageWatcherOptions) {
    this.#options = options;
    this.#observer = new MutationObserver((records) => this.#collect(records));
  }

  /** Starts watching a document or a shadow root (again: no-op). */
  observe(root: Document | ShadowRoot): void {
    if (this.#roots.has(root)) return;
    this.#roots.add(root);
    this.#observer.observe(root, OPTIONS);
  }

  /** Stops watching everything and drops whatever was not handed over yet. */
  disconnect(): void {
    this.#observer.disconnect();
    this.#roots.clear();
    this.#pending = [];
    this.#overflowed = false;
  }

  /**
   * Everything recorded and not yet handed over, delivered or not, as one batch now (undefined when
   * there is nothing). For callers that must see the page as it is this instant (`mentions/get`).
   */
  takeBatch(): MutationBatch | undefined {
    this.#collect(this.#observer.takeRecords());
    return this.#drain();
  }

  #collect(records: MutationRecord[]): void {
    if (this.#overflowed) return;
    for (const record of records) {
      if (!isAboutOurUi(record)) this.#pending.push(record);
    }
    if (this.#pending.length > FULL_RESCAN_RECORDS) {
      // Keep no more: the page will be read afresh anyway (and a hidden tab, with no animation
      // frames, must not pile records up).
      this.#pending = [];
      this.#overflowed = true;
    }
    if ((this.#pending.length > 0 || this.#overflowed) && !this.#scheduled) {
      this.#scheduled = true;
      this.#options.schedule(() => {
        this.#scheduled = false;
        const batch = this.#drain();
        if (batch) this.#options.onBatch(batch);
      });
    }
  }

  #drain(): MutationBatch | undefined {
    if (this.#overflowed) {
      this.#overflowed = false;
      this.#pending = [];
      return { kind: 'too-many' };
    }
    if (this.#pending.length === 0) return undefined;
    const records = this.#pending;
    this.#pending = [];
    return { kind: 'records', records };
  }
}

/** Our `<heat-notes-ui>` being added, moved or removed: not a change to the page's text. */
function isAboutOurUi(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const isOurs = (node: Node) => node.nodeName.toLowerCase() === UI_TAG;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOurs);
}
