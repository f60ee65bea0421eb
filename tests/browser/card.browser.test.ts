/**
 * The card in a real page: `CardHost` (components/card/card-host.tsx) rendering `EntityCard` into the open
 * shadow root of `<heat-notes-ui>`, opened and closed by `HoverCards` (lib/page/card/hover-card.ts) as the
 * content script wires them, on a page scanned by the real scanner, with real clicks and key presses.
 * Only the extension around them is missing: entities come straight from data/catalog.ts instead of
 * the background, and the card's script is imported instead of loaded from the extension.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { CardHost } from '../../components/card/card-host';
import { cardEntity } from '../../data/catalog';
import type { EntityId } from '../../data/entities';
import { globalTimers } from '../../lib/core/timers';
import { UI_TAG } from '../../lib/page/read/block-tags';
import { HoverCards } from '../../lib/page/card/hover-card';
import { OPEN_DELAY_MS } from '../../lib/page/card/hover-intent';
import type { PageScanner } from '../../lib/page/scan/page-scanner';
import { boxesOf, middle, rangeOf, scanPage } from './page-text';

const TEXT = 'font: 18px/1.6 sans-serif; margin: 24px; max-width: 640px;';

let cards: HoverCards | undefined;
const unlisten: Array<() => void> = [];

afterEach(() => {
  cards?.destroy();
  cards = undefined;
  for (const off of unlisten.splice(0)) off();
});

/** A scanned page with cards opened by a click, as a user who chose the click trigger has them. */
async function openPage(html: string): Promise<PageScanner> {
  const scanner = await scanPage(html);
  cards = new HoverCards({
    document,
    window,
    lookup: (entity: EntityId) => Promise.resolve(cardEntity(entity)),
    loadParagraph: () => Promise.resolve(undefined),
    openEssay: () => undefined,
    loadCard: () => Promise.resolve({ createCard: (doc, actions) => new CardHost(doc, actions) }),
    notThis: () => undefined,
    hitTest: (x, y) => scanner.hitTest(x, y),
    setActive: (range) => scanner.setActive(range),
    listen: (target, type, handler, options) => {
      target.addEventListener(type, handler as EventListener, options);
      unlisten.push(() => target.removeEventListener(type, handler as EventListener, options));
    },
    requestFrame: (callback) => requestAnimationFrame(callback),
    timers: globalTimers,
  });
  cards.start();
  cards.configure({ trigger: 'click', modifierKey: 'Alt', openDelayMs: OPEN_DELAY_MS, theme: 'light', spoilersRevealed: false });
  return scanner;
}

/** Clicks the middle of some words of the page with the mouse. */
async function clickOn(words: string): Promise<DOMRect> {
  const box = boxesOf(rangeOf(words))[0]!;
  const element = rangeOf(words).startContainer.parentElement!;
  const origin = element.getBoundingClientRect();
  const { x, y } = middle(box);
  await userEvent.click(element, { position: { x: x - origin.left, y: y - origin.top } });
  return box;
}

interface Card {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly popover: HTMLElement;
  readonly heading: HTMLElement;
}

/** The open card, once it is placed and shown (or a failure when none shows). */
async function openCard(): Promise<Card> {
  await expect.poll(() => document.querySelector<HTMLElement>(UI_TAG)?.shadowRoot?.querySelector('[popover]:popover-open h2')).toBeTruthy();
  const host = document.querySelector<HTMLElement>(UI_TAG)!;
  const root = host.shadowRoot!;
  const popover = root.querySelector<HTMLElement>('[popover]')!;
  await expect.poll(() => popover.style.visibility).toBe('visible');
  return { host, root, popover, heading: root.querySelector('h2')! };
}

function isOpen(): boolean {
  return !!document.querySelector(UI_TAG)?.shadowRoot?.querySelector('[popover]:popover-open');
}

describe('the card in a page', () => {
  it('opens on a click on a name: visible by the name, named, labelled, in an open shadow root', async () => {
    await openPage(`<p style="${TEXT}">In the diner scene, Al Pacino and Robert De Niro finally sit down face to face.</p>`);
    const name = await clickOn('Al Pacino');
    const card = await openCard();

    expect(card.host.parentElement, 'the one node added, at the end of the body').toBe(document.body);
    expect(card.root.mode).toBe('open');
    expect(card.heading.textContent).toBe(cardEntity('al-pacino').name);
    expect(card.popover.getAttribute('role')).toBe('dialog');
    expect(card.root.getElementById(card.popover.getAttribute('aria-labelledby')!)).toBe(card.heading);

    const box = card.popover.firstElementChild!.getBoundingClientRect();
    expect(card.popover.firstElementChild!.checkVisibility({ opacityProperty: true, visibilityProperty: true })).toBe(true);
    expect(box.top).toBeGreaterThanOrEqual(name.bottom);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    // What is on screen at the card's middle is the card (retargeted to its host), above the page.
    const centre = middle(box);
    expect(document.elementFromPoint(centre.x, centre.y)).toBe(card.host);
    await page.screenshot({ path: '../../test-results/screenshots/browser/card-open.png' });
  });

  it('takes focus from the keyboard, and Escape closes it and gives focus back', async () => {
    const scanner = await openPage(`<p style="${TEXT}"><button id="before">Before</button> Val Kilmer plays Chris Shiherlis.</p>`);
    const button = document.getElementById('before')!;
    button.focus();
    const placed = scanner.ordered().find((mention) => mention.mention.entity === 'val-kilmer')!;
    const range = document.createRange();
    range.setStart(placed.range.startContainer, placed.range.startOffset);
    range.setEnd(placed.range.endContainer, placed.range.endOffset);
    await cards!.openFromKeyboard({ placed, range });
    const card = await openCard();
    expect(document.activeElement, 'opening does not take focus').toBe(button);

    await userEvent.keyboard('p'); // pin: focus goes to the card's heading
    expect(document.activeElement).toBe(card.host);
    expect(card.root.activeElement).toBe(card.heading);

    await userEvent.keyboard('{Escape}');
    expect(isOpen()).toBe(false);
    expect(cards!.current).toBeUndefined();
    expect(document.activeElement, 'focus is back where it was').toBe(button);
  });

  it('is tabbed through control by control, and Tab past the last one returns to the page', async () => {
    await openPage(`<p style="${TEXT}"><button id="before">Before</button> Val Kilmer plays Chris Shiherlis.</p>`);
    const button = document.getElementById('before')!;
    button.focus();
    await clickOn('Val Kilmer');
    const card = await openCard();
    button.focus();
    await userEvent.keyboard('p');
    expect(card.root.activeElement).toBe(card.heading);

    const controls = [...card.popover.querySelectorAll<HTMLElement>('button, [href], [tabindex="0"]')];
    expect(controls.length).toBeGreaterThan(1);
    for (const control of controls) {
      await userEvent.keyboard('{Tab}');
      expect(card.root.activeElement, control.getAttribute('aria-label') ?? control.textContent ?? '').toBe(control);
    }
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(button);
    expect(isOpen(), 'a pinned card stays open').toBe(true);
  });

  it('closes with its × button', async () => {
    await openPage(`<p style="${TEXT}">Tom Sizemore was cast as Michael Cheritto.</p>`);
    await clickOn('Tom Sizemore');
    const card = await openCard();
    await userEvent.click(card.root.querySelector<HTMLElement>('.hn-card__close')!);
    expect(isOpen()).toBe(false);
  });

  it('opens inside an open modal dialog, where it can be used', async () => {
    await openPage(`<p style="${TEXT}">Page text.</p><dialog id="d"><p style="${TEXT}">Ashley Judd plays Charlene.</p></dialog>`);
    (document.getElementById('d') as HTMLDialogElement).showModal();
    await clickOn('Ashley Judd');
    const card = await openCard();
    expect(card.host.parentElement?.id, 'inside the dialog: everything outside it is inert').toBe('d');
    await userEvent.click(card.root.querySelector<HTMLElement>('.hn-card__close')!);
    expect(isOpen()).toBe(false);
  });
});
