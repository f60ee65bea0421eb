import { describe, expect, it } from 'vitest';
import { CORRIDOR_APEX_HALF_WIDTH_PX, corridorPolygon, inConvexPolygon, inSafeCorridor } from '../../lib/page/card/safe-corridor';

/** A card 300 × 200 below a line that ends at y = 100, 6 px under it. */
const below = { left: 100, top: 106, right: 400, bottom: 306 };
/** The pointer left the mention at its bottom edge, near the card's left. */
const leftAt = { x: 140, y: 98 };

describe('safe corridor', () => {
  it('holds the straight way down from the mention to a card below', () => {
    expect(inSafeCorridor(leftAt, below, { x: 140, y: 103 })).toBe(true);
    expect(inSafeCorridor(leftAt, below, { x: 141, y: 105.5 })).toBe(true);
  });

  it('widens toward the card: a diagonal toward its far corner stays inside', () => {
    // Halfway down to the card's top edge, halfway across to its right end.
    expect(inSafeCorridor(leftAt, below, { x: (140 + 400) / 2, y: (98 + 106) / 2 })).toBe(true);
    expect(inSafeCorridor(leftAt, below, { x: 380, y: 105.5 })).toBe(true);
    // …but not a pointer that has drifted along the line faster than it came down.
    expect(inSafeCorridor(leftAt, below, { x: 390, y: 105.5 })).toBe(false);
  });

  it('is narrow where the pointer left: moving along the line leaves it', () => {
    expect(inSafeCorridor(leftAt, below, { x: 140 + 40, y: 99 })).toBe(false);
    expect(inSafeCorridor(leftAt, below, { x: 140 - 40, y: 99 })).toBe(false);
    // Within the apex's own half-width, a sideways wobble is forgiven.
    expect(inSafeCorridor(leftAt, below, { x: 140 + CORRIDOR_APEX_HALF_WIDTH_PX - 1, y: 98 })).toBe(true);
  });

  it('does not hold a pointer going away from the card, or past its sides', () => {
    expect(inSafeCorridor(leftAt, below, { x: 140, y: 90 })).toBe(false); // back up, above where it left
    expect(inSafeCorridor(leftAt, below, { x: 60, y: 105 })).toBe(false); // left of the card
    expect(inSafeCorridor(leftAt, below, { x: 450, y: 105 })).toBe(false); // right of the card
  });

  it('points up to a card above the line', () => {
    const above = { left: 50, top: 200, right: 350, bottom: 394 };
    const from = { x: 300, y: 402 };
    expect(inSafeCorridor(from, above, { x: 300, y: 398 })).toBe(true);
    expect(inSafeCorridor(from, above, { x: 100, y: 395 })).toBe(true);
    expect(inSafeCorridor(from, above, { x: 300, y: 410 })).toBe(false);
    expect(inSafeCorridor(from, above, { x: 20, y: 396 })).toBe(false);
  });

  it('points sideways to a card beside the pointer', () => {
    const right = { left: 500, top: 100, right: 800, bottom: 300 };
    const from = { x: 480, y: 200 };
    expect(inSafeCorridor(from, right, { x: 495, y: 150 })).toBe(true);
    expect(inSafeCorridor(from, right, { x: 490, y: 100 })).toBe(false);
    expect(inSafeCorridor(from, right, { x: 470, y: 200 })).toBe(false);
  });

  it('has no corridor when the point is inside the card', () => {
    expect(corridorPolygon({ x: 200, y: 200 }, below)).toBeUndefined();
    expect(inSafeCorridor({ x: 200, y: 200 }, below, { x: 200, y: 201 })).toBe(false);
  });

  it('tests points against any convex polygon, edges included', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(inConvexPolygon(square, { x: 5, y: 5 })).toBe(true);
    expect(inConvexPolygon(square, { x: 10, y: 5 })).toBe(true);
    expect(inConvexPolygon(square, { x: 11, y: 5 })).toBe(false);
    expect(inConvexPolygon([...square].reverse(), { x: 5, y: 5 })).toBe(true);
    expect(inConvexPolygon([...square].reverse(), { x: -1, y: 5 })).toBe(false);
  });
});
