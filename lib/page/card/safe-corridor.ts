import type { Box, Point } from './geometry';

/**
 * The safe corridor: while the pointer travels from a mention to its card, it may cross text that is
 * neither (the gap under the line, the end of a word). Inside the trapezoid between the point where it
 * left the mention and the card's near edge, the card does not start to close; leaving the corridor
 * does. Pure geometry, in viewport coordinates.
 */

/**
 * Half the width of the corridor's narrow end, around the point where the pointer left the mention:
 * a hand does not leave at an exact point, and the next sample may come a few pixels aside.
 */
export const CORRIDOR_APEX_HALF_WIDTH_PX = 6;

/**
 * The corridor as a convex polygon (clockwise or counter-clockwise), or undefined when the point
 * lies inside the card itself (no corridor: the card is under the pointer).
 */
export function corridorPolygon(origin: Point, card: Box, apex = CORRIDOR_APEX_HALF_WIDTH_PX): Point[] | undefined {
  const { x, y } = origin;
  // The near edge: the card's side facing the origin (below, above, then beside).
  if (y <= card.top) {
    return [{ x: x - apex, y }, { x: x + apex, y }, { x: card.right, y: card.top }, { x: card.left, y: card.top }];
  }
  if (y >= card.bottom) {
    return [{ x: x - apex, y }, { x: x + apex, y }, { x: card.right, y: card.bottom }, { x: card.left, y: card.bottom }];
  }
  if (x <= card.left) {
    return [{ x, y: y - apex }, { x, y: y + apex }, { x: card.left, y: card.bottom }, { x: card.left, y: card.top }];
  }
  if (x >= card.right) {
    return [{ x, y: y - apex }, { x, y: y + apex }, { x: card.right, y: card.bottom }, { x: card.right, y: card.top }];
  }
  return undefined;
}

/** Whether `point` lies inside a convex polygon (edges included). */
export function inConvexPolygon(polygon: readonly Point[], point: Point): boolean {
  let sign = 0;
  for (let index = 0; index < polygon.length; index++) {
    const a = polygon[index]!;
    const b = polygon[(index + 1) % polygon.length]!;
    const cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
    if (cross === 0) continue;
    const side = cross > 0 ? 1 : -1;
    if (sign === 0) sign = side;
    else if (side !== sign) return false;
  }
  return true;
}

/** Whether the pointer, which left the mention at `origin`, is on its way to `card`. */
export function inSafeCorridor(origin: Point, card: Box, point: Point): boolean {
  const polygon = corridorPolygon(origin, card);
  return polygon !== undefined && inConvexPolygon(polygon, point);
}
