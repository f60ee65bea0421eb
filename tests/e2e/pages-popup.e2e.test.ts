/**
 * The popup's "On this page": it asks the active tab's top frame (`mentions/get`) and lists the names
 * found, with counts, most mentioned first; choosing one makes the page scroll to it
 * (`mentions/reveal`). A tab without a content script gets a plain reason instead.
 *
 * How the popup is made to "see" a page: a real popup asks `tabs.query({ active: true, currentWindow:
 * true })`, i.e. the tab that was in front when it opened. Opened with `page.goto`, popup.html would be
 * that tab itself. So the test opens popup.html as a *background* tab in the page's window
 * (`chrome.tabs.create({ active: false, windowId })` from the service worker): the page stays the active
 * tab of the popup's window, exactly as under a real popup, and the popup runs its own, unchanged
 * query. Playwright drives a background tab like any other, and the page, being the visible tab, scrolls
 * as it would for a user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  inWorker,
  launchWithExtension,
  openFixture,
  pollUntil,
  readHighlights,
  screenshot,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
  type MentionsResponse,
  openPopupBeside,
} from './harness';

interface TabsApi {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; windowId?: number; index?: number }>>;
    create(props: object): Promise<{ id?: number }>;
  };
  storage: { session: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
}


let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The id of `page`'s tab: it is brought to the front and read as the active tab. */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return inWorker(
    browser,
    async () => {
      const chromeApi = (globalThis as unknown as { chrome: TabsApi }).chrome;
      const [tab] = await chromeApi.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    },
    null,
  );
}

async function settledState(popup: Page): Promise<string> {
  const { value } = await pollUntil(
    () => popup.locator('.otp').getAttribute('data-state'),
    (state) => state !== null && state !== 'loading' && state !== 'page-loading',
    15_000,
    50,
  );
  return value ?? '';
}

/** Waits for the section to reach `state` (a change the test just caused); returns where it ended. */
async function waitForState(popup: Page, state: string): Promise<string> {
  const { value } = await pollUntil(() => popup.locator('.otp').getAttribute('data-state'), (now) => now === state, 15_000, 50);
  return value ?? '';
}

function expectedCounts(found: MentionsResponse): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const mention of found.mentions) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
  return [...counts];
}

describe('On this page, for review.html', () => {
  let review: Page;
  let found: MentionsResponse;
  let popup: Page;

  beforeAll(async () => {
    ({ page: review, found } = await openFixture(browser, server, 'review.html'));
    popup = await openPopupBeside(browser, review);
  });

  it('lists every entity mentions/get reports, with its count, most mentioned first', async () => {
    expect(await settledState(popup)).toBe('found');
    const more = popup.locator('.otp__more');
    if (await more.count()) await more.click();
    const rows = await popup.locator('.otp__entry').evaluateAll((buttons) =>
      buttons.map((b) => [b.getAttribute('data-entity-ref')!, Number(b.querySelector('.otp__count')?.textContent)] as [string, number]),
    );
    const expected = expectedCounts(found);
    expect(found.mentions.length).toBeGreaterThan(5);
    expect(new Map(rows)).toEqual(new Map(expected));
    expect(rows).toHaveLength(expected.length);
    const counts = rows.map(([, count]) => count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(await popup.locator('.otp__total').textContent()).toBe(`${found.mentions.length} mentions of ${expected.length} names`);
    // Names and kinds from the catalog.
    const first = popup.locator('.otp__entry').first();
    expect(await first.locator('.otp__name').textContent()).toBeTruthy();
    expect(await first.locator('.otp__kind').textContent()).toMatch(/^(Film|Person|Character|Studio|Festival)$/);
    await popup.evaluate(() => document.querySelector('.popup__scroll')!.scrollTo(0, 0));
    await screenshot(popup, 'popup-on-this-page');
    // The same in dark, and the pictures behind their disclosure.
    await popup.emulateMedia({ colorScheme: 'dark' });
    await pollUntil(() => popup.evaluate(() => document.documentElement.dataset.readerTheme), (t) => t === 'dark', 2_000);
    await screenshot(popup, 'popup-on-this-page-dark');
    await popup.locator('.popup__pictures summary').click();
    await popup.locator('.popup__pictures').evaluate((element) => element.scrollIntoView());
    await screenshot(popup, 'popup-pictures-dark');
    await popup.locator('.hn-ensemble').evaluate((element) => element.scrollIntoView());
    await screenshot(popup, 'popup-pictures-ensemble-dark');
    await popup.locator('.popup__pictures summary').click();
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('choosing a name scrolls the page to it and flashes it; the popup stays open', async () => {
    await review.evaluate(() => window.scrollTo(0, 0));
    // The entity first named furthest down the page: revealing it must scroll.
    const firstIndex = new Map<string, number>();
    found.mentions.forEach((m, i) => firstIndex.has(m.entity) || firstIndex.set(m.entity, i));
    const [entity] = [...firstIndex].sort((a, b) => b[1] - a[1])[0]!;
    const before = await review.evaluate(() => window.scrollY);
    const highlightsBefore = JSON.stringify(await readHighlights(review));
    await popup.locator(`.otp__entry[data-entity-ref="${entity}"]`).click();
    const scrolled = await pollUntil(() => review.evaluate(() => window.scrollY), (y) => y > before + 50, 3_000);
    expect(scrolled.ok, `page did not scroll to ${entity}`).toBe(true);
    expect(popup.isClosed()).toBe(false);
    const status = await pollUntil(() => popup.locator('.otp__status').textContent(), (text) => !!text, 3_000);
    expect(status.value).toMatch(/mention 1 of \d+, shown on the page\.$/);
    // The flash paints the mention with the active highlight for a moment.
    const flashed = await pollUntil(async () => JSON.stringify(await readHighlights(review)), (h) => h !== highlightsBefore, 1_500, 20);
    expect(flashed.ok).toBe(true);
  });
});

describe('Open as a page', () => {
  it('opens essay.html in a new tab', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/essay.html') });
    await popup.getByRole('link', { name: 'Open as a page' }).click();
    const essay = await opened;
    await essay.waitForSelector('[id="p8"]');
    expect(await essay.locator('h1').textContent()).toBe('The essay');
    await essay.close();
    if (!popup.isClosed()) await popup.close();
  });
});

describe('On this page, for tabs without a content script', () => {
  it('a page no extension can read: "Heat Notes can’t read this page"', async () => {
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopupBeside(browser, blank);
    expect(await settledState(popup)).toBe('cant-read');
    expect(await popup.locator('.otp').innerText()).toContain('Heat Notes can’t read this page.');
    expect(await popup.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    await screenshot(popup, 'popup-cant-read');
    await popup.close();
    await blank.close();
  });

  it('a browser page (chrome://version) too', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://version');
    expect(page.url()).toMatch(/^chrome:\/\/version/);
    const popup = await openPopupBeside(browser, page);
    expect(await settledState(popup)).toBe('cant-read');
    await popup.close();
    await page.close();
  });

  it('a tab open since before install: "Reload to annotate", and Reload reloads it', async () => {
    // The background records the tabs open at install (runtime.onInstalled) in storage.session.
    const recorded = await pollUntil(
      () =>
        inWorker(
          browser,
          async () => {
            const chromeApi = (globalThis as unknown as { chrome: TabsApi }).chrome;
            return (await chromeApi.storage.session.get('tabsBeforeInstall')).tabsBeforeInstall as { tabIds: number[] } | undefined;
          },
          null,
        ),
      (record) => Array.isArray(record?.tabIds),
      5_000,
    );
    expect(recorded.ok).toBe(true);
    // The browser's first tab was open when the extension was installed; make that independent of
    // start-up order by adding its id if the install ran before the tab existed.
    const first = browser.context.pages()[0]!;
    const id = await tabIdOf(first);
    if (!recorded.value!.tabIds.includes(id)) {
      await inWorker(
        browser,
        async (tabId: number) => {
          const chromeApi = (globalThis as unknown as { chrome: TabsApi }).chrome;
          const { tabsBeforeInstall } = (await chromeApi.storage.session.get('tabsBeforeInstall')) as { tabsBeforeInstall: { tabIds: number[]; at: number } };
          await chromeApi.storage.session.set({ tabsBeforeInstall: { ...tabsBeforeInstall, tabIds: [...tabsBeforeInstall.tabIds, tabId] } });
        },
        id,
      );
    }
    const popup = await openPopupBeside(browser, first);
    expect(await settledState(popup)).toBe('reload');
    expect(await popup.locator('.otp').innerText()).toContain('Reload to annotate.');
    await screenshot(popup, 'popup-reload');
    const reloaded = first.waitForEvent('load', { timeout: 5_000 });
    await popup.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    // about:blank never gets a content script: once reloaded, the background forgot the tab, and the
    // popup says what is true now.
    expect(await waitForState(popup, 'cant-read')).toBe('cant-read');
    await popup.close();
  });
});

describe('On this page when Heat Notes is off', () => {
  it('says so when switched off, and lists the names again when switched on', async () => {
    const { page } = await openFixture(browser, server, 'review.html');
    const popup = await openPopupBeside(browser, page);
    expect(await settledState(popup)).toBe('found');
    await popup.getByRole('switch', { name: 'Mark mentions on pages' }).uncheck();
    expect(await waitForState(popup, 'off')).toBe('off');
    expect(await popup.locator('.otp').innerText()).toContain('switched off');
    await popup.getByRole('switch', { name: 'Mark mentions on pages' }).check();
    expect(await waitForState(popup, 'found')).toBe('found');
    await popup.close();
    await page.close();
  });
});
