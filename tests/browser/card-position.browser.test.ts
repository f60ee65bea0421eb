/**
 * Placing the card (`lib/page/card/card-position.ts`, Floating UI) against real layout in an 800 × 600
 * viewport: below the name with room, above it without, along the line to stay inside the viewport,
 * capped in height (scrolling inside itself) where neither side has room, and told when the name
 * scrolls out of a scrolling box. The name is a range of text, as in pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_OFFSET_PX, VIEWPORT_PADDING_PX, followAnchor, type FollowOptions } from '../../lib/page/card/card-position';
import { rangeOf } from './page-text';

const VIEWPORT = { width: 800, height: 600 };
/** Rounding of positions to whole pixels. */
const PX = 1;

let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.innerHTML = '';
});

/**
 * A name at (`left`, `top`) of the page and a 300 px wide card `height` px tall that reads its cap from
 * `--hn-card-max-height`, as components/card/card.css does; resolves once the card is placed.
 */
async function placeCard(name: { left: number; top: number; html?: string }, height: number, options: FollowOptions = {}) {
  document.body.innerHTML = `
    <div style="position: relative; height: ${VIEWPORT.height}px; margin: 0">
      ${name.html ?? `<span style="position: absolute; left: ${name.left}px; top: ${name.top}px; font: 16px/20px sans-serif; white-space: nowrap">Neil McCauley</span>`}
    </div>
    <div id="floating" style="position: fixed; top: 0; left: 0; margin: 0">
      <div id="card" style="box-sizing: border-box; width: 300px; max-height: var(--hn-card-max-height, none); overflow: auto; background: #eee; border: 1px solid #888">
        <div style="height: ${height - 2}px"></div>
      </div>
    </div>`;
  document.body.style.margin = '0';
  const range = rangeOf('Neil McCauley');
  const floating = document.getElementById('floating')!;
  await new Promise<void>((resolve) => {
    stop = followAnchor(range, floating, { ...options, onPlaced: resolve });
  });
  return { name: range.getBoundingClientRect(), card: document.getElementById('card')!.getBoundingClientRect() };
}

function expectInsideViewport(card: DOMRect): void {
  expect(card.left).toBeGreaterThanOrEqual(VIEWPORT_PADDING_PX - PX);
  expect(card.top).toBeGreaterThanOrEqual(VIEWPORT_PADDING_PX - PX);
  expect(card.right).toBeLessThanOrEqual(VIEWPORT.width - VIEWPORT_PADDING_PX + PX);
  expect(card.bottom).toBeLessThanOrEqual(VIEWPORT.height - VIEWPORT_PADDING_PX + PX);
}

describe('placing the card by its name', () => {
  it('runs in the viewport the numbers assume', () => {
    expect([window.innerWidth, window.innerHeight]).toEqual([VIEWPORT.width, VIEWPORT.height]);
  });

  it('puts the card just below the name, starting where the name starts, when there is room', async () => {
    const { name, card } = await placeCard({ left: 100, top: 100 }, 200);
    expect(card.top).toBeCloseTo(name.bottom + CARD_OFFSET_PX, 0);
    expect(Math.abs(card.left - name.left)).toBeLessThanOrEqual(PX);
    expectInsideViewport(card);
  });

  it('flips the card above the name when there is no room below', async () => {
    const { name, card } = await placeCard({ left: 100, top: 500 }, 200);
    expect(card.bottom).toBeCloseTo(name.top - CARD_OFFSET_PX, 0);
    expect(card.height).toBe(200); // whole, not squeezed
    expectInsideViewport(card);
  });

  it('shifts the card left to stay inside the viewport by a name near the right edge, still below it', async () => {
    const { name, card } = await placeCard({ left: 640, top: 100 }, 200);
    expectInsideViewport(card);
    expect(card.right).toBeCloseTo(VIEWPORT.width - VIEWPORT_PADDING_PX, 0);
    expect(card.top).toBeCloseTo(name.bottom + CARD_OFFSET_PX, 0);
    // Still by the name: the card spans it along the line.
    expect(card.left).toBeLessThan(name.left);
    expect(card.right).toBeGreaterThan(name.right);
  });

  it('by a name in the bottom-right corner, flips above and shifts left', async () => {
    const { name, card } = await placeCard({ left: 690, top: 560 }, 200);
    expectInsideViewport(card);
    expect(card.bottom).toBeLessThanOrEqual(name.top);
  });

  it('caps a card taller than either side on the roomier side, never over the name', async () => {
    const { name, card } = await placeCard({ left: 100, top: 220 }, 520);
    expectInsideViewport(card);
    // More room below (the name is above the middle): the card is there, as tall as that room.
    expect(card.top).toBeCloseTo(name.bottom + CARD_OFFSET_PX, 0);
    expect(card.bottom).toBeCloseTo(VIEWPORT.height - VIEWPORT_PADDING_PX, 0);
    const scroller = document.getElementById('card')!;
    expect(scroller.scrollHeight, 'the rest scrolls inside the card').toBeGreaterThan(scroller.clientHeight);
  });

  it('says when the name scrolls out of its scrolling box', async () => {
    let hidden = false;
    const box = `<div id="box" style="position: absolute; left: 50px; top: 50px; width: 300px; height: 100px; overflow: auto; font: 16px/20px sans-serif">
        <p style="margin: 0">Neil McCauley</p><div style="height: 400px"></div></div>`;
    await placeCard({ left: 0, top: 0, html: box }, 150, { onHidden: () => (hidden = true) });
    expect(hidden).toBe(false);
    document.getElementById('box')!.scrollTop = 200;
    await expect.poll(() => hidden).toBe(true);
  });
});
