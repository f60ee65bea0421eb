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
  readonly blocks = new Map<BlockKey, ReadBlock>();
  readonly shadowRoots = new Set<ShadowRoot>();
  placed = new Map<BlockKey, PlacedBlock>();
  textNodes = 0;
  chars = 0;

  setBlock(block: ReadBlock): void {
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
