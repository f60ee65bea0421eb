/**
 * Settings and memory, as a user meets them on a page: an open tab follows every change without a
 * reload (categories, first mention only, highlight style, trigger, the site list, the pause), "Not
 * this one" takes a match away for that site and it stays gone after a reload, and the popup offers
 * and shows the history of where names were met.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clearSettings,
  delay,
  getMentions,
  inWorker,
  launchWithExtension,
  openFixture,
  openPopupBeside,
  pollUntil,
  readHighlights,
  restPointerOn,
  screenshot,
  waitForCard,
  type ExtensionBrowser,
  type FixtureServer,
  type MentionsResponse,
  startFixtureServer,
  storeSettings,
} from './harness';

/** Settings travel through storage.onChanged to every tab; a user would not wait longer than this. */
const APPLY_WITHIN_MS = 3_000;
/** The content script reports a visit once the page has been still this long (VISIT_SETTLE_MS), plus slack. */
const VISIT_REPORTED_WITHIN_MS = 6_000;

const PEOPLE = new Set(['al-pacino', 'robert-de-niro', 'val-kilmer', 'michael-mann', 'tom-sizemore', 'jon-voight', 'ashley-judd', 'amy-brenneman', 'diane-venora', 'natalie-portman', 'danny-trejo', 'dennis-haysbert', 'wes-studi', 'ted-levine', 'mykelti-williamson', 'hank-azaria', 'william-fichtner', 'kevin-gage', 'tom-noonan', 'jeremy-piven', 'xander-berkeley', 'chuck-adamson']);

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

afterEach(async () => {
  await clearSettings(browser);
  await inWorker(
    browser,
    async () => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { remove(keys: string[]): Promise<void> } } } }).chrome;
      await chromeApi.storage.local.remove(['sites']);
    },
    null,
  );
});


/** Marks the page's own world: the mark survives only if the tab is not reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}

async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
}

/** Polls `mentions/get` until `predicate` holds. */
async function mentionsUntil(page: Page, predicate: (found: MentionsResponse) => boolean): Promise<MentionsResponse> {
  const { value, ok } = await pollUntil(() => getMentions(browser, page), predicate, APPLY_WITHIN_MS, 100);
  expect(ok, `mentions never became as expected: ${JSON.stringify(value.mentions.map((m) => m.text))}`).toBe(true);
  return value;
}

const entities = (found: MentionsResponse) => found.mentions.map((mention) => mention.entity);

/** The highlight names painted on the page with at least one range. */
async function paintedNames(page: Page): Promise<string[]> {
  return (await readHighlights(page)).filter((entry) => entry.size > 0).map((entry) => entry.name);
}

describe('an open tab follows the settings without a reload', () => {
  it('categories and "first mention only" change what is marked', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    await markDocument(page);
    const all = entities(found);
    expect(all.some((entity) => PEOPLE.has(entity))).toBe(true);
    expect(all.some((entity) => !PEOPLE.has(entity))).toBe(true);

    await storeSettings(browser, { categories: { films: true, people: false, characters: true, studios: true } });
    const withoutPeople = await mentionsUntil(page, (now) => !entities(now).some((entity) => PEOPLE.has(entity)));
    expect(entities(withoutPeople)).toEqual(all.filter((entity) => !PEOPLE.has(entity)));

    await storeSettings(browser, { firstMentionOnly: true });
    const firsts = await mentionsUntil(page, (now) => new Set(entities(now)).size === entities(now).length);
    expect(entities(firsts)).toEqual([...new Set(all)]);
    // Each kept mention is the page's first of its entity: the same offsets as before, in order.
    const firstOf = new Map<string, { text: string; offset: number }>();
    for (const mention of found.mentions) if (!firstOf.has(mention.entity)) firstOf.set(mention.entity, mention);
    expect(firsts.mentions.map(({ text, offset }) => ({ text, offset }))).toEqual([...firstOf.values()].map(({ text, offset }) => ({ text, offset })));

    await storeSettings(browser, {});
    await mentionsUntil(page, (now) => now.mentions.length === found.mentions.length);
    expect(await sameDocument(page)).toBe(true);
    await page.close();
  });

  it('the highlight style and colour repaint the marks; "none" paints nothing but cards still open', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    await markDocument(page);
    expect(await paintedNames(page)).toEqual(['heat-notes-underline-amber']);

    await storeSettings(browser, { highlightStyle: 'background', highlightColor: 'blue' });
    const blue = await pollUntil(() => paintedNames(page), (names) => names.includes('heat-notes-background-blue'), APPLY_WITHIN_MS, 100);
    expect(blue.value).toEqual(['heat-notes-background-blue']);
    await screenshot(page, 'review-background-blue');

    await storeSettings(browser, { highlightStyle: 'none' });
    const none = await pollUntil(() => paintedNames(page), (names) => names.length === 0, APPLY_WITHIN_MS, 100);
    expect(none.ok).toBe(true);
    // Nothing painted, yet the mentions are there for the card and the popup.
    expect((await getMentions(browser, page)).mentions.length).toBe(found.mentions.length);
    await restPointerOn(page, 'Al Pacino');
    expect((await waitForCard(page, (card) => card?.entity === 'al-pacino')).ok).toBe(true);
    expect(await sameDocument(page)).toBe(true);
    await page.close();
  });

  it('with the click trigger, resting opens nothing and a click opens the card', async () => {
    const { page } = await openFixture(browser, server, 'review.html');
    await storeSettings(browser, { trigger: 'click' });
    await delay(500); // storage.onChanged reaches the tab
    const box = await restPointerOn(page, 'Al Pacino');
    expect((await waitForCard(page, (card) => card !== null, 900)).ok, 'a card opened on hover').toBe(false);
    await page.mouse.click(box.x, box.y);
    expect((await waitForCard(page, (card) => card?.entity === 'al-pacino')).ok).toBe(true);
    await page.close();
  });

  it('with the modifier trigger, a card opens only while the key is held', async () => {
    const { page } = await openFixture(browser, server, 'review.html');
    await storeSettings(browser, { trigger: 'modifier', modifierKey: 'Shift' });
    await delay(500);
    await restPointerOn(page, 'Al Pacino');
    expect((await waitForCard(page, (card) => card !== null, 900)).ok, 'a card opened without the key').toBe(false);
    await page.keyboard.down('Shift');
    try {
      expect((await waitForCard(page, (card) => card?.entity === 'al-pacino')).ok).toBe(true);
    } finally {
      await page.keyboard.up('Shift');
    }
    await page.close();
  });
});

describe('the popup: off on this site, pause for an hour', () => {
  it('"Off on this site" clears the tab at once and "Turn on for this site" brings it back', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    await markDocument(page);
    const popup = await openPopupBeside(browser, page);
    await popup.getByRole('button', { name: 'Off on this site' }).click();
    await mentionsUntil(page, (now) => now.mentions.length === 0);
    expect(await paintedNames(page)).toEqual([]);
    await popup.getByText('Heat Notes is off on this site').waitFor();
    await screenshot(popup, 'popup-off-on-site');

    // Another site (the same server as "localhost") is still marked.
    const elsewhere = await browser.context.newPage();
    await elsewhere.goto(server.url('review.html').replace('127.0.0.1', 'localhost'));
    expect((await getMentions(browser, elsewhere)).mentions.length).toBe(found.mentions.length);
    await elsewhere.close();

    await page.bringToFront();
    await popup.getByRole('button', { name: 'Turn on for this site' }).click();
    await mentionsUntil(page, (now) => now.mentions.length === found.mentions.length);
    expect(await sameDocument(page)).toBe(true);
    await popup.close();
    await page.close();
  });

  it('"Pause for an hour" leaves pages unmarked until "Resume now"', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    const popup = await openPopupBeside(browser, page);
    await popup.getByRole('button', { name: 'Pause for an hour' }).click();
    await mentionsUntil(page, (now) => now.mentions.length === 0);
    await popup.getByText(/Paused until/).waitFor();
    await screenshot(popup, 'popup-paused');
    await popup.getByRole('button', { name: 'Resume now' }).click();
    await mentionsUntil(page, (now) => now.mentions.length === found.mentions.length);
    await popup.close();
    await page.close();
  });
});

describe('"Not this one"', () => {
  it('takes the match away on that site, for good, and nowhere else', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    const target = found.mentions.find((mention) => mention.text === 'Al Pacino');
    expect(target).toBeDefined();
    await restPointerOn(page, 'Al Pacino');
    expect((await waitForCard(page, (card) => card?.entity === 'al-pacino')).ok).toBe(true);
    await screenshot(page, 'card-not-this-one');
    await page.locator('heat-notes-ui').getByRole('button', { name: /^Not this one/ }).click();
    expect((await waitForCard(page, (card) => card === null)).ok).toBe(true);

    const gone = (now: MentionsResponse) => !now.mentions.some((m) => m.entity === 'al-pacino' && m.text === 'Al Pacino');
    const after = await mentionsUntil(page, gone);
    expect(after.mentions.length).toBe(found.mentions.length - found.mentions.filter((m) => m.entity === 'al-pacino' && m.text === 'Al Pacino').length);

    await page.reload();
    expect(gone(await getMentions(browser, page))).toBe(true);

    const elsewhere = await browser.context.newPage();
    await elsewhere.goto(server.url('review.html').replace('127.0.0.1', 'localhost'));
    expect(gone(await getMentions(browser, elsewhere))).toBe(false);
    await elsewhere.close();
    await page.close();
  });
});

describe('where I met these names', () => {
  /** Every sighting in the extension's IndexedDB, read from an extension page (its origin). */
  async function storedSightings(): Promise<Array<{ entity: string; url: string; count: number }>> {
    const reader = await browser.context.newPage();
    try {
      await reader.goto(browser.extensionUrl('options.html'));
      return await reader.evaluate(
        () =>
          new Promise<Array<{ entity: string; url: string; count: number }>>((resolve, reject) => {
            const open = indexedDB.open('heat-notes');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('sightings')) return resolve([]);
              const all = db.transaction('sightings').objectStore('sightings').getAll();
              all.onsuccess = () => resolve(all.result as Array<{ entity: string; url: string; count: number }>);
              all.onerror = () => reject(all.error);
            };
          }),
      );
    } finally {
      await reader.close();
    }
  }

  it('records nothing until the user asks, then the popup says where each name was seen', async () => {
    const { page } = await openFixture(browser, server, 'review.html');
    await delay(VISIT_REPORTED_WITHIN_MS / 2);
    expect(await storedSightings()).toEqual([]);

    // The popup offers the history; taking the offer turns it on.
    const popup = await openPopupBeside(browser, page);
    await popup.getByRole('button', { name: 'Keep a history on this device' }).click();
    await popup.close();

    await page.reload();
    await getMentions(browser, page);
    const recorded = await pollUntil(storedSightings, (all) => all.some((s) => s.entity === 'al-pacino'), VISIT_REPORTED_WITHIN_MS, 250);
    expect(recorded.ok).toBe(true);
    expect(recorded.value.every((s) => s.url === server.url('review.html'))).toBe(true);

    const forum = await openFixture(browser, server, 'forum.html');
    await pollUntil(storedSightings, (all) => all.some((s) => s.url === server.url('forum.html')), VISIT_REPORTED_WITHIN_MS, 250);
    const shown = await openPopupBeside(browser, forum.page);
    // Heat: named on both pages, and first in the list.
    const seen = shown.locator('.otp__row').filter({ has: shown.locator('.otp__entry[data-entity-ref="heat"]') }).locator('summary');
    await expect.poll(() => seen.textContent({ timeout: 500 }).catch(() => null), { timeout: 5_000 }).toBe('Seen on 2 pages');
    await seen.click();
    await screenshot(shown, 'popup-seen-on');
    await shown.close();
    await forum.page.close();
    await page.close();
  });
});
