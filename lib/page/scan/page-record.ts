import type { Mention, PageDetector } from '../../core/detection';
import type { PlacedMention } from '../mark/mention-index';
import type { BlockKey, ReadBlock } from '../read/read-block';
import type { Detection, LazyDetection } from './lazy-detection';

/** A block's accepted mentions where they stand on the page. */
export interface PlacedBlock {
  readonly block: ReadBlock;
  /** The block's accepted mentions, as a string: unchanged block and signature, ranges reused. */
  readonly signature: string;
  readonly mentions: PlacedMention[];
}

/**
 * Everything the scanner knows about the page's text: the blocks read, the detector fed with them,
 * the shadow roots read, and where the accepted mentions stand. A full scan builds a new one and
 * swaps it in when done.
 *
 * Detection is loaded with the first block read (`lazy-detection.ts`): until it is there, blocks wait
 * here, and the reader loads it and hands them over (`detect()`) before it reads on.
 */
export class PageRecord {
  #detector: PageDetector<BlockKey> | undefined;
  /** Blocks read before detection was there, to be given to it. */
  readonly #waiting = new Map<BlockKey, ReadBlock>();
  readonly detection: LazyDetection;
  /**
   * The blocks read that hold a candidate: only those can ever need ranges. The others are let go at
   * once, while they are young garbage (kept, their text and nodes filled the heap of a 10 MB page and
   * its major GCs).
   */
  readonly blocks = new Map<BlockKey, ReadBlock>();
  /** Every block read, with the text nodes and characters it was read from (`textNodes`, `chars`). */
  readonly #sizes = new Map<BlockKey, readonly [nodes: number, chars: number]>();
  readonly shadowRoots = new Set<ShadowRoot>();
  placed = new Map<BlockKey, PlacedBlock>();
  textNodes = 0;
  chars = 0;

  constructor(detection: LazyDetection) {
    this.detection = detection;
    this.#detector = detection.loaded?.createDetector();
  }

  /** Every block read. */
  keys(): IterableIterator<BlockKey> {
    return this.#sizes.keys();
  }

  setBlock(block: ReadBlock): void {
    this.#forgetCounts(block.key);
    this.#sizes.set(block.key, [block.nodeCount, block.text.length]);
    this.textNodes += block.nodeCount;
    this.chars += block.text.length;
    if (this.#detector) this.#detect(this.#detector, block);
    else this.#waiting.set(block.key, block);
  }

  deleteBlock(key: BlockKey): void {
    this.#forgetCounts(key);
    this.#sizes.delete(key);
    this.blocks.delete(key);
    this.#waiting.delete(key);
    this.#detector?.delete(key);
  }

  /** Whether blocks wait for detection (`detect()`). */
  get waiting(): boolean {
    return this.#waiting.size > 0;
  }

  /** Gives the blocks that wait to detection, now loaded (`detection.load()`). */
  detect(detection: Detection): void {
    const detector = (this.#detector ??= detection.createDetector());
    for (const block of this.#waiting.values()) this.#detect(detector, block);
    this.#waiting.clear();
  }

  /** The accepted mentions of each block that has any, from the blocks given to detection. */
  decisions(): Iterable<[BlockKey, Mention[]]> {
    return this.#detector?.decisions() ?? [];
  }

  #detect(detector: PageDetector<BlockKey>, block: ReadBlock): void {
    if (/\S/.test(block.text)) detector.set(block.key, { text: block.text, emphasis: block.emphasis, gaps: block.gaps });
    else detector.delete(block.key);
    if (detector.holdsCandidates(block.key)) this.blocks.set(block.key, block);
    else this.blocks.delete(block.key);
  }

  #forgetCounts(key: BlockKey): void {
    const old = this.#sizes.get(key);
    if (!old) return;
    this.textNodes -= old[0];
    this.chars -= old[1];
  }
}
