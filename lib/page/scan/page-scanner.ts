import type { MentionReport, MentionsResponse } from '../../core/messages';
import type { HighlightColor, HighlightStyle } from '../../core/settings';
import { isSkippedElement } from '../read/block-tags';
import { HighlightPainter } from '../mark/highlights';
import { mentionAtPoint, type MentionHit } from '../mark/hit-test';
import { JobQueue } from './job-queue';
import { MentionIndex, type PlacedMention } from '../mark/mention-index';
import { compareMentions, placeMentions } from '../mark/mention-placement';
import { blockOf, damageFrom, emptyDamage, insideAny, isEmpty, outermost, type Damage } from '../watch/page-damage';
import { PageRecord, type PlacedBlock } from './page-record';
import { HUGE_ELEMENTS, readRoot, type ReaderOptions } from './page-reader';
import { ReadSequence, type BlockKey } from '../read/read-block';
import { PageWatcher, type MutationBatch } from '../watch/page-watcher';
import { isShadowRoot } from '../read/shadow-roots';
import type { SliceClock } from './time-slicer';

/**
 * The page's mentions, kept current; the one object the content script drives. Its parts, in the
 * order data flows through them:
 *
 * - `page-reader.ts` reads the page into blocks (`page-text.ts`), only where names may be, into a
 *   `PageRecord` (`page-record.ts`), which feeds the detector;
 * - `mention-placement.ts` turns accepted mentions into ranges, in document order;
 * - `highlights.ts` paints them, and `mention-index.ts` finds them again under the pointer;
 * - `page-watcher.ts` batches the page's changes, and `page-damage.ts` says what they ask to read again;
 * - `job-queue.ts` runs all of this one job at a time, each cut into slices (`time-slicer.ts`): a full
 *   scan supersedes the jobs queued before it.
 */

export interface PageScannerOptions {
  readonly document: Document;
  /** Aborted when the content script ends. */
  readonly signal: AbortSignal;
  /** Runs a callback at the next animation frame (`ctx.requestAnimationFrame`). */
  readonly scheduleFrame: (callback: () => void) => void;
  /** Called after each repaint, with the mentions now painted. */
  readonly onRepaint?: (index: MentionIndex) => void;
  /**
   * Chooses, from the accepted mentions in document order, those to paint, index and report (category
   * filters, "Not this one" corrections, "first mention only"): a subsequence, in the same order. All
   * of them when absent. `reselect()` applies it again when what it depends on changed.
   */
  readonly select?: (ordered: readonly PlacedMention[]) => readonly PlacedMention[];
  /**
   * Read every block, instead of only those whose `textContent` may hold a name. The full walk the
   * equivalence tests compare the real scan with; never set in the extension.
   */
  readonly readEverything?: boolean;
  /**
   * Past this many elements a root is walked whole, untested (`HUGE_ELEMENTS`); the equivalence
   * tests set it low.
   */
  readonly hugeElements?: number;
}

/** How many mentions are indexed between checks of the time budget. */
const MENTIONS_PER_CHECK = 256;

/** How many times in a row a repair re-reads what the page disturbed while it was being read. */
const MAX_REPAIR_ROUNDS = 3;

export class PageScanner {
  readonly #document: Document;
  readonly #painter = new HighlightPainter();
  readonly #watcher: PageWatcher;
  #text = new PageRecord();
  /** The selected mentions, painted and in document order. */
  #index = new MentionIndex();
  /** Every accepted mention, in document order: what `select` chooses from. */
  #accepted: readonly PlacedMention[] = [];
  #shadowRootList: ShadowRoot[] = [];
  #active = false;
  /** The jobs (full scans, repairs, repaints): one at a time; a full scan supersedes those before it. */
  readonly #jobs = new JobQueue(() => this.#active && !this.#options.signal.aborted);
  /** A rescan that navigation asked for, due after the current task. */
  #pendingRescan: Promise<void> | undefined;
  #fullScanQueued = false;
  /** Whether the index and highlights show `text.placed` (false until a full scan has painted). */
  #painted = false;

  readonly #options: PageScannerOptions;
  readonly #reader: ReaderOptions;

  constructor(options: PageScannerOptions) {
    this.#options = options;
    this.#reader = {
      readEverything: options.readEverything,
      hugeElements: options.hugeElements ?? HUGE_ELEMENTS,
      watch: (shadowRoot) => this.#watcher.observe(shadowRoot),
    };
    this.#document = options.document;
    this.#watcher = new PageWatcher({
      schedule: options.scheduleFrame,
      onBatch: (batch) => void this.#enqueueBatch(batch),
    });
  }

  get isActive(): boolean {
    return this.#active;
  }

  /** The mentions now painted. */
  get mentions(): MentionIndex {
    return this.#index;
  }

  /** Starts reading and painting the page (switched on). */
  start(): void {
    if (this.#active) return;
    this.#active = true;
    this.rescan();
  }

  /** Stops, and takes every highlight away at once (switched off, or the script ended). */
  stop(): void {
    this.#active = false;
    this.#jobs.supersede();
    this.#fullScanQueued = false;
    this.#watcher.disconnect();
    this.#painter.clear();
    this.#text = new PageRecord();
    this.#painted = false;
    this.#shadowRootList = [];
    this.#index = new MentionIndex();
    this.#accepted = [];
    this.#jobs.resetSpent();
    this.#options.onRepaint?.(this.#index);
  }

  /** Reads the whole page afresh, dropping work queued for the page as it was (SPA navigation). */
  rescan(): void {
    if (!this.#active) return;
    this.#jobs.supersede();
    this.#fullScanQueued = false;
    void this.#enqueueFullScan(true);
  }

  /**
   * Rescans once the current task is over. On Back and Forward, the Navigation API's `navigate` event
   * (which WXT's `wxt:locationchange` follows) fires before `popstate`, where routers render the new
   * route: a rescan at once would read the old one, and a route rendered into a shadow root attached
   * then would never be seen (attaching a shadow root makes no mutation record).
   */
  rescanAfterTask(): void {
    if (!this.#active) return;
    this.#pendingRescan ??= new Promise<void>((resolve) => {
      setTimeout(() => {
        this.#pendingRescan = undefined;
        this.rescan();
        resolve();
      }, 0);
    });
  }

  /**
   * Resolves once the page as it is now has been read: the first full scan finished, a rescan asked
   * for by navigation done, and every change made to the page before this call processed
   * (`mentions/get`, docs/contract.md).
   */
  async settled(): Promise<void> {
    if (!this.#active) return;
    if (this.#pendingRescan) await this.#pendingRescan;
    const batch = this.#watcher.takeBatch();
    if (batch) void this.#enqueueBatch(batch);
    await this.#jobs.idle;
  }

  /**
   * Chooses the mentions to paint again (`select`, when what it depends on changed), from what was
   * decided already: nothing is read again.
   */
  reselect(): void {
    if (!this.#active) return;
    void this.#jobs.enqueue(async (clock) => {
      // Before the first paint there is nothing to choose from: that paint will apply `select`.
      if (this.#painted) await this.#paintSelected(clock);
    });
  }

  /** The painted mentions in document order. */
  ordered(): readonly PlacedMention[] {
    return this.#index.mentions;
  }

  /** The painted mentions in document order, as `mentions/get` reports them. */
  report(): MentionsResponse {
    const placed = this.ordered();
    const mentions: MentionReport[] = placed.map(({ mention }) => ({
      entity: mention.entity,
      text: mention.text,
      offset: mention.start,
    }));
    return {
      mentions,
      stats: {
        scanMs: Math.round(this.#jobs.spentMs * 100) / 100,
        textNodes: this.#text.textNodes,
        chars: this.#text.chars,
      },
    };
  }

  /** The mention under a viewport point. */
  hitTest(x: number, y: number): MentionHit | undefined {
    return mentionAtPoint(this.#index, this.#document, x, y, this.#shadowRootList);
  }

  /** The highlight style and colour (settings): the painted ranges change look at once. */
  paintAs(style: HighlightStyle, color: HighlightColor): void {
    this.#painter.setLook(style, color);
  }

  /**
   * Puts our highlights back if the page cleared the shared registry (`CSS.highlights.clear()` makes no
   * DOM change, so nothing else would notice). Cheap: two map lookups when all is well.
   */
  reassertHighlights(): void {
    if (this.#active) this.#painter.reassert();
  }

  /** Paints one mention as the active one (pointer on it, or its card open), or none. */
  setActive(range: AbstractRange | undefined): void {
    this.#painter.setActive(range);
  }

  // Jobs ---------------------------------------------------------------------------------------

  #enqueueFullScan(freshPage = false): Promise<void> {
    if (this.#fullScanQueued) return this.#jobs.idle;
    this.#fullScanQueued = true;
    return this.#jobs.enqueue(async (clock) => {
      this.#fullScanQueued = false;
      await this.#fullScan(clock);
    }, freshPage);
  }

  #enqueueBatch(batch: MutationBatch): Promise<void> {
    if (!this.#active) return this.#jobs.idle;
    // Too many changes at once: read the page again, after whatever is running (not instead of it,
    // or a page that never stops changing would never get its first scan finished).
    if (batch.kind === 'too-many') return this.#enqueueFullScan();
    const records = batch.records;
    return this.#jobs.enqueue(async (clock) => {
      const damage = damageFrom(records, this.#document, (node) => this.#blockOf(node));
      if (damage.everything) await this.#fullScan(clock);
      else await this.#repair(damage, clock);
    });
  }

  // Reading ------------------------------------------------------------------------------------

  async #fullScan(clock: SliceClock): Promise<void> {
    const document = this.#document;
    this.#watcher.disconnect();
    this.#watcher.observe(document);
    const text = new PageRecord();
    const damage = emptyDamage();
    const body = document.body;
    if (body && document.designMode !== 'on' && !isSkippedElement(body)) {
      await readRoot(text, body, { base: body, nested: true, sequence: new ReadSequence() }, damage, clock, this.#reader);
    }
    this.#text = text;
    this.#painted = false;
    this.#shadowRootList = [...text.shadowRoots];
    // Parts the page changed under the walk, read again now that it has passed.
    if (!isEmpty(damage)) await this.#repair(damage, clock, false);
    await this.#repaint(clock);
  }

  /** Reads again what `damage` names, then repaints (unless nothing we read was touched). */
  async #repair(damage: Damage, clock: SliceClock, repaint = true): Promise<void> {
    const text = this.#text;
    let changed = false;
    if (damage.removed) {
      for (const key of text.keys()) {
        if (key.isConnected) continue;
        text.deleteBlock(key);
        changed = true;
      }
      for (const shadowRoot of text.shadowRoots) if (!shadowRoot.isConnected) text.shadowRoots.delete(shadowRoot);
    }
    let pending: Damage = damage;
    // A re-read cut short because the page removed nodes under it is read again (a few times at most:
    // the records of those removals follow in the next batch anyway).
    for (let round = 0; round < MAX_REPAIR_ROUNDS && !isEmpty(pending); round++) {
      changed = true;
      for (const anchor of pending.disturbed) {
        pending.trees.push(anchor);
        const holder = anchor.parentNode && this.#blockOf(anchor.parentNode);
        if (holder) pending.blocks.add(holder);
      }
      const trees = outermost(pending.trees);
      const treeSet = new Set(trees);
      const next = emptyDamage();
      for (const key of pending.blocks) {
        if (key.isConnected && !insideAny(key, treeSet)) {
          await readRoot(text, key, { base: key, nested: false }, next, clock, this.#reader);
        }
      }
      for (const tree of trees) {
        if (!tree.isConnected || (!isShadowRoot(tree) && !this.#blockOf(tree))) continue;
        const base = isShadowRoot(tree) ? tree : null;
        await readRoot(text, tree, { base, nested: true }, next, clock, this.#reader);
      }
      pending = next;
    }
    this.#shadowRootList = [...text.shadowRoots];
    if (repaint && changed) await this.#repaint(clock);
  }

  /** Decides, builds the ranges of blocks whose mentions changed, paints. */
  async #repaint(clock: SliceClock): Promise<void> {
    const text = this.#text;
    const placed = new Map<BlockKey, PlacedBlock>();
    const accepted: PlacedMention[] = [];
    let same = true;
    for (const [key, mentions] of text.detector.decisions()) {
      const block = text.blocks.get(key);
      if (!block) continue;
      const signature = mentions.map((m) => `${m.entity}@${m.start}-${m.end}:${m.reason}`).join(' ');
      let entry = text.placed.get(key);
      if (!entry || entry.block !== block || entry.signature !== signature) {
        same = false;
        entry = { block, signature, mentions: placeMentions(key, block, mentions) };
      }
      placed.set(key, entry);
      for (const mention of entry.mentions) accepted.push(mention);
      if (clock.sliceIsOver) await clock.yield();
    }
    same &&= placed.size === text.placed.size;
    text.placed = placed;
    if (same && this.#painted) {
      // The same ranges as painted: only make sure the page did not take our highlights away.
      this.#painter.reassert();
      return;
    }
    this.#accepted = accepted.sort(compareMentions);
    await this.#paintSelected(clock);
  }

  /** Paints and indexes what `select` chooses from the accepted mentions. */
  async #paintSelected(clock: SliceClock): Promise<void> {
    const selected = this.#options.select?.(this.#accepted) ?? this.#accepted;
    const index = new MentionIndex();
    for (let i = 0; i < selected.length; i++) {
      index.add(selected[i]!);
      if (i % MENTIONS_PER_CHECK === 0 && clock.sliceIsOver) await clock.yield();
    }
    await clock.drain(this.#painter.painting(selected.map((mention) => mention.range)));
    // The new marks are painted: the index and those told of them follow in the same task.
    this.#painted = true;
    this.#index = index;
    this.#options.onRepaint?.(index);
  }

  // Changes ------------------------------------------------------------------------------------

  /** The read block whose text holds `node`, or null for text never read (`page-damage.ts`). */
  #blockOf(node: Node): BlockKey | null {
    return blockOf(node, this.#document.body, this.#text.shadowRoots);
  }
}
