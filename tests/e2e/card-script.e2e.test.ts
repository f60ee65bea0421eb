/**
 * The card's own script and its placement. The content script that runs in every page carries no
 * card: it imports `card-ui.js` (Preact, the card, Floating UI) the first time a card opens, from a
 * web-accessible URL that changes every session, so a page can neither see it load nor probe for it.
 * Floating UI then places the card by the line under the pointer when a name wraps, follows the name
 * when a scrolling box around it scrolls, and closes the card when the box hides the name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  NEUTRAL_POINT,
  getMentions,
  launchWithExtension,
  pollUntil,
  readCard,
  restPointerOn,
  screenshot,
  startFixtureServer,
  waitForCard,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { expectInsideViewport, isClosed, isOpenFor } from './card-look';

type Box = { left: number; top: number; right: number; bottom: number };

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;
let cdp: CDPSession;
/** Every script the page's renderer has parsed, in any world (the content script's included). */
const parsed: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  cdp = await browser.context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', (event) => parsed.push(event.url));
  await cdp.send('Debugger.enable');
  await page.goto(server.url('card-placement.html'), { waitUntil: 'load' });
  await getMentions(browser, page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cardScripts = () => parsed.filter((url) => url.endsWith('/card-ui.js'));
const pageCardScripts = () => parsed.filter((url) => url.endsWith('/page-cards.js'));
/**
 * Parsed scripts, once the renderer's report of them is in. It comes over this page's own DevTools
 * session, while the answers and the card's state come over others, so it can arrive a moment after
 * them (measured: up to a millisecond after the `mentions/get` answer, in 7 of 40 loads).
 */
const parsedSoon = (scripts: () => string[]) => expect.poll(() => scripts().length, { timeout: 2_000 });

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The line boxes of the first occurrence of `text` inside `selector`. */
function lineBoxes(text: string, selector: string): Promise<Box[]> {
  return page.evaluate(
    ({ text, selector }) => {
      const node = document.querySelector(selector)!.firstChild as Text;
      const start = node.data.indexOf(text);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    },
    { text, selector },
  );
}

async function closeCard(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
  expect((await waitForCard(page, isClosed)).ok).toBe(true);
}

describe("the card's script", () => {
  it('is loaded when the first card opens, not before, and only once', async () => {
    // The content script itself shows up: this watch sees the extension's world.
    expect(parsed.some((url) => url.endsWith('/content-scripts/content.js'))).toBe(true);
    expect(cardScripts()).toEqual([]);
    // What opens cards was loaded with the page's first mention (the next test).
    await parsedSoon(pageCardScripts).toBe(1);

    await restPointerOn(page, 'Al Pacino', { within: '#box' });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    await parsedSoon(cardScripts).toBe(1);
    await closeCard();
    await restPointerOn(page, 'Al Pacino', { within: '#box' });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    expect(cardScripts()).toHaveLength(1);
    expect(pageCardScripts()).toHaveLength(1);
    await closeCard();
  });

  it('cannot be fetched by a page at the extension’s address, and its load is not in the page’s resource timings', async () => {
    expect(cardScripts()).toHaveLength(1); // loaded by now (the test above)
    // A page that knows Heat Notes' id still can't tell it is installed: the file answers only at the
    // session's dynamic address, which only the extension knows.
    for (const script of ['card-ui.js', 'page-cards.js']) {
      const probe = await page.evaluate(async (url) => {
        try {
          await fetch(url);
          return 'found';
        } catch {
          return 'refused';
        }
      }, browser.extensionUrl(script));
      expect(probe, script).toBe('refused');
    }
    const seen = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(seen.filter((name) => name.includes('card-ui') || name.includes('page-cards'))).toEqual([]);
  });
});

describe("the cards' script", () => {
  it('is not even compiled on a page without our names, where the card-placement page loaded it with its first mention', async () => {
    const plain = await browser.context.newPage();
    const plainCdp = await browser.context.newCDPSession(plain);
    const plainParsed: string[] = [];
    plainCdp.on('Debugger.scriptParsed', (event) => plainParsed.push(event.url));
    await plainCdp.send('Debugger.enable');
    await plain.goto(server.url('recipe.html'), { waitUntil: 'load' });
    // Answered once the page is read and, had it a mention, once the cards were listening.
    expect((await getMentions(browser, plain)).mentions).toEqual([]);
    expect(plainParsed.some((url) => url.endsWith('/content-scripts/content.js'))).toBe(true);
    expect(plainParsed.filter((url) => url.endsWith('/page-cards.js') || url.endsWith('/card-ui.js'))).toEqual([]);
    expect(pageCardScripts()).toHaveLength(1);
    await plain.close();
  });
});

describe('placement by Floating UI', () => {
  it('puts the card of a name that wraps by the line under the pointer, covering neither line', async () => {
    const lines = await lineBoxes('Michael Mann', '#wrap');
    expect(lines, 'the fixture wraps "Michael Mann" over two lines').toHaveLength(2);
    const [first, second] = lines as [Box, Box];
    expect(second.top).toBeGreaterThanOrEqual(first.bottom - 1);

    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    await page.mouse.move((second.left + second.right) / 2, (second.top + second.bottom) / 2, { steps: 3 });
    const { card, ok } = await waitForCard(page, isOpenFor('michael-mann'));
    expect(ok, JSON.stringify(card)).toBe(true);
    expectInsideViewport(card!);
    expect(overlaps(card!.rect, first)).toBe(false);
    expect(overlaps(card!.rect, second)).toBe(false);
    expect(card!.rect.top).toBeGreaterThanOrEqual(second.bottom); // below the line under the pointer
    await screenshot(page, 'card-placement-wrapped');
    await closeCard();

    await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, { steps: 3 });
    const onFirst = await waitForCard(page, isOpenFor('michael-mann'));
    expect(onFirst.ok).toBe(true);
    expect(overlaps(onFirst.card!.rect, first)).toBe(false);
    expect(onFirst.card!.rect.top).toBeGreaterThanOrEqual(first.bottom);
    expect(onFirst.card!.rect.top).toBeLessThan(second.bottom); // by the first line, not below the name's box
    await closeCard();
  });

  it('follows its name as a scrolling box scrolls, and closes once the box hides the name', async () => {
    await restPointerOn(page, 'Al Pacino', { within: '#box' });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    await page.keyboard.press('p'); // pinned: only the name leaving view may close it now
    const before = (await readCard(page))!.rect.top;

    await page.evaluate(() => (document.querySelector('#box')!.scrollTop += 20));
    const moved = await pollUntil(
      () => readCard(page),
      (card) => card !== null && Math.abs(card.rect.top - (before - 20)) <= 1,
      1_000,
    );
    expect(moved.ok, `card top ${moved.value?.rect.top}, expected ${before - 20}`).toBe(true);
    await screenshot(page, 'card-placement-scroll-box');

    // Scrolled on until the name is above the box's visible part, while the box stays in the window.
    await page.evaluate(() => (document.querySelector('#box')!.scrollTop = 400));
    const boxTop = await page.evaluate(() => document.querySelector('#box')!.getBoundingClientRect().top);
    expect(boxTop).toBeGreaterThanOrEqual(0);
    const { ok, card } = await waitForCard(page, isClosed, 1_000);
    expect(ok, `still open: ${JSON.stringify(card)}`).toBe(true);
  });
});
