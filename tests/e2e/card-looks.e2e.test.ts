/**
 * Where the card goes and how it looks on awkward pages (issue 4): a card for a name in each corner of
 * a small window lies inside it without covering the name's line; over an open modal dialog it lives
 * in the dialog and Escape closes only the card; on a dark page it is dark; a page that styles
 * everything cannot restyle it, nor does it restyle the page. And when a card must not open: while
 * the user selects text or scrolls. And the safe corridor from the name to its card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  NEUTRAL_POINT,
  delay,
  inWorker,
  launchWithExtension,
  openFixture,
  readCard,
  restPointerOn,
  screenshot,
  startFixtureServer,
  textBox,
  waitForCard,
  type CardState,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { isClosed, isOpenFor } from './card-look';

/** A small window, so that every corner is near a name. */
const VIEWPORT = { width: 800, height: 600 };
/** Long enough for a card to have opened had it been going to (the contract allows 600 ms). */
const NO_CARD_WAIT_MS = 900;

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ viewport: VIEWPORT });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


function expectInsideViewport(card: CardState): void {
  expect(card.rect.width).toBeGreaterThan(0);
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
}

function relativeLuminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Computed styles of the card's parts (inside the shadow root) and of the host. */
function cardStyles(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('heat-notes-ui')!;
    const root = host.shadowRoot!;
    const pick = (element: Element | null, names: string[]) => {
      if (!element) return null;
      const style = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    };
    return {
      host: pick(host, ['display']),
      popover: pick(root.querySelector('.hn-popover'), ['display', 'visibility', 'opacity', 'position']),
      card: pick(root.querySelector('[data-entity]'), [
        'background-color',
        'color',
        'font-size',
        'font-family',
        'font-style',
        'font-weight',
        'letter-spacing',
        'text-transform',
        'direction',
        'display',
        'visibility',
        'max-height',
      ]),
      name: pick(root.querySelector('h2'), ['font-size', 'display', 'color']),
      facts: root.querySelectorAll('li').length,
    };
  });
}

async function writeSettings(settings: object | null): Promise<void> {
  await inWorker(
    browser,
    async (value) => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { sync: { set(o: object): Promise<void>; clear(): Promise<void> } } } }).chrome;
      if (value === null) await chromeApi.storage.sync.clear();
      else await chromeApi.storage.sync.set({ settings: value });
    },
    settings,
  );
  await delay(300); // storage.onChanged reaches the tab
}

describe('a card at each edge of the viewport', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openFixture(browser, server, 'card-edges.html'));
  });

  const corners = [
    ['top left', 'Al Pacino', 'al-pacino'],
    ['top right', 'Robert De Niro', 'robert-de-niro'],
    ['bottom left', 'Val Kilmer', 'val-kilmer'],
    ['bottom right', 'Michael Mann', 'michael-mann'],
  ] as const;

  for (const [corner, text, entity] of corners) {
    it(`${corner}: "${text}" gets a card fully inside the viewport that does not cover its line`, async () => {
      const box = await restPointerOn(page, text, { scroll: false });
      const { card, ok } = await waitForCard(page, isOpenFor(entity));
      expect(ok, JSON.stringify(card)).toBe(true);
      expect(card!.viewport).toEqual(VIEWPORT);
      expectInsideViewport(card!);
      const clear = card!.rect.bottom <= box.rect.top || card!.rect.top >= box.rect.bottom;
      expect(clear, `card ${JSON.stringify(card!.rect)} over line ${JSON.stringify(box.rect)}`).toBe(true);
      await screenshot(page, `card-edge-${corner.replace(' ', '-')}`);
    });
  }

  it('keeps spoilers behind Reveal unless the settings say the user has seen Heat', async () => {
    const revealButton = page.locator('heat-notes-ui').getByRole('button', { name: 'Reveal' });
    await restPointerOn(page, 'Vincent Hanna', { scroll: false });
    expect((await waitForCard(page, isOpenFor('vincent-hanna'))).ok).toBe(true);
    expect(await revealButton.count()).toBe(1);
    const hidden = (await readCard(page))!.text;
    try {
      await writeSettings({ version: 2, spoilersRevealed: true });
      await restPointerOn(page, 'Vincent Hanna', { scroll: false });
      expect((await waitForCard(page, isOpenFor('vincent-hanna'))).ok).toBe(true);
      expect(await revealButton.count()).toBe(0);
      const shown = (await readCard(page))!.text;
      expect(shown).toMatch(/alive/);
      expect(hidden).not.toMatch(/alive/);
    } finally {
      await writeSettings(null);
    }
  });

  it('uses the light palette on a light page', async () => {
    await restPointerOn(page, 'Al Pacino', { scroll: false });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const styles = await cardStyles(page);
    expect(styles.card!['background-color']).toBe('rgb(255, 255, 255)');
  });
});

describe('a card over an open modal dialog', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openFixture(browser, server, 'card-dialog.html'));
  });

  const dialogOpen = () => page.evaluate(() => (document.getElementById('notes') as HTMLDialogElement).open);

  it('opens inside the dialog, above it, and its close button works', async () => {
    await page.click('#open');
    expect(await dialogOpen()).toBe(true);
    await restPointerOn(page, 'Al Pacino', { within: '#in-dialog', scroll: false });
    const { card, ok } = await waitForCard(page, isOpenFor('al-pacino'));
    expect(ok, JSON.stringify(card)).toBe(true);
    expectInsideViewport(card!);
    expect(await page.evaluate(() => document.querySelector('heat-notes-ui')?.parentElement?.id)).toBe('notes');
    // The card is what the browser finds at its own centre: on top of the dialog, not under it.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, {
      x: (card!.rect.left + card!.rect.right) / 2,
      y: (card!.rect.top + card!.rect.bottom) / 2,
    });
    expect(onTop).toBe('heat-notes-ui');
    await screenshot(page, 'card-in-dialog');
    await page.locator('heat-notes-ui').getByRole('button', { name: 'Close', exact: true }).click();
    expect((await waitForCard(page, isClosed, 1_000)).ok).toBe(true);
    expect(await dialogOpen()).toBe(true);
  });

  it('Escape closes the card first, and only the next Escape closes the page’s dialog', async () => {
    await restPointerOn(page, 'Robert De Niro', { within: '#in-dialog', scroll: false });
    expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
    await page.keyboard.press('Escape');
    expect((await waitForCard(page, isClosed, 1_000)).ok).toBe(true);
    await delay(100);
    expect(await dialogOpen()).toBe(true);
    await page.keyboard.press('Escape');
    await delay(200);
    expect(await dialogOpen()).toBe(false);
  });

  it('goes back to the end of <body> once the dialog is closed', async () => {
    await restPointerOn(page, 'Michael Mann', { within: '#outside', scroll: false });
    expect((await waitForCard(page, isOpenFor('michael-mann'))).ok).toBe(true);
    expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('heat-notes-ui');
    expect(await page.evaluate(() => document.querySelectorAll('heat-notes-ui').length)).toBe(1);
  });
});

describe('colours', () => {
  it('is dark on a dark page (theme "system"), and follows an explicit theme', async () => {
    const { page } = await openFixture(browser, server, 'card-dark.html');
    await restPointerOn(page, 'Al Pacino', { scroll: false });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    const dark = await cardStyles(page);
    expect(relativeLuminance(dark.card!['background-color']!)).toBeLessThan(0.05);
    expect(relativeLuminance(dark.card!.color!)).toBeGreaterThan(0.7);
    await screenshot(page, 'card-dark-page');

    try {
      await writeSettings({ version: 2, theme: 'light' });
      await restPointerOn(page, 'Robert De Niro', { scroll: false });
      expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
      expect((await cardStyles(page)).card!['background-color']).toBe('rgb(255, 255, 255)');

      await page.goto(server.url('card-edges.html'));
      await writeSettings({ version: 2, theme: 'dark' });
      await restPointerOn(page, 'Al Pacino', { scroll: false });
      expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
      expect(relativeLuminance((await cardStyles(page)).card!['background-color']!)).toBeLessThan(0.05);
    } finally {
      await writeSettings(null);
      await page.close();
    }
  });
});

describe('a page that styles everything', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openFixture(browser, server, 'card-hostile.html'));
  });

  it('cannot hide or restyle the card', async () => {
    await restPointerOn(page, 'Al Pacino', { scroll: false });
    const { card, ok } = await waitForCard(page, isOpenFor('al-pacino'));
    expect(ok, JSON.stringify(card)).toBe(true);
    expectInsideViewport(card!);
    expect(card!.rect.width).toBeGreaterThanOrEqual(220);
    expect(card!.rect.height).toBeGreaterThan(150);
    expect(card!.text).toContain('Al Pacino');
    const styles = await cardStyles(page);
    expect(styles.host).toEqual({ display: 'contents' });
    expect(styles.popover).toMatchObject({ display: 'block', visibility: 'visible', opacity: '1', position: 'fixed' });
    expect(styles.card).toMatchObject({
      'background-color': 'rgb(255, 255, 255)',
      color: 'rgb(29, 33, 38)',
      'font-size': '14.5px',
      'font-style': 'normal',
      'font-weight': '400',
      'letter-spacing': 'normal',
      'text-transform': 'none',
      direction: 'ltr',
      display: 'block',
      visibility: 'visible',
    });
    expect(styles.card!['font-family']).toMatch(/^system-ui/);
    // The page's `--hn-card-max-height: 12px` did not get in: the card is as tall as it needs.
    expect(styles.card!['max-height']).not.toBe('12px');
    expect(styles.name).toMatchObject({ 'font-size': '17px', display: 'block' });
    expect(styles.facts).toBeGreaterThan(0);
    await screenshot(page, 'card-hostile-page');
  });

  it('does not restyle the page: its own element with our class name keeps the page’s look', async () => {
    const look = await page.evaluate(() => {
      const style = getComputedStyle(document.getElementById('lookalike')!);
      return { radius: style.borderRadius, position: style.position, background: style.backgroundColor, font: style.fontSize };
    });
    expect(look).toEqual({ radius: '0px', position: 'static', background: 'rgba(0, 0, 0, 0)', font: '28px' });
  });
});

describe('when no card opens, and the way to the card', () => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openFixture(browser, server, 'card-keyboard.html'));
  });

  it('not while text is selected', async () => {
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('first')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const box = await restPointerOn(page, 'Al Pacino', { within: '#second' });
    await delay(NO_CARD_WAIT_MS);
    expect(await readCard(page)).toBeNull();
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.mouse.move(box.x + 2, box.y);
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
  });

  it('not while a pointer button is held', async () => {
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    expect((await waitForCard(page, isClosed, 1_500)).ok).toBe(true);
    const box = await textBox(page, 'Robert De Niro', { within: '#second' });
    await page.mouse.down();
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await delay(NO_CARD_WAIT_MS);
    expect(await readCard(page)).toBeNull();
    await page.mouse.up();
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.mouse.move(box.x + 2, box.y);
    expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
  });

  it('not while the page scrolls under the pointer; once it settles, it does', async () => {
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    expect((await waitForCard(page, isClosed, 1_500)).ok).toBe(true);
    const box = await textBox(page, 'Al Pacino', { within: '#second' });
    await page.mouse.move(box.x, box.y);
    // Keep scrolling a pixel up and down, and the pointer moving, for longer than a card takes to open.
    const started = Date.now();
    for (let i = 0; Date.now() - started < NO_CARD_WAIT_MS; i++) {
      await page.evaluate((dy) => window.scrollBy(0, dy), i % 2 === 0 ? 1 : -1);
      await page.mouse.move(box.x + (i % 3), box.y);
      await delay(40);
      expect(await readCard(page)).toBeNull();
    }
    const { ok, elapsedMs } = await waitForCard(page, isOpenFor('al-pacino'), 1_500);
    expect(ok, `no card ${elapsedMs} ms after scrolling stopped`).toBe(true);
  });

  it('stays open while the pointer travels slowly to it through the safe corridor', async () => {
    const box = await restPointerOn(page, 'Al Pacino', { within: '#second', scroll: false });
    const { card } = await waitForCard(page, isOpenFor('al-pacino'));
    expect(card!.rect.top).toBeGreaterThanOrEqual(box.rect.bottom); // below the name
    // From the name's bottom edge, down and to the right into the card, crossing the gap between
    // them so slowly that the pointer is on neither for well over the close delay.
    const from = { x: box.x, y: box.rect.bottom - 1 };
    await page.mouse.move(from.x, from.y);
    const to = { x: box.x + 60, y: card!.rect.top + 4 };
    const steps = 12;
    let offBoth = 0;
    for (let i = 1; i <= steps; i++) {
      const y = from.y + ((to.y - from.y) * i) / steps;
      await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, y);
      await delay(100);
      if (y > box.rect.bottom + 1 && y < card!.rect.top) offBoth += 100;
    }
    expect(offBoth).toBeGreaterThanOrEqual(500);
    await delay(500);
    expect((await readCard(page))?.entity).toBe('al-pacino');
  });

  it('closes when the pointer leaves the mention slowly any other way', async () => {
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    expect((await waitForCard(page, isClosed, 1_500)).ok).toBe(true);
    const box = await restPointerOn(page, 'Al Pacino', { within: '#second', scroll: false });
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    // Leftwards along the line, at the same pace.
    for (let i = 1; i <= 16; i++) {
      await page.mouse.move(box.rect.left - 3 * i, box.y);
      await delay(70);
    }
    expect((await waitForCard(page, isClosed, 800)).ok).toBe(true);
  });
});
