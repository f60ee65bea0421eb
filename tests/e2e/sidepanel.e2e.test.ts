/**
 * "Read alongside" (issue 15): Heat Notes in the browser's side panel, following the page the reader is
 * on. The panel document (`sidepanel.html`, Chrome's `side_panel.default_path`) lists "On this page"
 * for the active tab and holds the whole essay; a card opening on the page scrolls the essay to the
 * paragraph it cites and marks the quoted words; a name chosen in the list steps the page to it.
 *
 * How the panel is opened here: headless Chromium draws no browser UI, so no real side panel can be
 * shown, and `sidePanel.open` needs a user gesture Playwright cannot make. The panel's page is opened
 * instead as a tab of its own in the same window as the fixture pages (the test checks that it is the
 * same window). It is the same document with the same code: it follows the active tab of its window
 * (`tabs.onActivated`, `tabs.onUpdated`, the content scripts' `mentions/changed` and `card/shown`), and
 * while it is itself the tab in front it keeps showing the last page, as it would beside it. Pages are
 * brought to the front with `page.bringToFront()`, which makes them the active tab, as a click on a
 * tab would.
 *
 * The panel is a background tab while a page is in front: Chromium does not animate a hidden page's
 * smooth scrolling, so the panel's reduced-motion preference is on for the scrolling test (the essay
 * then jumps, as it does for a reader who asked for less motion), and a hidden page's timers run at
 * most once a second, so waits here are generous (a real side panel is visible and not throttled).
 */
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATALOG, isEntityId } from '../../data/catalog';
import {
  getMentions,
  inWorker,
  launchWithExtension,
  openFixture,
  pollUntil,
  restPointerOn,
  screenshot,
  startFixtureServer,
  waitForCard,
  type ExtensionBrowser,
  type FixtureServer,
  type MentionsResponse,
  openPopupBeside,
} from './harness';

/** Chrome's side panel at its default width, in a window of a laptop's height. */
const PANEL_SIZE = { width: 380, height: 800 } as const;
const PAGE_SIZE = { width: 960, height: 800 } as const;

interface ChromeApi {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; windowId?: number }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  windows: { getCurrent(): Promise<{ id?: number }> };
  runtime: { getContexts(filter: object): Promise<Array<{ documentUrl?: string; windowId: number }>> };
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let review: Page;
let reviewFound: MentionsResponse;
let spa: Page;
let spaFound: MentionsResponse;
let panel: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ viewport: PAGE_SIZE });
  ({ page: review, found: reviewFound } = await openFixture(browser, server, 'review.html'));
  ({ page: spa, found: spaFound } = await openFixture(browser, server, 'spa.html'));
  panel = await browser.context.newPage();
  await panel.setViewportSize(PANEL_SIZE);
  await panel.goto(browser.extensionUrl('sidepanel.html'));
  await panel.waitForSelector('.hn-essay__para');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The entities the panel lists, every one (past "Show all" too), once it has read a page. */
async function panelNames(): Promise<string[]> {
  const more = panel.locator('.otp__more');
  if (await more.count()) await more.click();
  return panel.locator('.otp__entry').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-entity-ref') ?? '').sort());
}

function namesOf(found: MentionsResponse): string[] {
  return [...new Set(found.mentions.map((m) => m.entity))].sort();
}

/** Polls until the panel lists exactly `expected`; returns what it listed last. */
async function waitForNames(expected: string[]): Promise<string[]> {
  const { value } = await pollUntil(
    async () => ((await panel.locator('.otp').getAttribute('data-state')) === 'found' ? panelNames() : []),
    (names) => JSON.stringify(names) === JSON.stringify(expected),
    15_000,
    100,
  );
  return value;
}

/** The passage a card for `entity` cites first: its first fact a reader without spoilers sees. */
function firstCited(entity: string): { paragraph: string; quote: string } {
  if (!isEntityId(entity)) throw new Error(`unknown entity ${entity}`);
  const fact = CATALOG[entity].facts.find((f) => !f.spoiler)!;
  return fact.cite;
}

/** Where the panel's essay stands: the quoted words marked (if any), and whether their paragraph is in view. */
async function panelQuote(): Promise<{ paragraph: string; quote: string; inView: boolean } | null> {
  return panel.evaluate(() => {
    const mark = document.querySelector<HTMLElement>('.hn-essay .hn-quote');
    const paragraph = mark?.closest<HTMLElement>('.hn-essay__para');
    if (!mark || !paragraph) return null;
    const bar = document.querySelector('.panel__bar')!.getBoundingClientRect().bottom;
    const box = mark.getBoundingClientRect();
    return { paragraph: paragraph.id, quote: mark.textContent ?? '', inView: box.top >= bar - 1 && box.bottom <= window.innerHeight + 1 };
  });
}

describe('the panel follows the page the reader is on', () => {
  it('is a page of the fixtures’ window, which it follows', async () => {
    const windows = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const own = (await api.windows.getCurrent()).id;
      const tabs = await api.tabs.query({});
      return { own, all: [...new Set(tabs.map((tab) => tab.windowId))] };
    });
    expect(windows.all).toEqual([windows.own]);
  });

  it('lists the names of the tab in front, and another tab’s when the reader switches', async () => {
    expect(namesOf(reviewFound).length).toBeGreaterThan(3);
    await review.bringToFront();
    expect(await waitForNames(namesOf(reviewFound))).toEqual(namesOf(reviewFound));
    await spa.bringToFront();
    expect(await waitForNames(namesOf(spaFound))).toEqual(namesOf(spaFound));
    // The panel in front (here, a tab; beside the page, never): it keeps the last page's list.
    await panel.bringToFront();
    expect(await panelNames()).toEqual(namesOf(spaFound));
    await review.bringToFront();
    expect(await waitForNames(namesOf(reviewFound))).toEqual(namesOf(reviewFound));
  });

  it('lists a name the page adds later (text loaded as the reader scrolls)', async () => {
    await review.bringToFront();
    expect(await waitForNames(namesOf(reviewFound))).not.toContain('natalie-portman');
    await review.evaluate(() => {
      const added = document.createElement('p');
      added.textContent = 'Natalie Portman, still a child then, plays the stepdaughter.';
      document.querySelector('#closing')!.after(added);
    });
    const after = await pollUntil(() => getMentions(browser, review), (found) => namesOf(found).includes('natalie-portman'), 10_000);
    expect(await waitForNames(namesOf(after.value))).toContain('natalie-portman');
    await review.evaluate(() => document.querySelector('#closing + p')!.remove());
    expect(await waitForNames(namesOf(reviewFound))).not.toContain('natalie-portman');
  });

  it('follows a single-page app to its next route', async () => {
    await spa.bringToFront();
    expect(await waitForNames(namesOf(spaFound))).toEqual(namesOf(spaFound));
    await spa.click('#to-kin');
    const after = await pollUntil(
      () => getMentions(browser, spa),
      (found) => JSON.stringify(namesOf(found)) !== JSON.stringify(namesOf(spaFound)),
      10_000,
    );
    expect(namesOf(after.value).length).toBeGreaterThan(0);
    expect(await waitForNames(namesOf(after.value))).toEqual(namesOf(after.value));
    await screenshot(panel, 'sidepanel-spa-kin');
    await spa.click('#to-film');
    expect(await waitForNames(namesOf(spaFound))).toEqual(namesOf(spaFound));
  });
});

describe('in step with the page', () => {
  beforeAll(async () => {
    await panel.emulateMedia({ reducedMotion: 'reduce' });
  });

  it('a card opened by the pointer scrolls the essay to the paragraph it cites and marks the quoted words', async () => {
    await review.bringToFront();
    await waitForNames(namesOf(reviewFound));
    await panel.evaluate(() => window.scrollTo(0, 0));
    await restPointerOn(review, 'Val Kilmer');
    const card = await waitForCard(review);
    expect(card.card?.entity).toBe('val-kilmer');
    const cited = firstCited('val-kilmer');
    const shown = await pollUntil(panelQuote, (q) => q?.paragraph === cited.paragraph && q.inView, 10_000);
    expect(shown.value).toEqual({ paragraph: cited.paragraph, quote: cited.quote, inView: true });
    await screenshot(review, 'sidepanel-page-card');
    await screenshot(panel, 'sidepanel-following-card');
  });

  it('a card opened from the keyboard does too', async () => {
    await review.bringToFront();
    await review.mouse.move(4, 4);
    await waitForCard(review, (c) => c === null, 2_000);
    await review.evaluate(() => window.scrollTo(0, 0));
    await panel.evaluate(() => window.scrollTo(0, 0));
    const before = await panelQuote();
    // The "next mention" shortcut's message, as the background sends it (commands cannot be pressed in tests).
    await inWorker(
      browser,
      async () => {
        const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        await api.tabs.sendMessage(tab!.id!, { type: 'mentions/step', direction: 'next' }, { frameId: 0 });
      },
      null,
    );
    const card = await waitForCard(review);
    const entity = card.card!.entity;
    expect(entity).toBe(reviewFound.mentions[0]!.entity);
    const cited = firstCited(entity);
    // Another passage than the pointer's card cited: the panel really moved.
    expect(cited.paragraph).not.toBe(before?.paragraph);
    const shown = await pollUntil(panelQuote, (q) => q?.paragraph === cited.paragraph && q.inView, 10_000);
    expect(shown.value).toEqual({ paragraph: cited.paragraph, quote: cited.quote, inView: true });
  });

  it('choosing a name in the panel’s list steps the page to its next mention', async () => {
    await review.bringToFront();
    await review.evaluate(() => window.scrollTo(0, 0));
    const firstIndex = new Map<string, number>();
    reviewFound.mentions.forEach((m, i) => firstIndex.has(m.entity) || firstIndex.set(m.entity, i));
    // The name first met furthest down the page: going to it must scroll.
    const [entity] = [...firstIndex].sort((a, b) => b[1] - a[1])[0]!;
    const total = reviewFound.mentions.filter((m) => m.entity === entity).length;
    await panelNames();
    await panel.locator(`.otp__entry[data-entity-ref="${entity}"]`).click();
    const scrolled = await pollUntil(() => review.evaluate(() => window.scrollY), (y) => y > 50, 3_000);
    expect(scrolled.ok, `the page did not scroll to ${entity}`).toBe(true);
    const status = await pollUntil(() => panel.locator('.otp__status').textContent(), (text) => !!text, 3_000);
    expect(status.value).toContain(`mention 1 of ${total}, shown on the page.`);
    if (total > 1) {
      await panel.locator(`.otp__entry[data-entity-ref="${entity}"]`).click();
      const next = await pollUntil(() => panel.locator('.otp__status').textContent(), (text) => !!text?.includes('mention 2 of'), 3_000);
      expect(next.value).toContain(`mention 2 of ${total}`);
    }
  });

  it('the essay’s own names open their cards in the panel', async () => {
    await panel.locator('[id="p1"] mark[data-entity-ref="al-pacino"]').focus();
    const card = await panel.waitForSelector('.hn-popover [data-entity="al-pacino"], .hn-popover', { timeout: 5_000 });
    expect(await card.textContent()).toContain('Al Pacino');
    await panel.keyboard.press('Escape');
  });
});

describe('looks and accessibility', () => {
  async function audit(): Promise<string[]> {
    await panel.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const results = await new AxeBuilder({ page: panel }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  }

  it.each(['light', 'dark'] as const)('axe finds nothing serious in the %s theme, with the list and a cited passage', async (scheme) => {
    await panel.emulateMedia({ colorScheme: scheme });
    await pollUntil(() => panel.evaluate(() => document.documentElement.dataset.readerTheme), (t) => t === scheme, 3_000);
    // The list may be reading the page again (it does when the page's names or the site's rules
    // change); the audit is of the list as found.
    const state = await pollUntil(() => panel.locator('.otp').getAttribute('data-state'), (s) => s === 'found', 3_000);
    expect(state.value).toBe('found');
    expect(await panelQuote()).not.toBeNull();
    expect(await audit()).toEqual([]);
  });

  it('side by side with the page: a screenshot for the README', async () => {
    await panel.emulateMedia({ colorScheme: 'light' });
    await review.bringToFront();
    await review.evaluate(() => window.scrollTo(0, 0));
    await restPointerOn(review, 'Val Kilmer');
    await waitForCard(review);
    await pollUntil(panelQuote, (q) => q?.paragraph === firstCited('val-kilmer').paragraph && q.inView, 5_000);
    const pageShot = await review.screenshot();
    const panelShot = await panel.screenshot();
    // The two, stitched in a page of their own: the page on the left, a rule, the panel on the right.
    const sheet = await browser.context.newPage();
    await sheet.setViewportSize({ width: PAGE_SIZE.width + 1 + PANEL_SIZE.width, height: PAGE_SIZE.height });
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#888">` +
        `<img src="data:image/png;base64,${pageShot.toString('base64')}" width="${PAGE_SIZE.width}" height="${PAGE_SIZE.height}">` +
        `<div style="width:1px;background:#888"></div>` +
        `<img src="data:image/png;base64,${panelShot.toString('base64')}" width="${PANEL_SIZE.width}" height="${PANEL_SIZE.height}">` +
        `</body>`,
    );
    await sheet.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    // docs/screenshots/read-alongside.png is this picture, copied by hand after looking at it.
    const file = await screenshot(sheet, 'read-alongside');
    await sheet.close();
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
});

describe('"Read alongside" in the popup', () => {
  it('opens the browser’s real side panel, and the popup closes', async () => {
    // Headless Chromium has no side panel to see, but it does make one: the panel's document then exists
    // as an extension context of type SIDE_PANEL (runtime.getContexts; Chromium reports its window as -1).
    const windowOf = async () =>
      inWorker(
        browser,
        async () => {
          const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
          const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          const panels = await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
          return { window: tab!.windowId, panels: panels.map((c) => c.documentUrl ?? '') };
        },
        null,
      );
    const before = await windowOf();
    expect(before.window).toBeDefined();
    expect(before.panels).toEqual([]);
    const popup = await openPopupBeside(browser, review);
    const button = popup.getByRole('button', { name: 'Read alongside' });
    await popup.waitForSelector('.otp[data-state="found"]');
    await screenshot(popup, 'popup-read-alongside');
    await button.click();
    // The context is listed a moment before its document's address is known: wait for the address.
    const after = await pollUntil(windowOf, (state) => state.panels.length > 0 && state.panels.every((url) => url !== ''), 5_000);
    expect(after.value.panels).toEqual([browser.extensionUrl('sidepanel.html')]);
    await pollUntil(async () => popup.isClosed(), (closed) => closed, 3_000);
    expect(popup.isClosed()).toBe(true);
  });
});
