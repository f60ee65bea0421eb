import { PageDetector, type Mention } from '../detection';
import { countMaybeNames } from '../detection/lexicon';
import type { MentionReport, MentionsResponse } from '../messages';
import { BLOCK_TAGS, isSkippedElement } from './block-tags';
import { compareComposedOrder } from './document-order';
import type { HighlightColor, HighlightStyle } from '../settings';
import { HighlightPainter } from './highlights';
import { mentionAtPoint, type MentionHit } from './hit-test';
import { MentionIndex, type PlacedMention } from './mention-index';
import { rangeInBlock } from './mention-ranges';
import {
  currentBlockNodes,
  orderAt,
  readBlocks,
  ReadSequence,
  type BlockKey,
  type BlockText,
  type ReadOptions,
} from './page-text';
import { PageWatcher, type MutationBatch } from './page-watcher';
import { isShadowRoot, shadowRootsToRead } from './shadow-roots';
import { SliceClock, Superseded } from './time-slicer';

/**
 * The page's mentions, kept current: reads the page into blocks (`page-text.ts`), hands them to the
 * detector, turns accepted mentions into ranges and paints them, and follows the page's changes
 * (`page-watcher.ts`). All work runs as jobs on one queue, one at a time, each cut into slices
 * (`time-slicer.ts`); a full scan supersedes the jobs queued before it.
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

/**
 * About a 4 MB page of ordinary markup: past it, reading its text natively takes one call of 30 ms
 * or more, which cannot be sliced.
 */
export const HUGE_ELEMENTS = 100_000;

interface PlacedBlock {
  readonly block: BlockText;
  /** The block's accepted mentions, as a string: unchanged block and signature, ranges reused. */
  readonly signature: string;
  readonly mentions: PlacedMention[];
}

/** Everything known about the page's text; a full scan builds a new one and swaps it in when done. */
class PageText {
  readonly detector = new PageDetector<BlockKey>();
  readonly blocks = new Map<BlockKey, BlockText>();
  readonly shadowRoots = new Set<ShadowRoot>();
  placed = new Map<BlockKey, PlacedBlock>();
  textNodes = 0;
  chars = 0;

  setBlock(block: BlockText): void {
    this.#forgetCounts(block.key);
    this.textNodes += block.nodeCount;
    this.chars += block.text.length;
    if (/\S/.test(block.text)) this.detector.set(block.key, { text: block.text, emphasis: block.emphasis, gaps: block.gaps });
    else this.detector.delete(block.key);
    // Only a block with a candidate can ever need ranges: the others let their nodes go at once,
    // while they are young garbage (kept, they filled the heap of a 10 MB page and its major GCs).
    this.blocks.set(block.key, this.detector.holdsCandidates(block.key) ? block : { ...block, nodes: undefined });
  }

  deleteBlock(key: BlockKey): void {
    this.#forgetCounts(key);
    this.blocks.delete(key);
    this.detector.delete(key);
  }

  #forgetCounts(key: BlockKey): void {
    const old = this.blocks.get(key);
    if (!old) return;
    this.textNodes -= old.nodeCount;
    this.chars -= old.text.length;
  }
}

/** What a batch of changes asks to read again. */
interface Damage {
  /** Blocks whose own text may have changed. */
  readonly blocks: Set<BlockKey>;
  /** Subtrees (added) whose blocks are all to be read. */
  readonly trees: Node[];
  /**
   * Subtrees a walk was cut off in (the page removed nodes under it): their blocks are all to be read,
   * and the block that holds them too.
   */
  readonly disturbed: Node[];
  /** Something was removed: blocks no longer in the page are to be forgotten. */
  removed: boolean;
  /** Read the whole page again instead. */
  everything: boolean;
}

/** What `#read` is told about a root. */
type RootOptions = Pick<ReadOptions, 'base' | 'nested' | 'sequence'>;

/** How many mentions are indexed between checks of the time budget. */
const MENTIONS_PER_CHECK = 256;

/** How many times in a row a repair re-reads what the page disturbed while it was being read. */
const MAX_REPAIR_ROUNDS = 3;

const emptyDamage = (): Damage => ({ blocks: new Set(), trees: [], disturbed: [], removed: false, everything: false });

export class PageScanner {
  readonly #document: Document;
  readonly #painter = new HighlightPainter();
  readonly #watcher: PageWatcher;
  #text = new PageText();
  /** The selected mentions, painted and in document order. */
  #index = new MentionIndex();
  /** Every accepted mention, in document order: what `select` chooses from. */
  #accepted: readonly PlacedMention[] = [];
  #shadowRootList: ShadowRoot[] = [];
  #active = false;
  /** Bumped to drop every job queued or running (a new full scan, or switching off). */
  #generation = 0;
  /** A rescan that navigation asked for, due after the current task. */
  #pendingRescan: Promise<void> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #fullScanQueued = false;
  #scanMs = 0;
  /** Whether the index and highlights show `text.placed` (false until a full scan has painted). */
  #painted = false;

  readonly #options: PageScannerOptions;
  readonly #hugeElements: number;

  constructor(options: PageScannerOptions) {
    this.#options = options;
    this.#hugeElements = options.hugeElements ?? HUGE_ELEMENTS;
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
    this.#generation++;
    this.#fullScanQueued = false;
    this.#watcher.disconnect();
    this.#painter.clear();
    this.#text = new PageText();
    this.#painted = false;
    this.#shadowRootList = [];
    this.#index = new MentionIndex();
    this.#accepted = [];
    this.#scanMs = 0;
    this.#options.onRepaint?.(this.#index);
  }

  /** Reads the whole page afresh, dropping work queued for the page as it was (SPA navigation). */
  rescan(): void {
    if (!this.#active) return;
    this.#generation++;
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
    await this.#queue;
  }

  /**
   * Chooses the mentions to paint again (`select`, when what it depends on changed), from what was
   * decided already: nothing is read again.
   */
  reselect(): void {
    if (!this.#active) return;
    void this.#enqueue(async (clock) => {
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
        scanMs: Math.round(this.#scanMs * 100) / 100,
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

  /**
   * Queues a job. `scanMs` sums the main-thread time of every job finished since the page was last
   * read afresh on purpose (`freshPage`: switched on, or a navigation), rescans for floods included.
   */
  #enqueue(run: (clock: SliceClock) => Promise<void>, freshPage = false): Promise<void> {
    const generation = this.#generation;
    const isCurrent = () => generation === this.#generation && this.#active && !this.#options.signal.aborted;
    const job = async () => {
      if (!isCurrent()) return;
      if (freshPage) this.#scanMs = 0;
      const clock = new SliceClock(isCurrent);
      clock.start();
      try {
        await run(clock);
        clock.finish();
        this.#scanMs += clock.spentMs;
      } catch (error) {
        if (!(error instanceof Superseded)) console.warn('Heat Notes: reading the page failed', error);
      }
    };
    this.#queue = this.#queue.then(job);
    return this.#queue;
  }

  #enqueueFullScan(freshPage = false): Promise<void> {
    if (this.#fullScanQueued) return this.#queue;
    this.#fullScanQueued = true;
    return this.#enqueue(async (clock) => {
      this.#fullScanQueued = false;
      await this.#fullScan(clock);
    }, freshPage);
  }

  #enqueueBatch(batch: MutationBatch): Promise<void> {
    if (!this.#active) return this.#queue;
    // Too many changes at once: read the page again, after whatever is running (not instead of it,
    // or a page that never stops changing would never get its first scan finished).
    if (batch.kind === 'too-many') return this.#enqueueFullScan();
    const records = batch.records;
    return this.#enqueue(async (clock) => {
      const damage = this.#damageFrom(records);
      if (damage.everything) await this.#fullScan(clock);
      else await this.#repair(damage, clock);
    });
  }

  // Reading ------------------------------------------------------------------------------------

  async #fullScan(clock: SliceClock): Promise<void> {
    const document = this.#document;
    this.#watcher.disconnect();
    this.#watcher.observe(document);
    const text = new PageText();
    const damage = emptyDamage();
    const body = document.body;
    if (body && document.designMode !== 'on' && !isSkippedElement(body)) {
      await this.#read(text, body, { base: body, nested: true, sequence: new ReadSequence() }, damage, clock);
    }
    this.#text = text;
    this.#painted = false;
    this.#shadowRootList = [...text.shadowRoots];
    // Parts the page changed under the walk, read again now that it has passed.
    if (!isEmpty(damage)) await this.#repair(damage, clock, false);
    await this.#repaint(clock);
  }

  /**
   * Reads `root` (and the open shadow roots inside it) into `text`, only where names may be (unless
   * `readEverything`). A numbered walk (`sequence`) numbers each shadow root's walk with a sequence of
   * its own, as it is walked apart from its host's tree.
   */
  async #read(text: PageText, root: Node, options: RootOptions, damage: Damage, clock: SliceClock): Promise<void> {
    const roots: Array<{ root: Node; options: RootOptions }> = [{ root, options }];
    const numbered = options.sequence !== undefined;
    const onDisturbed = (anchor: Node) => damage.disturbed.push(anchor);
    const onBlock = (block: BlockText) => text.setBlock(block);
    const onSkipped = (key: BlockKey) => text.deleteBlock(key);
    const onShadowRoot = (shadowRoot: ShadowRoot) => {
      if (text.shadowRoots.has(shadowRoot)) return;
      text.shadowRoots.add(shadowRoot);
      this.#watcher.observe(shadowRoot);
      const sequence = numbered ? new ReadSequence() : undefined;
      roots.push({ root: shadowRoot, options: { base: shadowRoot, nested: true, sequence } });
    };
    for (let next = roots.shift(); next; next = roots.shift()) {
      // A block read again for its own text alone (after a change) is walked through its own inline
      // content only, meeting the custom elements there: counting or querying its whole subtree
      // would cost a feed's container a pass over the whole feed on every batch, for nested blocks
      // whose shadow roots are known already. A huge root is walked whole, as before the native
      // test: a native read of all its text (or an XPath query over it) is one call that cannot be
      // cut into slices, and at 10 MB it alone outlasts a long task; its custom elements' shadow
      // roots are then met by the walk too.
      const ownTextOnly = !next.options.nested;
      const huge =
        !ownTextOnly && next.root.nodeType === Node.ELEMENT_NODE && (next.root as Element).getElementsByTagName('*').length > this.#hugeElements;
      const walkFindsHosts = ownTextOnly || huge;
      const maybeNames = this.#options.readEverything || huge ? undefined : countMaybeNames;
      // Shadow roots hold text the light tree's `textContent` does not: custom elements' are looked
      // for everywhere else.
      if (!walkFindsHosts) for (const shadowRoot of shadowRootsToRead(next.root as Element | ShadowRoot)) onShadowRoot(shadowRoot);
      if (clock.sliceIsOver) await clock.yield();
      const reading = readBlocks(next.root, { ...next.options, onBlock, onSkipped, onShadowRoot, onDisturbed, maybeNames, customHosts: walkFindsHosts });
      while (!reading.next().done) {
        if (clock.sliceIsOver) await clock.yield();
      }
    }
  }

  /** Reads again what `damage` names, then repaints (unless nothing we read was touched). */
  async #repair(damage: Damage, clock: SliceClock, repaint = true): Promise<void> {
    const text = this.#text;
    let changed = false;
    if (damage.removed) {
      for (const key of text.blocks.keys()) {
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
          await this.#read(text, key, { base: key, nested: false }, next, clock);
        }
      }
      for (const tree of trees) {
        if (!tree.isConnected || (!isShadowRoot(tree) && !this.#blockOf(tree))) continue;
        const base = isShadowRoot(tree) ? tree : null;
        await this.#read(text, tree, { base, nested: true }, next, clock);
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
    this.#painted = true;
    this.#index = index;
    this.#painter.paint(selected.map((mention) => mention.range));
    this.#options.onRepaint?.(index);
  }

  // Changes ------------------------------------------------------------------------------------

  #damageFrom(records: readonly MutationRecord[]): Damage {
    const damage = emptyDamage();
    const document = this.#document;
    for (const record of records) {
      if (record.type === 'characterData') {
        const key = this.#blockOf(record.target);
        if (key) damage.blocks.add(key);
        continue;
      }
      if (record.type !== 'childList') continue;
      if (record.target === document || record.target === document.documentElement) {
        damage.everything = true; // a new <body>
        return damage;
      }
      // Whatever was removed, and from where: blocks no longer in the page are swept out below.
      if (record.removedNodes.length > 0) damage.removed = true;
      const key = this.#blockOf(record.target);
      if (!key) continue; // inside text we never read (a textarea, an editor, our own UI…)
      damage.blocks.add(key);
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) damage.trees.push(node);
      }
    }
    return damage;
  }

  /**
   * The block whose text holds `node` (the node itself when it is a block), or null when the node's
   * text is never read: inside a skipped element, outside <body>, in a shadow root we do not watch.
   */
  #blockOf(node: Node): BlockKey | null {
    const body = this.#document.body;
    let block: BlockKey | null = null;
    for (let current: Node | null = node; current; current = current.parentNode) {
      if (current.nodeType === Node.ELEMENT_NODE) {
        const element = current as Element;
        if (isSkippedElement(element)) return null;
        if (!block && BLOCK_TAGS.has(element.localName)) block = element;
        if (element === body) return block;
      } else if (isShadowRoot(current)) {
        return this.#text.shadowRoots.has(current) ? (block ?? current) : null;
      }
    }
    return null;
  }
}

function isEmpty(damage: Damage): boolean {
  return damage.blocks.size === 0 && damage.trees.length === 0 && damage.disturbed.length === 0;
}

/**
 * Ranges for a block's mentions, over the text nodes it was read from. None when its text changed
 * since it was read: the change is on its way as a mutation record.
 */
function placeMentions(key: BlockKey, block: BlockText, mentions: readonly Mention[]): PlacedMention[] {
  const nodes = currentBlockNodes(block);
  if (!nodes) return [];
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const range = rangeInBlock(nodes, mention.start, mention.end);
    if (!range) continue;
    const { start, end } = mention;
    placed.push({ ...range, key, block, nodes, mention, start, end, order: orderAt(block, start) });
  }
  return placed;
}

/**
 * Document order. Mentions numbered by the same walk compare by number; the DOM is asked only for the
 * others (blocks re-read after a change, shadow roots against their host's tree), which agrees with the
 * numbers, since a block the page moves or changes is read again.
 */
function compareMentions(a: PlacedMention, b: PlacedMention): number {
  if (a.block === b.block) return a.start - b.start;
  if (a.order >= 0 && b.order >= 0 && a.block.order!.sequence === b.block.order!.sequence) return a.order - b.order;
  return compareComposedOrder(a.range.startContainer, b.range.startContainer) || a.start - b.start;
}

/** The trees not inside another one of them. */
function outermost(trees: readonly Node[]): Node[] {
  const set = new Set(trees);
  return [...set].filter((tree) => tree.parentNode === null || !insideAny(tree.parentNode, set));
}

/** Whether `node` is one of `trees` or lies inside one (within its own tree). */
function insideAny(node: Node, trees: ReadonlySet<Node>): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (trees.has(current)) return true;
  return false;
}
