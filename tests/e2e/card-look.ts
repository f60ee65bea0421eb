/**
 * What "a card a user can read" means, checked the same way on every unusual page: its computed look
 * read from its shadow root, and assertions that it is styled, on top and inside the viewport.
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { restPointerOn, waitForCard, type CardState } from './harness';

export const isOpenFor = (entity: string) => (card: CardState | null) => card?.entity === entity;
export const isClosed = (card: CardState | null) => card === null;

/** Computed styles of the open card, its heading and host, and what lies at the card's centre. */
export function cardLook(target: Page | Frame) {
  return target.evaluate(() => {
    const host = document.querySelector('heat-notes-ui');
    const root = host?.shadowRoot;
    const card = root?.querySelector('[data-entity]');
    if (!host || !root || !card) return null;
    const style = getComputedStyle(card);
    const r = card.getBoundingClientRect();
    const heading = root.querySelector('h2');
    return {
      background: style.backgroundColor,
      fontFamily: style.fontFamily,
      paddingTop: parseFloat(style.paddingTop),
      paddingLeft: parseFloat(style.paddingLeft),
      borderRadius: parseFloat(style.borderTopLeftRadius),
      boxShadow: style.boxShadow,
      direction: style.direction,
      visibility: style.visibility,
      opacity: style.opacity,
      headingSize: heading ? parseFloat(getComputedStyle(heading).fontSize) : 0,
      headingWeight: heading ? Number(getComputedStyle(heading).fontWeight) : 0,
      bodySize: parseFloat(style.fontSize),
      width: r.width,
      onTop: document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2)?.localName ?? '',
      hostParent: host.parentElement?.id || host.parentElement?.localName || '',
    };
  });
}

export type CardLook = NonNullable<Awaited<ReturnType<typeof cardLook>>>;

/**
 * An opaque white box with room around its text, rounded and lifted off the page by a shadow, in its
 * own font at a comfortable width, its name set larger and bolder than its body, fully visible and on top.
 */
export function expectStyledCard(look: CardLook | null): asserts look is CardLook {
  expect(look, 'no card open').not.toBeNull();
  expect(look!.background).toBe('rgb(255, 255, 255)');
  expect(look!.paddingTop).toBeGreaterThanOrEqual(8);
  expect(look!.paddingLeft).toBeGreaterThanOrEqual(8);
  expect(look!.borderRadius).toBeGreaterThan(0);
  expect(look!.boxShadow).not.toBe('none');
  expect(look!.visibility).toBe('visible');
  expect(look!.opacity).toBe('1');
  expect(look!.headingSize).toBeGreaterThan(look!.bodySize);
  expect(look!.headingWeight).toBeGreaterThanOrEqual(600);
  // The card's own font, not a page's serif (several fixtures set Georgia on body).
  expect(look!.fontFamily).not.toMatch(/^Georgia/);
  // A fixed, comfortable width rather than shrink-to-fit or the whole line.
  expect(look!.width).toBeGreaterThan(220);
  expect(look!.width).toBeLessThan(520);
  expect(look!.onTop).toBe('heat-notes-ui');
}

export function expectInsideViewport(card: CardState): void {
  expect(card.rect.width).toBeGreaterThan(150);
  expect(card.rect.height).toBeGreaterThan(60);
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
}

/** Rests on `text` and expects `entity`'s card: open, naming it, inside the viewport, styled, on top. */
export async function expectCard(page: Page, text: string, entity: string, name: string, options: { within?: string; nth?: number } = {}) {
  const box = await restPointerOn(page, text, options);
  const { card, ok } = await waitForCard(page, isOpenFor(entity));
  expect(ok, `card for ${entity} on "${text}": ${JSON.stringify(card)}`).toBe(true);
  expect(card!.count).toBe(1);
  expect(card!.text).toContain(name);
  expectInsideViewport(card!);
  const look = await cardLook(page);
  expectStyledCard(look);
  return { box, card: card!, look };
}
