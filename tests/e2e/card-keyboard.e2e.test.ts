/**
 * The card from the keyboard (issue 4): `mentions/step` (what the shortcuts send) scrolls to a mention,
 * outlines it, opens its card and announces it in the live region; Escape closes and gives focus back;
 * a pinned card stays and takes Tab; `mentions/reveal` walks one entity's mentions; the card's essay
 * actions; and an axe audit of the open card.
 *
 * Playwright's key presses do not fire `commands.onCommand`, so the tests send the message the
 * background's command handler sends, through the service worker, as `getMentions` does.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  NEUTRAL_POINT,
  delay,
  askPageTab,
  launchWithExtension,
  openFixture,
  readCard,
  restPointerOn,
  screenshot,
  waitForCard,
  startFixtureServer,
  pollUntil,
  type CardState,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { isClosed, isOpenFor } from './card-look';

const PAGE = 'card-keyboard.html';
/** The mentions of card-keyboard.html, in document order. */
const ORDER = ['michael-mann', 'al-pacino', 'robert-de-niro', 'val-kilmer', 'tom-sizemore', 'ashley-judd', 'al-pacino'];

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  ({ page } = await openFixture(browser, server, PAGE));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Sends a message to the page's top-frame content script, or with `badge`, reads its tab's badge. */
async function sendToPage<T>(message: object, badge = false): Promise<T> {
  const answer = await askPageTab(browser, page, message, badge);
  if ('error' in answer) throw new Error(`${JSON.stringify(message)} failed: ${answer.error}`);
  return answer.response as T;
}

const step = (direction: 'next' | 'previous') => sendToPage<{ index: number; total: number } | undefined>({ type: 'mentions/step', direction });
const reveal = (entity: string) => sendToPage<{ index: number; total: number } | undefined>({ type: 'mentions/reveal', entity });

/** The live region's text (it fills in a moment after a step). */
async function liveText(expected: RegExp): Promise<string> {
  const { value } = await pollUntil(
    () => page.evaluate(() => document.querySelector('heat-notes-ui')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? ''),
    (text) => expected.test(text),
    2_000,
  );
  return value;
}

/** The text of the ranges painted as active (outlined). */
function activeText(): Promise<string[]> {
  return page.evaluate(() => {
    // The active highlight is named by the highlight colour (`heat-notes-active-amber`, …).
    let active: Highlight | undefined;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('heat-notes-active-')) active = highlight;
    });
    if (!active) return [];
    return [...(active as unknown as Set<AbstractRange>)].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });
}

/** Where focus is: the page element's id/tag, or `card:<tag>` inside our shadow root. */
function focusWhere(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.localName === 'heat-notes-ui') {
      const inner = active.shadowRoot?.activeElement;
      return `card:${inner?.localName ?? 'none'}${inner?.getAttribute('aria-label') ? `[${inner.getAttribute('aria-label')}]` : ''}`;
    }
    return active?.id || active?.localName || 'none';
  });
}

function pinPressed(): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('heat-notes-ui')?.shadowRoot?.querySelector('button[aria-label="Pin card"]')?.getAttribute('aria-pressed') ?? null,
  );
}


function expectInsideViewport(card: CardState): void {
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
}

async function closeCard(): Promise<void> {
  if (await page.evaluate(() => !!document.querySelector('heat-notes-ui')?.shadowRoot?.querySelector('[data-entity]'))) {
    await page.keyboard.press('Escape');
  }
  expect((await waitForCard(page, isClosed, 1_500)).ok).toBe(true);
}

describe('stepping through mentions from the keyboard', () => {
  beforeEach(async () => {
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
  });

  it('"previous" from the top of the page wraps to the last mention: scrolls to it, outlines it, opens and announces its card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await closeCard();
    const answer = await step('previous');
    expect(answer).toEqual({ index: ORDER.length, total: ORDER.length });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1_000);
    const { card, ok } = await waitForCard(page, isOpenFor('al-pacino'));
    expect(ok, JSON.stringify(card)).toBe(true);
    expectInsideViewport(card!);
    // The mention stepped to is on screen, and outlined.
    const line = await page.evaluate(() => {
      const text = document.getElementById('last')!.firstChild as Text;
      const at = text.data.indexOf('Al Pacino');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Al Pacino'.length);
      const box = range.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: window.innerHeight };
    });
    expect(line.top).toBeGreaterThan(0);
    expect(line.bottom).toBeLessThan(line.height);
    expect(await activeText()).toEqual(['Al Pacino']);
    const role = await page.evaluate(() => document.querySelector('heat-notes-ui')!.shadowRoot!.querySelector('.hn-card__role')?.textContent ?? '');
    expect(role).not.toBe('');
    expect(await liveText(/^Mention 7/)).toBe(`Mention 7 of 7: Al Pacino, ${role}`);
    await screenshot(page, 'card-keyboard-step');
  });

  it('"next" from the last mention wraps to the first and scrolls back up', async () => {
    expect(await step('next')).toEqual({ index: 1, total: ORDER.length });
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
    expect((await waitForCard(page, isOpenFor('michael-mann'))).ok).toBe(true);
    expect(await liveText(/^Mention 1 of 7: Michael Mann/)).toMatch(/^Mention 1 of 7: Michael Mann, .+/);
  });

  it('goes on from the open card, in document order', async () => {
    for (let index = 2; index <= 4; index++) {
      expect(await step('next')).toEqual({ index, total: ORDER.length });
      expect((await waitForCard(page, isOpenFor(ORDER[index - 1]!))).ok).toBe(true);
      expect(await liveText(new RegExp(`^Mention ${index} of 7`))).toContain(`Mention ${index} of 7: `);
    }
    expect(await step('previous')).toEqual({ index: 3, total: ORDER.length });
    expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
  });

  it('with no card open, starts from the first mention at or below the top of the viewport', async () => {
    await closeCard();
    await page.evaluate(() => {
      const top = document.getElementById('middle')!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - 4);
    });
    await delay(100);
    expect(await step('next')).toEqual({ index: 4, total: ORDER.length });
    expect((await waitForCard(page, isOpenFor('val-kilmer'))).ok).toBe(true);
    await closeCard();
    await page.evaluate(() => {
      const top = document.getElementById('middle')!.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - 4);
    });
    await delay(100);
    expect(await step('previous')).toEqual({ index: 3, total: ORDER.length });
    expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
  });

  it('Escape closes the card and gives focus back where the user was', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.focus('#subscribe');
    await step('next');
    const { card } = await waitForCard(page, (c) => c !== null);
    expect(card).not.toBeNull();
    // Focus did not move for a card that only opened…
    expect(await focusWhere()).toBe('subscribe');
    // …P pins it and takes focus into it, to its heading…
    await page.keyboard.press('p');
    expect(await pinPressed()).toBe('true');
    expect(await focusWhere()).toBe('card:h2');
    // …and Escape closes it and gives focus back.
    await page.keyboard.press('Escape');
    expect((await waitForCard(page, isClosed, 1_000)).ok).toBe(true);
    expect(await focusWhere()).toBe('subscribe');
    // A page element keeps its own Escape when no card is open.
    const seen = await page.evaluate(async () => {
      let got = false;
      const listener = () => (got = true);
      document.addEventListener('keydown', listener);
      document.getElementById('subscribe')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      document.removeEventListener('keydown', listener);
      return got;
    });
    expect(seen).toBe(true);
  });
});

describe('motion', () => {
  /** Scroll events seen by the page while a step scrolls from the top to the last mention. */
  async function scrollEventsDuringStep(): Promise<number> {
    await closeCard();
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      (window as unknown as { scrolls: number }).scrolls = 0;
      addEventListener('scroll', () => (window as unknown as { scrolls: number }).scrolls++);
    });
    await delay(100);
    await page.evaluate(() => ((window as unknown as { scrolls: number }).scrolls = 0));
    await step('previous');
    return page.evaluate(() => (window as unknown as { scrolls: number }).scrolls);
  }

  it('scrolls smoothly by default, and at once when the user prefers reduced motion', async () => {
    expect(await scrollEventsDuringStep()).toBeGreaterThan(3);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(await scrollEventsDuringStep()).toBeLessThanOrEqual(2);
      // No transitions on the card's controls either.
      const duration = await page.evaluate(
        () => getComputedStyle(document.querySelector('heat-notes-ui')!.shadowRoot!.querySelector('button')!).transitionDuration,
      );
      expect(duration).toBe('0s');
    } finally {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    }
    const duration = await page.evaluate(
      () => getComputedStyle(document.querySelector('heat-notes-ui')!.shadowRoot!.querySelector('button')!).transitionDuration,
    );
    expect(duration).not.toBe('0s');
  });
});

describe('the toolbar badge', () => {
  it('counts the page’s mentions', async () => {
    const { value } = await pollUntil(() => sendToPage<string>({}, true), (text) => text === String(ORDER.length), 3_000);
    expect(value).toBe(String(ORDER.length));
  });
});

describe('a pinned card', () => {
  it('pinned with P stays open when the pointer leaves; Tab reaches a button in it', async () => {
    await closeCard();
    await page.evaluate(() => window.scrollTo(0, 0));
    await restPointerOn(page, 'Robert De Niro', { scroll: false });
    expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
    await page.keyboard.press('p');
    expect(await pinPressed()).toBe('true');
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    await delay(1_000);
    expect((await waitForCard(page, isOpenFor('robert-de-niro'), 100)).ok).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusWhere()).toMatch(/^card:button/);
    await page.keyboard.press('Escape');
    expect((await waitForCard(page, isClosed, 1_000)).ok).toBe(true);
  });

  it('pinned with its Pin button stays open; the first Tab goes into it and tabbing past it returns', async () => {
    await restPointerOn(page, 'Al Pacino', { scroll: false });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const pin = page.locator('heat-notes-ui').getByRole('button', { name: 'Pin card' });
    await pin.click();
    expect(await pinPressed()).toBe('true');
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    // A click outside the card does not close a pinned card either.
    await page.mouse.click(NEUTRAL_POINT.x, NEUTRAL_POINT.y + 300);
    await delay(800);
    expect((await waitForCard(page, isOpenFor('al-pacino'), 100)).ok).toBe(true);
    await screenshot(page, 'card-pinned');

    await page.focus('#search');
    await page.keyboard.press('Tab');
    expect(await focusWhere()).toBe('card:button[Pin card]');
    const visited: string[] = [];
    for (let presses = 0; presses < 8; presses++) {
      await page.keyboard.press('Tab');
      const where = await focusWhere();
      visited.push(where);
      if (!where.startsWith('card:')) break;
    }
    expect(visited.at(-1), visited.join(' → ')).toBe('search');
    expect(visited.length).toBeGreaterThan(1);

    // Unpinned, it is a hover card again: it closes once the pointer is away.
    await pin.click();
    expect(await pinPressed()).toBe('false');
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y, { steps: 4 });
    expect((await waitForCard(page, isClosed, 1_500)).ok).toBe(true);
  });
});

describe('revealing an entity’s mentions (the popup’s "On this page")', () => {
  it('scrolls to the first mention, then the next on a repeat, and flashes it', async () => {
    await closeCard();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await reveal('al-pacino')).toEqual({ index: 1, total: 2 });
    expect(await activeText()).toEqual(['Al Pacino']);
    const firstScroll = await page.evaluate(() => window.scrollY);
    expect(await reveal('al-pacino')).toEqual({ index: 2, total: 2 });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(firstScroll + 1_000);
    expect(await activeText()).toEqual(['Al Pacino']);
    // The flash fades by itself.
    const { ok } = await pollUntil(activeText, (texts) => texts.length === 0, 2_500);
    expect(ok).toBe(true);
    expect(await reveal('al-pacino')).toEqual({ index: 1, total: 2 });
    // An entity not on the page: nothing to reveal (the answer arrives as null or undefined).
    expect((await reveal('heat-2')) ?? null).toBeNull();
  });
});

describe('the card’s essay actions', () => {
  it('"More from the essay" expands the cited paragraph in place, the name in bold', async () => {
    await closeCard();
    await page.evaluate(() => window.scrollTo(0, 0));
    await step('next'); // Michael Mann
    await step('next'); // Al Pacino
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const before = (await readCard(page))!.rect;
    const more = page.locator('heat-notes-ui').getByRole('button', { name: 'More from the essay' });
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const passage = page.locator('heat-notes-ui .hn-card__passage');
    await passage.locator('strong').first().waitFor({ timeout: 3_000 });
    const bold = await passage.locator('strong').allTextContents();
    expect(bold.length).toBeGreaterThan(0);
    for (const word of bold) expect(['Al Pacino', 'Pacino']).toContain(word);
    expect(await passage.locator('mark').count()).toBe(1);
    expect((await passage.textContent())!.length).toBeGreaterThan(300);
    // The card grew to show it (where the window has room), and the quoted words are in sight.
    const { card } = await waitForCard(page, (c) => c?.entity === 'al-pacino' && c.rect.height > before.height + 100);
    expect(card!.rect.height, `card ${before.height} → ${card!.rect.height} px`).toBeGreaterThan(before.height + 100);
    expect(card!.rect.top).toBe(before.top);
    expectInsideViewport(card!);
    const quote = await page.evaluate(() => {
      const r = document.querySelector('heat-notes-ui')!.shadowRoot!.querySelector('mark')!.getClientRects()[0]!;
      return { top: r.top, bottom: r.bottom };
    });
    expect(quote.top).toBeGreaterThanOrEqual(card!.rect.top);
    expect(quote.bottom).toBeLessThanOrEqual(card!.rect.bottom);
    await screenshot(page, 'card-more-from-essay');
  });

  it('an open card has no serious or critical accessibility violation (axe)', async () => {
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const results = await new AxeBuilder({ page }).include('heat-notes-ui').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The audit did look at the card.
    expect(results.passes.length + results.violations.length).toBeGreaterThan(5);
  });

  it('"Read in the essay" opens the essay at the cited paragraph in a new tab', async () => {
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const read = page.locator('heat-notes-ui').getByRole('button', { name: /Read in the essay/ });
    const [essay] = await Promise.all([browser.context.waitForEvent('page', { timeout: 10_000 }), read.click()]);
    await essay.waitForLoadState('domcontentloaded');
    const url = new URL(essay.url());
    expect(url.protocol).toBe('chrome-extension:');
    expect(url.pathname).toBe('/essay.html');
    expect(url.hash).toMatch(/^#p\d+$/);
    expect(url.searchParams.get('quote')).toContain('Pacino');
    await essay.close();
  });
});
