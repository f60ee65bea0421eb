import { locateOffset } from '../read/block-offsets';
import type { BlockNodes } from '../read/read-block';

export interface BlockRange {
  readonly range: StaticRange;
  /** Indices (in `block.nodes`) of the first and last text node the range touches. */
  readonly firstNode: number;
  readonly lastNode: number;
}

/**
 * A block's offsets as a range over the page's text nodes. StaticRange: it costs nothing while the page
 * changes (a live Range is updated on every mutation), and the scanner rebuilds the ranges of every
 * block it re-reads, since a StaticRange does not follow DOM edits (docs/platform-notes.md).
 */
export function rangeInBlock(block: BlockNodes, start: number, end: number): BlockRange | undefined {
  const from = locateOffset(block.starts, start, 'start');
  const to = locateOffset(block.starts, end, 'end');
  if (!from || !to) return undefined;
  const range = new StaticRange({
    startContainer: block.nodes[from.index]!,
    startOffset: from.offset,
    endContainer: block.nodes[to.index]!,
    endOffset: to.offset,
  });
  return { range, firstNode: from.index, lastNode: to.index };
}

/** A live Range over the same text, for measuring (`getClientRects`), which a StaticRange cannot do. */
export function liveRange(range: AbstractRange): Range | undefined {
  const live = range.startContainer.ownerDocument?.createRange();
  if (!live) return undefined;
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return undefined; // the text changed under a range not yet rebuilt
  }
  return live;
}
