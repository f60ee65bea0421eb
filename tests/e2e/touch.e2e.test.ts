/**
 * On a phone (issue 14): Chromium with touch emulation (`hasTouch`, `isMobile`, a 360 × 740 viewport).
 * A tap on a marked name opens its card as a bottom sheet, whatever the trigger setting; the sheet
 * keeps the contract's `data-entity` box inside the viewport, has a close button of at least 44 px,
 * and closes on that button, a tap outside and a swipe down its header. A tap on a name inside a link
 * follows the link; a long press opens that name's card instead. The sheet is axe-clean, in both
 * palettes. The popup, the essay and the options page fit 360 px without sideways scrolling, and
 * every control on them is at least 44 px in both directions (inline links in running text excepted:
 * WCAG 2.5.8's inline exception). The browser reports a coarse pointer without hover, as a phone does
 * (`launchWithExtension`'s `hasTouch`).
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import {
  clearSettings,
  delay,
  launchWithExtension,
  openFixture,
  openPopupBeside,
  readCard,
  screenshot,
  startFixtureServer,
  storeSettings,
  textBox,
  waitForCard,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { isClosed, isOpenFor } from './card-look';

const PHONE = { width: 360, height: 740 } as const;
/** Android's long press is 400–500 ms; this is comfortably past ours (LONG_PRESS_MS). */
const LONG_PRESS_HOLD_MS = 800;
/** The least size of a touch target, both ways (WCAG 2.5.5, Apple's and Android's guidelines). */
const MIN_TARGET_PX = 44;

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ viewport: PHONE, hasTouch: true, isMobile: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


/** Where the Nth `text` inside `within` is, scrolled to the middle of the viewport: the centre of its first line. */
async function centreOf(page: Page, text: string, within: string): Promise<{ x: number; y: number }> {
  const box = await textBox(page, text, { within });
  return { x: box.rect.left + box.rect.width / 2, y: box.rect.top + box.rect.height / 2 };
}

async function tapOn(page: Page, text: string, within: string): Promise<void> {
  const { x, y } = await centreOf(page, text, within);
  await page.touchscreen.tap(x, y);
}

/** The sheet as a user sees it: its box, its close button and header, and what has focus. */
async function readSheet(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('heat-notes-ui')?.shadowRoot;
    const popover = root?.querySelector('.hn-popover');
    const card = root?.querySelector('[data-entity]');
    if (!root || !popover || !card) return null;
    const rect = (element: Element | null | undefined) => {
      const r = element?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null;
    };
    const close = root.querySelector('.hn-card__close');
    return {
      sheet: popover.classList.contains('hn-sheet'),
      card: rect(card),
      close: rect(close),
      closeName: close?.getAttribute('aria-label') ?? '',
      head: rect(root.querySelector('.hn-card__head')),
      focused: root.activeElement?.localName ?? '',
      dialogLabelled: popover.getAttribute('role') === 'dialog' && !!root.getElementById(popover.getAttribute('aria-labelledby') ?? '')?.textContent,
      overflowY: getComputedStyle(card).overflowY,
      animations: card.getAnimations().length,
    };
  });
}

async function cdpOf(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** A finger held still at (x, y) for `ms`, then lifted. */
async function longPress(page: Page, x: number, y: number, ms = LONG_PRESS_HOLD_MS): Promise<void> {
  const cdp = await cdpOf(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await delay(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A finger dragged from one point to another in `steps` moves over about `ms`. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 8, ms = 200): Promise<void> {
  const cdp = await cdpOf(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let step = 1; step <= steps; step++) {
    await delay(ms / steps);
    const at = { x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Until the sheet's short opening animation is over (the document's list leaves out shadow trees). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('heat-notes-ui')?.shadowRoot;
    const animations = [...document.getAnimations(), ...(root?.getAnimations() ?? [])];
    return animations.every((a) => a.playState !== 'running');
  });
}

/** Opens a page on touch.html and taps "Al Pacino" until his sheet is open. */
async function openPacinoSheet(): Promise<Page> {
  const { page } = await openFixture(browser, server, 'touch.html');
  await tapOn(page, 'Al Pacino', '#leads');
  const { ok, card } = await waitForCard(page, isOpenFor('al-pacino'));
  expect(ok, `no sheet after a tap: ${JSON.stringify(card)}`).toBe(true);
  await settled(page);
  return page;
}

afterEach(async () => {
  await clearSettings(browser);
  for (const page of browser.context.pages()) if (page.url().startsWith(server.origin)) await page.close();
});

describe('a tap on a marked name, on a phone', () => {
  it('opens its card as a bottom sheet: full width, inside the viewport, a 44 px close button, focus on its heading', async () => {
    const page = await openPacinoSheet();
    const card = (await readCard(page))!;
    expect(card.count).toBe(1);
    expect(card.hosts).toBe(1);
    expect(card.text).toContain('Al Pacino');
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    expect(card.rect.width).toBeGreaterThanOrEqual(card.viewport.width - 1);
    expect(card.rect.bottom).toBeGreaterThanOrEqual(card.viewport.height - 1);
    expect(card.rect.height).toBeLessThanOrEqual(card.viewport.height * 0.7 + 1);

    const sheet = (await readSheet(page))!;
    expect(sheet.sheet).toBe(true);
    expect(sheet.dialogLabelled).toBe(true);
    expect(sheet.overflowY).toBe('auto');
    expect(sheet.closeName).toBe('Close');
    expect(sheet.close!.width).toBeGreaterThanOrEqual(MIN_TARGET_PX);
    expect(sheet.close!.height).toBeGreaterThanOrEqual(MIN_TARGET_PX);
    expect(sheet.close!.right).toBeLessThanOrEqual(PHONE.width);
    expect(sheet.focused).toBe('h2');
    expect(page.url()).toBe(server.url('touch.html'));
    await screenshot(page, 'touch-sheet-al-pacino');
  });

  it('keeps focus on its heading when it opens at once, the card already fetched (the tap’s mouse events follow)', async () => {
    const page = await openPacinoSheet();
    await page.keyboard.press('Escape');
    expect((await waitForCard(page, isClosed)).ok).toBe(true);
    for (let tap = 0; tap < 3; tap++) {
      await tapOn(page, 'Al Pacino', '#leads');
      expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
      await delay(150); // past the click the tap makes
      expect((await readSheet(page))!.focused, `tap ${tap + 2}`).toBe('h2');
      await page.keyboard.press('Escape');
      expect((await waitForCard(page, isClosed)).ok).toBe(true);
    }
  });

  it('its close button closes it', async () => {
    const page = await openPacinoSheet();
    const { close } = (await readSheet(page))!;
    await page.touchscreen.tap(close!.left + close!.width / 2, close!.top + close!.height / 2);
    const { ok, card } = await waitForCard(page, isClosed);
    expect(ok, `still open: ${JSON.stringify(card)}`).toBe(true);
  });

  it('a tap outside it closes it', async () => {
    const page = await openPacinoSheet();
    // Bring a paragraph without names to the top of the viewport, above the sheet, and tap its first line.
    await page.evaluate(() => document.getElementById('quiet')!.scrollIntoView({ block: 'start' }));
    const { x, y } = await page.evaluate(() => {
      const r = document.getElementById('quiet')!.getClientRects()[0]!;
      return { x: r.left + 40, y: r.top + 10 };
    });
    expect((await readCard(page))?.entity).toBe('al-pacino'); // the page scrolled behind it
    await page.touchscreen.tap(x, y);
    const { ok, card } = await waitForCard(page, isClosed);
    expect(ok, `still open: ${JSON.stringify(card)}`).toBe(true);
  });

  it('a swipe down its header closes it; a short slow drag does not', async () => {
    const page = await openPacinoSheet();
    const { head } = (await readSheet(page))!;
    const from = { x: head!.left + head!.width / 2 - 60, y: head!.top + 10 };
    await drag(page, from, { x: from.x, y: from.y + 20 }, 4, 400);
    await delay(300);
    expect((await readCard(page))?.entity, 'a 20 px drag closed the sheet').toBe('al-pacino');
    await drag(page, from, { x: from.x + 6, y: from.y + 180 });
    const { ok, card } = await waitForCard(page, isClosed);
    expect(ok, `still open after a swipe down: ${JSON.stringify(card)}`).toBe(true);
  });

  it('Escape closes it too (a keyboard attached to the tablet)', async () => {
    const page = await openPacinoSheet();
    await page.keyboard.press('Escape');
    expect((await waitForCard(page, isClosed)).ok).toBe(true);
  });

  it('opens with no slide under reduced motion', async () => {
    const { page } = await openFixture(browser, server, 'touch.html');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tapOn(page, 'Al Pacino', '#leads');
    expect((await waitForCard(page, isOpenFor('al-pacino'))).ok).toBe(true);
    expect((await readSheet(page))!.animations).toBe(0);
  });

  it.each(['click', 'modifier', 'hover'])('opens the card with the trigger set to "%s"', async (trigger) => {
    await storeSettings(browser, { trigger, modifierKey: 'Shift' });
    const { page } = await openFixture(browser, server, 'touch.html');
    await tapOn(page, 'Michael Mann', '#mann');
    const { ok, card } = await waitForCard(page, isOpenFor('michael-mann'));
    expect(ok, `trigger ${trigger}: ${JSON.stringify(card)}`).toBe(true);
    expect(card!.count).toBe(1);
  });
});

describe('a name inside a link, on a phone', () => {
  it('a tap follows the link, and opens no card', async () => {
    const { page } = await openFixture(browser, server, 'touch.html');
    await tapOn(page, 'Val Kilmer', '#linked');
    await page.waitForURL(server.url('review.html'), { timeout: 5_000 });
    expect(await readCard(page)).toBeNull();
  });

  it('a long press opens its card and stays on the page', async () => {
    const { page } = await openFixture(browser, server, 'touch.html');
    const { x, y } = await centreOf(page, 'Val Kilmer', '#linked');
    await longPress(page, x, y);
    const { ok, card } = await waitForCard(page, isOpenFor('val-kilmer'));
    expect(ok, `no card after a long press: ${JSON.stringify(card)}`).toBe(true);
    await delay(600); // a navigation would have started by now
    expect(page.url()).toBe(server.url('touch.html'));
    expect((await readCard(page))?.entity).toBe('val-kilmer');
  });
});

describe('the sheet is accessible', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds nothing serious in the sheet, ${scheme}`, async () => {
      const { page } = await openFixture(browser, server, 'touch.html');
      await page.emulateMedia({ colorScheme: scheme });
      await tapOn(page, 'Robert De Niro', '#leads');
      expect((await waitForCard(page, isOpenFor('robert-de-niro'))).ok).toBe(true);
      await settled(page);
      const results = await new AxeBuilder({ page })
        .include('heat-notes-ui')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      await screenshot(page, `touch-sheet-${scheme}`);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// The extension's pages at 360 × 740

interface PageFit {
  scrollWidth: number;
  innerWidth: number;
  small: string[];
  inlineExempt: number;
}

/**
 * Whether a page fits the phone: no sideways scrolling, and every control a finger can reach at least
 * 44 × 44 px. An input inside (or named by) a label counts with its label, which is what the finger
 * hits. A link or control set inline in running text is exempt (WCAG 2.5.8's inline exception), and
 * counted, so that the exemption stays visible.
 */
function measureFit(page: Page, minPx: number): Promise<PageFit> {
  return page.evaluate((min) => {
    const small: string[] = [];
    let inlineExempt = 0;
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="switch"], [role="button"]';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(element);
      let r = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || (r.width === 0 && r.height === 0)) continue;
      if (element.closest('[hidden], [inert]')) continue;
      // Visually hidden until focused (a skip link, moved off screen or clipped to a pixel): not a target then.
      if (r.right <= 0 || r.bottom <= 0 || (r.width <= 1 && r.height <= 1)) continue;
      if (r.width >= min && r.height >= min) continue;
      const label = element instanceof HTMLInputElement ? (element.labels?.[0] ?? null) : null;
      if (label) {
        const l = label.getBoundingClientRect();
        if (l.width >= min && l.height >= min) continue;
        r = l;
      }
      const block = element.parentElement?.closest('p, li, dd, td, blockquote, figcaption');
      const ownText = (element.textContent ?? '').trim().length;
      if (style.display === 'inline' && block && (block.textContent ?? '').trim().length > ownText + 12) {
        inlineExempt++;
        continue;
      }
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      const where = element.id ? `#${element.id}` : `.${[...element.classList].join('.')}`;
      small.push(`${element.localName}${where} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, small, inlineExempt };
  }, minPx);
}

function expectFits(fit: PageFit): void {
  expect(fit.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(fit.innerWidth);
  expect(fit.small, 'targets smaller than 44 px').toEqual([]);
}

describe('the extension’s pages at 360 × 740', () => {
  it('popup.html, listing a page’s names', async () => {
    const { page } = await openFixture(browser, server, 'touch.html');
    const popup = await openPopupBeside(browser, page);
    await popup.setViewportSize(PHONE);
    await popup.waitForSelector('.otp[data-state="found"]', { timeout: 15_000 });
    await delay(300);
    const fit = await measureFit(popup, MIN_TARGET_PX);
    await screenshot(popup, 'touch-popup');
    expectFits(fit);
    await popup.close();
  });

  it('essay.html', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('essay.html'));
    await page.waitForSelector('[id="p1"]');
    await delay(300);
    const fit = await measureFit(page, MIN_TARGET_PX);
    await screenshot(page, 'touch-essay');
    expectFits(fit);
    await page.close();
  });

  it('options.html', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.waitForLoadState('load');
    await delay(400);
    const fit = await measureFit(page, MIN_TARGET_PX);
    await screenshot(page, 'touch-options');
    expectFits(fit);
    await page.close();
  });
});
