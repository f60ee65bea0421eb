import { describe, expect, it } from 'vitest';
import { CARD_OFFSET_PX, KEEP_SIDE_MIN_ROOM_PX, VIEWPORT_PADDING_PX, pickLine, placeCard } from '../../lib/dom/card-placement';

const viewport = { width: 800, height: 600 };
const card = { width: 300, height: 200 };
const line = (left: number, top: number, width = 80, height = 20) => ({ left, top, right: left + width, bottom: top + height });

/** The card's box from a placement, for a card of natural height `height` (capped at the room). */
function box(placement: ReturnType<typeof placeCard>, height = card.height, width = card.width) {
  const shown = Math.min(height, placement.maxHeight);
  const top = placement.side === 'below' ? placement.edge : placement.edge - shown;
  return { left: placement.x, top, right: placement.x + width, bottom: top + shown };
}

function expectInside(b: ReturnType<typeof box>) {
  expect(b.left).toBeGreaterThanOrEqual(VIEWPORT_PADDING_PX);
  expect(b.top).toBeGreaterThanOrEqual(VIEWPORT_PADDING_PX);
  expect(b.right).toBeLessThanOrEqual(viewport.width - VIEWPORT_PADDING_PX);
  expect(b.bottom).toBeLessThanOrEqual(viewport.height - VIEWPORT_PADDING_PX);
}

function expectOffLine(b: ReturnType<typeof box>, l: ReturnType<typeof line>) {
  expect(b.bottom <= l.top || b.top >= l.bottom).toBe(true);
}

describe('placeCard', () => {
  it('puts the card below the line, aligned with the name, when there is room', () => {
    const l = line(100, 100);
    const p = placeCard(l, card, viewport);
    // Capped at the room below, not at its height: a card that grows still fits, and is placed again.
    expect(p).toEqual({ x: 100, edge: l.bottom + CARD_OFFSET_PX, side: 'below', maxHeight: viewport.height - VIEWPORT_PADDING_PX - l.bottom - CARD_OFFSET_PX });
  });

  it('flips above a line near the bottom, and shifts left from the right edge', () => {
    for (const l of [line(20, 560), line(700, 560), line(700, 10), line(10, 10)]) {
      const p = placeCard(l, card, viewport);
      const b = box(p);
      expectInside(b);
      expectOffLine(b, l);
      expect(b.bottom - b.top).toBe(card.height);
    }
    expect(placeCard(line(20, 560), card, viewport).side).toBe('above');
    expect(placeCard(line(700, 10), card, viewport).x).toBe(viewport.width - VIEWPORT_PADDING_PX - card.width);
  });

  it('caps the height on the roomier side when the card fits on neither, never covering the line', () => {
    const tall = { width: 300, height: 500 };
    const l = line(100, 250);
    const p = placeCard(l, tall, viewport);
    expect(p.side).toBe('below'); // 324 px below against 236 above
    expect(p.maxHeight).toBe(viewport.height - VIEWPORT_PADDING_PX - (l.bottom + CARD_OFFSET_PX));
    expectInside(box(p, tall.height));
    expectOffLine(box(p, tall.height), l);
    const high = line(100, 350);
    const q = placeCard(high, tall, viewport);
    expect(q.side).toBe('above');
    // Above the line, the card's bottom edge is what is placed: it grows upwards, away from the line.
    expect(q.edge).toBe(high.top - CARD_OFFSET_PX);
    expect(q.maxHeight).toBe(high.top - CARD_OFFSET_PX - VIEWPORT_PADDING_PX);
    expectInside(box(q, tall.height));
    expectOffLine(box(q, tall.height), high);
  });

  it('keeps the side it was given while that side has some room, so a growing card does not jump', () => {
    const l = line(100, 300);
    const grown = { width: 300, height: 400 };
    expect(placeCard(l, grown, viewport).side).toBe('above'); // 286 above, 266 below: a fresh card goes above
    const kept = placeCard(l, grown, viewport, 'below');
    expect(kept.side).toBe('below');
    expect(kept.maxHeight).toBe(viewport.height - VIEWPORT_PADDING_PX - (l.bottom + CARD_OFFSET_PX));
    // No room left below (scrolled to the bottom edge): it moves after all.
    const low = line(100, viewport.height - 40);
    expect(viewport.height - VIEWPORT_PADDING_PX - (low.bottom + CARD_OFFSET_PX)).toBeLessThan(KEEP_SIDE_MIN_ROOM_PX);
    expect(placeCard(low, grown, viewport, 'below').side).toBe('above');
  });
});

describe('pickLine', () => {
  const first = line(600, 100, 150);
  const second = line(0, 130, 60);

  it('uses the line of a wrapped name that is under the pointer', () => {
    expect(pickLine([first, second], { x: 20, y: 140 })).toBe(second);
    expect(pickLine([first, second], { x: 700, y: 110 })).toBe(first);
  });

  it('takes the nearest line when the pointer is just off the text, and the first without a pointer', () => {
    expect(pickLine([first, second], { x: 300, y: 123 })).toBe(first);
    expect(pickLine([first, second], { x: 300, y: 128 })).toBe(second);
    expect(pickLine([first, second], { x: 300, y: 160 })).toBe(second);
    expect(pickLine([first, second])).toBe(first);
  });

  it('skips empty boxes', () => {
    const empty = { left: 5, top: 5, right: 5, bottom: 5 };
    expect(pickLine([empty, second])).toBe(second);
    expect(pickLine([empty])).toBeUndefined();
  });
});
