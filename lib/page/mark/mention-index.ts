import type { Mention } from '../../core/detection';
import { spansAt } from '../read/block-offsets';
import type { BlockRange } from './mention-ranges';
import type { BlockKey, BlockNodes, ReadBlock } from '../read/read-block';

/** An accepted mention where it stands on the page. */
export interface PlacedMention extends BlockRange {
  readonly key: BlockKey;
  readonly block: ReadBlock;
  /** The block's text nodes as they were when the mention was placed (`firstNode`, `lastNode` index them). */
  readonly nodes: BlockNodes;
  readonly mention: Mention;
  /** `mention.start` / `mention.end`, here for the binary search. */
  readonly start: number;
  readonly end: number;
  /**
   * The number of the stretch of text it stands in (`BlockOrder`): mentions numbered by the same
   * sequence compare by it alone. -1 when its block was read unnumbered.
   */
  readonly order: number;
}

/** Two placements of the same mention (the index is rebuilt after every change). */
export function sameMention(a: PlacedMention, b: PlacedMention): boolean {
  return a.key === b.key && a.start === b.start && a.mention.entity === b.mention.entity;
}

/**
 * The painted mentions, findable from a caret position: text node → its block and where it starts
 * there → binary search over that block's mentions (sorted by offset). Filled one mention at a time, so
 * that building it can be spread over slices.
 */
export class MentionIndex {
  readonly #mentions: PlacedMention[] = [];
  readonly #nodes = new Map<Text, { block: ReadBlock; start: number }>();
  readonly #byBlock = new Map<ReadBlock, PlacedMention[]>();

  constructor(mentions: Iterable<PlacedMention> = []) {
    for (const placed of mentions) this.add(placed);
  }

  /** Adds a mention; a block's mentions must come in offset order. */
  add(placed: PlacedMention): void {
    this.#mentions.push(placed);
    const { block, nodes } = placed;
    const list = this.#byBlock.get(block);
    if (list) list.push(placed);
    else this.#byBlock.set(block, [placed]);
    // Only the text nodes a mention covers: a caret anywhere else is on no mention.
    for (let index = placed.firstNode; index <= placed.lastNode; index++) {
      this.#nodes.set(nodes.nodes[index]!, { block, start: nodes.starts[index]! });
    }
  }

  /** The mentions, in the order they were added. */
  get mentions(): readonly PlacedMention[] {
    return this.#mentions;
  }

  get size(): number {
    return this.#mentions.length;
  }

  /** The mentions (at most two) whose text holds a caret at `offset` in `node`, ends included. */
  at(node: Node, offset: number): PlacedMention[] {
    const place = this.#nodes.get(node as Text);
    if (!place) return [];
    return spansAt(this.#byBlock.get(place.block) ?? [], place.start + offset);
  }
}
