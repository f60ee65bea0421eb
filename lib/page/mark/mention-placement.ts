import type { Mention } from '../../core/detection';
import { compareComposedOrder } from './document-order';
import type { PlacedMention } from './mention-index';
import { rangeInBlock } from './mention-ranges';
import { currentBlockNodes, orderAt, type BlockKey, type ReadBlock } from '../read/read-block';

/**
 * Ranges for a block's mentions, over the text nodes it was read from. None when its text changed
 * since it was read: the change is on its way as a mutation record.
 */
export function placeMentions(key: BlockKey, block: ReadBlock, mentions: readonly Mention[]): PlacedMention[] {
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
export function compareMentions(a: PlacedMention, b: PlacedMention): number {
  if (a.block === b.block) return a.start - b.start;
  if (a.order >= 0 && b.order >= 0 && a.block.order!.sequence === b.block.order!.sequence) return a.order - b.order;
  return compareComposedOrder(a.range.startContainer, b.range.startContainer) || a.start - b.start;
}
