import { PageDetector } from '../../core/detection';
import type { PlacedMention } from '../mark/mention-index';
import type { BlockKey, ReadBlock } from '../read/read-block';

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
 */
export class PageRecord {
  readonly detector = new PageDetector<BlockKey>();
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

  /** Every block read. */
  keys(): IterableIterator<BlockKey> {
    return this.#sizes.keys();
  }

  setBlock(block: ReadBlock): void {
    this.#forgetCounts(block.key);
    this.#sizes.set(block.key, [block.nodeCount, block.text.length]);
    this.textNodes += block.nodeCount;
    this.chars += block.text.length;
    if (/\S/.test(block.text)) this.detector.set(block.key, { text: block.text, emphasis: block.emphasis, gaps: block.gaps, breaks: block.breaks });
    else this.detector.delete(block.key);
    if (this.detector.holdsCandidates(block.key)) this.blocks.set(block.key, block);
    else this.blocks.delete(block.key);
  }

  deleteBlock(key: BlockKey): void {
    this.#forgetCounts(key);
    this.#sizes.delete(key);
    this.blocks.delete(key);
    this.detector.delete(key);
  }

  #forgetCounts(key: BlockKey): void {
    const old = this.#sizes.get(key);
    if (!old) return;
    this.textNodes -= old[0];
    this.chars -= old[1];
  }
}
