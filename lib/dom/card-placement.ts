import type { Box, Point } from './safe-corridor';

/**
 * Where the card goes, as a pure function of measurements (Page Previews' way): below the line the
 * name is on, else above it, never over it; shifted along the line to stay inside the viewport; and
 * where neither side has room for the whole card, on the roomier side with a capped height (the card
 * scrolls). Written here rather than with a positioning library: the content script runs in every
 * page, and this is all the positioning it needs.
 */

/** Gap between the mention's line and the card, in CSS px. */
export const CARD_OFFSET_PX = 6;
/** Least distance between the card and the viewport's edges, in CSS px. */
export const VIEWPORT_PADDING_PX = 8;
/**
 * A card keeps its side while it is shown (a card that jumps across the line when it grows would run
 * away from the pointer) unless that side has less room than this, in CSS px.
 */
export const KEEP_SIDE_MIN_ROOM_PX = 120;

export type Side = 'below' | 'above';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  readonly x: number;
  /**
   * The card's edge next to the line: its top when below, its bottom when above. The card grows away
   * from the line (a card that gets taller, "More from the essay", never covers it).
   */
  readonly edge: number;
  readonly side: Side;
  /** The room on that side: the card's height cap (it scrolls past it). */
  readonly maxHeight: number;
}

/**
 * The line of a (possibly wrapped) mention to place the card on: the box under the pointer, else the
 * one nearest to it vertically; the first box without a pointer (keyboard). Empty boxes are skipped.
 */
export function pickLine(boxes: readonly Box[], pointer?: Point): Box | undefined {
  let best: Box | undefined;
  let bestDistance = Infinity;
  for (const box of boxes) {
    if (box.right - box.left <= 0 && box.bottom - box.top <= 0) continue;
    if (!pointer) return box;
    const dy = pointer.y < box.top ? box.top - pointer.y : pointer.y > box.bottom ? pointer.y - box.bottom : 0;
    const dx = pointer.x < box.left ? box.left - pointer.x : pointer.x > box.right ? pointer.x - box.right : 0;
    const distance = dy * 10_000 + dx;
    if (distance < bestDistance) {
      best = box;
      bestDistance = distance;
    }
  }
  return best;
}

/** Places a card of natural size `card` for `line` in a viewport of size `viewport`. */
export function placeCard(line: Box, card: Size, viewport: Size, keepSide?: Side): Placement {
  const pad = VIEWPORT_PADDING_PX;
  const roomBelow = Math.max(0, viewport.height - pad - (line.bottom + CARD_OFFSET_PX));
  const roomAbove = Math.max(0, line.top - CARD_OFFSET_PX - pad);
  let side: Side;
  if (keepSide && (keepSide === 'below' ? roomBelow : roomAbove) >= Math.min(card.height, KEEP_SIDE_MIN_ROOM_PX)) side = keepSide;
  else if (card.height <= roomBelow) side = 'below';
  else if (card.height <= roomAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.floor(side === 'below' ? roomBelow : roomAbove);
  const edge = side === 'below' ? line.bottom + CARD_OFFSET_PX : line.top - CARD_OFFSET_PX;
  const x = Math.max(pad, Math.min(line.left, viewport.width - pad - card.width));
  return { x: Math.round(x), edge: Math.round(edge), side, maxHeight };
}
