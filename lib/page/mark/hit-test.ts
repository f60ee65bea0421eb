import { liveRange } from './mention-ranges';
import type { MentionIndex, PlacedMention } from './mention-index';

/**
 * Which mention is under a point. The highlight API has no events, and `highlightsFromPoint` costs
 * 14–64 ms with thousands of ranges (docs/platform-notes.md, "Ranges and pointing"), so: caret position
 * at the point → text node and offset → the mention index → confirm the point lies inside one of the
 * mention's boxes (a caret snaps to the nearest text even from far away, e.g. from the margin right of
 * a line).
 */

/** How far outside a mention's box (in CSS px) a point still counts as on it: rounding, not reach. */
const EDGE_SLACK_PX = 1;

interface Caret {
  node: Node;
  offset: number;
}

type CaretRangeFromPoint = (x: number, y: number) => Range | null;

/** The caret position at a viewport point, looking into the given open shadow roots. */
export function caretAt(document: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): Caret | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position =
      shadowRoots.length > 0
        ? document.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
        : document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const caretRangeFromPoint = (document as { caretRangeFromPoint?: CaretRangeFromPoint }).caretRangeFromPoint;
  if (typeof caretRangeFromPoint === 'function') {
    const range = caretRangeFromPoint.call(document, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/** Whether a viewport point lies inside one of the boxes of a range's text. */
export function pointInRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (
      x >= rect.left - EDGE_SLACK_PX &&
      x <= rect.right + EDGE_SLACK_PX &&
      y >= rect.top - EDGE_SLACK_PX &&
      y <= rect.bottom + EDGE_SLACK_PX
    ) {
      return true;
    }
  }
  return false;
}

export interface MentionHit {
  readonly placed: PlacedMention;
  /** A live range over the mention, to position the card on. */
  readonly range: Range;
}

/** The mention under a viewport point, if any. */
export function mentionAtPoint(
  index: MentionIndex,
  document: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[],
): MentionHit | undefined {
  if (index.size === 0) return undefined;
  const caret = caretAt(document, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const placed of index.at(caret.node, caret.offset)) {
    const range = liveRange(placed.range);
    if (range && pointInRange(range, x, y)) return { placed, range };
  }
  return undefined;
}
