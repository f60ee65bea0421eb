/**
 * Offsets within a block's text, mapped back to the text nodes it was read from, and mentions found
 * at an offset. Pure: binary searches over sorted numbers, so they test in Node.
 *
 * A block's text is its text nodes joined in tree order; `starts[i]` is where node `i` begins in it
 * (ascending; an empty text node shares its start with the next one).
 */

export interface NodePosition {
  /** Index of the text node. */
  readonly index: number;
  /** Offset within that text node. */
  readonly offset: number;
}

/** Last index whose value is <= `target` (or < `target` when `strict`); -1 when there is none. */
export function lastAtOrBefore(sorted: readonly number[], target: number, strict = false): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle]!;
    if (value < target || (!strict && value === target)) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Where a block offset falls among the block's text nodes. A boundary between two nodes belongs to
 * the next node when it starts a range (`edge: 'start'`) and to the previous node when it ends one
 * (`edge: 'end'`), so a range holds exactly the name's characters and never an empty end of a node.
 */
export function locateOffset(starts: readonly number[], offset: number, edge: 'start' | 'end'): NodePosition | undefined {
  const index = lastAtOrBefore(starts, offset, edge === 'end' && offset > 0);
  if (index < 0) return undefined;
  return { index, offset: offset - starts[index]! };
}

export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans (sorted, not overlapping) that hold `offset`, ends included: a caret at the far edge of a
 * name's last letter still counts as on the name. At most two: the one starting at or before `offset`
 * first, then one ending exactly there.
 */
export function spansAt<T extends OffsetSpan>(spans: readonly T[], offset: number): T[] {
  let low = 0;
  let high = spans.length - 1;
  let index = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.start <= offset) {
      index = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const found: T[] = [];
  for (const candidate of [spans[index], spans[index - 1]]) {
    if (candidate && candidate.start <= offset && offset <= candidate.end) found.push(candidate);
  }
  return found;
}
