import type { Mention } from '../detection';
import { spansAt } from './block-offsets';
import type { BlockRange } from './mention-ranges';
import type { BlockKey, BlockText } from './page-text';

/** An accepted mention where it stands on the page. */
export interface PlacedMention extends BlockRange {
  readonly key: BlockKey;
  readonly block: BlockText;
  readonly mention: Mention;
  /** `mention.start` / `mention.end`, here for the binary search. */
  readonly start: number;
  readonly end: number;
}

/** Two placements of the same mention (the index is rebuilt after every change). */
export function sameMention(a: PlacedMention, b: PlacedMention): boolean {
  return a.key === b.key && a.start === b.start && a.mention.entity === b.mention.entity;
}

/**
 * The painted mentions, findable from a caret position: text node → its block and where it starts
 * there → binary search over that block's mentions (sorted by offset).
 */
export class MentionIndex {
  readonly #nodes = new Map<Text, { block: BlockText; start: number }>();
  readonly #byBlock = new Map<BlockText, PlacedMention[]>();

  constructor(readonly mentions: readonly PlacedMention[] = []) {
    for (const placed of mentions) {
      const { block } = placed;
      const list = this.#byBlock.get(block);
      if (list) list.push(placed);
      else this.#byBlock.set(block, [placed]);
      // Only the text nodes a mention covers: a caret anywhere else is on no mention.
      for (let index = placed.firstNode; index <= placed.lastNode; index++) {
        this.#nodes.set(block.nodes[index]!, { block, start: block.starts[index]! });
      }
    }
  }

  get size(): number {
    return this.mentions.length;
  }

  /** The mentions (at most two) whose text holds a caret at `offset` in `node`, ends included. */
  at(node: Node, offset: number): PlacedMention[] {
    const place = this.#nodes.get(node as Text);
    if (!place) return [];
    return spansAt(this.#byBlock.get(place.block) ?? [], place.start + offset);
  }
}
