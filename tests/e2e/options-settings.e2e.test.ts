/**
 * The full options page, used the way a user would: every kind of setting reaches storage (writes
 * debounced), the live previews follow, the site list adds, refuses, removes and undoes, a broken
 * import changes nothing, a valid one applies, reset asks first, "Not this one" corrections and the
 * history are listed, exported and undone or cleared. IndexedDB is seeded from the options page itself:
 * it is the extension's origin, where the memory database lives. Ends with axe and screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { entityNames, type EntityId } from '../../data/entities';
import {
  countHighlightedRanges,
  getMentions,
  launchWithExtension,
  openFixture,
  pollUntil,
  readHighlights,
  screenshot,
  SCREENSHOT_DIR,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

/** Settings travel through a debounced write (250 ms) and storage.onChanged; nobody waits longer. */
const APPLY_WITHIN_MS = 3_000;
/** The names the options page's sample paragraph holds, and those left with "first mention only". */
const SAMPLE_NAMES = 10;
const SAMPLE_FIRST_MENTIONS = 7;

interface ChromeStorage {
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> };
  };
}
type Stored = { settings: Record<string, unknown> | undefined; sites: unknown; revision: unknown };

let server: FixtureServer;
let browser: ExtensionBrowser;
/** An extension page that stays open: storage and IndexedDB are read and seeded through it. */
let helper: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  helper = await browser.context.newPage();
  await helper.goto(browser.extensionUrl('options.html'));
  // The page creates the memory database as it loads; seeding must not create it first (at version 1).
  const created = await pollUntil(
    () => helper.evaluate(async () => (await indexedDB.databases()).find((db) => db.name === 'heat-notes')?.version ?? 0),
    (version) => version === 2,
    10_000,
  );
  if (!created.ok) throw new Error(`the options page did not create the memory database (version ${created.value})`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await resetStorage();
});

async function stored(): Promise<Stored> {
  return helper.evaluate(async () => {
    const chromeApi = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    const sync = await chromeApi.storage.sync.get('settings');
    const local = await chromeApi.storage.local.get('sites');
    const revision = await chromeApi.storage.local.get('correctionsRevision');
    return { settings: sync.settings as Record<string, unknown> | undefined, sites: local.sites, revision: revision.correctionsRevision };
  });
}

async function writeStorage(items: { settings?: object; sites?: string[] }): Promise<void> {
  await helper.evaluate(async (values) => {
    const chromeApi = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    if (values.settings) await chromeApi.storage.sync.set({ settings: values.settings });
    if (values.sites) await chromeApi.storage.local.set({ sites: values.sites });
  }, items);
}

/** Nothing stored, no history, no corrections. */
async function resetStorage(): Promise<void> {
  await helper.evaluate(async () => {
    const chromeApi = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
    await chromeApi.storage.sync.clear();
    await chromeApi.storage.local.clear();
  });
  await seedMemory({ sightings: [], corrections: [] });
}

interface SeedSighting {
  entity: string;
  url: string;
  title: string;
  time: number;
  count: number;
}
interface SeedCorrection {
  site: string;
  entity: string;
  surface: string;
  createdAt: number;
}

/** Replaces what the memory database holds, with raw IndexedDB in the extension's origin. */
async function seedMemory(records: { sightings: SeedSighting[]; corrections: SeedCorrection[] }): Promise<void> {
  await helper.evaluate(async ({ sightings, corrections }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // The options page has opened (and so created) the database by now; no version: the current one.
      const request = indexedDB.open('heat-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['sightings', 'corrections'], 'readwrite');
    tx.objectStore('sightings').clear();
    tx.objectStore('corrections').clear();
    for (const s of sightings) tx.objectStore('sightings').put(s);
    for (const c of corrections) tx.objectStore('corrections').put(c);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

async function memoryCounts(): Promise<{ sightings: number; corrections: number }> {
  return helper.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heat-notes');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['sightings', 'corrections']);
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const request = tx.objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    const result = { sightings: await count('sightings'), corrections: await count('corrections') };
    db.close();
    return result;
  });
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  // Loaded: the controls are enabled once settings are read.
  await expect.poll(() => page.getByRole('switch', { name: 'Mark mentions on pages' }).isEnabled()).toBe(true);
  return page;
}

/** Counts writes of the settings key that reach storage.sync, from inside the page. */
async function countSettingsWrites(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __writes: number; chrome: { storage: { onChanged: { addListener(f: (c: object, a: string) => void): void } } } };
    w.__writes = 0;
    w.chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && 'settings' in changes) w.__writes++;
    });
  });
  return () => page.evaluate(() => (window as unknown as { __writes: number }).__writes);
}

/** A screenshot of one section of the page (the part a step changed), into test-results/screenshots. */
async function sectionShot(page: Page, section: string, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator(`#${section}`).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function settingsStored(): Promise<Record<string, unknown>> {
  return (await stored()).settings ?? {};
}

describe('options page: settings', () => {
  it('every kind of setting reaches storage, writes are debounced, and the previews follow', async () => {
    const page = await openOptions();
    try {
      // The sample paragraph, painted in the page's own highlight registry with the default style.
      await expect.poll(() => readHighlights(page)).toEqual([{ name: 'heat-notes-underline-amber', size: SAMPLE_NAMES }]);
      await expect.poll(() => page.locator('#highlight-preview-caption').innerText()).toContain('10 names underlined in amber');

      await page.getByRole('radio', { name: /Soft background/ }).check();
      await page.getByRole('radio', { name: 'Blue' }).check();
      await expect.poll(() => readHighlights(page)).toEqual([{ name: 'heat-notes-background-blue', size: SAMPLE_NAMES }]);

      await page.getByRole('switch', { name: 'First mention only' }).click();
      await expect.poll(() => countHighlightedRanges(page)).toBe(SAMPLE_FIRST_MENTIONS);
      await page.getByRole('switch', { name: 'Films' }).click();
      // "Heat" was the one film in the sample.
      await expect.poll(() => countHighlightedRanges(page)).toBe(SAMPLE_FIRST_MENTIONS - 1);

      await page.getByRole('radio', { name: /On hover while holding a key/ }).check();
      await page.getByLabel('Key to hold').selectOption('Shift');

      // Eight slider steps in quick succession are stored in far fewer writes.
      const writes = await countSettingsWrites(page);
      await expect.poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS }).toMatchObject({ modifierKey: 'Shift' });
      const before = await writes();
      const slider = page.getByRole('slider', { name: 'Open delay' });
      await slider.focus();
      for (let i = 0; i < 4; i++) await slider.press('ArrowRight');
      for (let i = 0; i < 4; i++) await slider.press('ArrowLeft');
      await slider.press('ArrowLeft');
      expect(await page.locator('output[for="setting-open-delay"]').innerText()).toBe('250 ms');
      await expect.poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS }).toMatchObject({ openDelayMs: 250 });
      expect(await writes()).toBeLessThanOrEqual(before + 3);
      expect(await writes()).toBeGreaterThan(before);

      // Card preview: colours and spoilers follow.
      const card = page.locator('.card-preview [data-entity]');
      expect(await card.getByRole('button', { name: 'Reveal' }).count()).toBe(1);
      await page.getByLabel('Card colours').selectOption('dark');
      await page.getByRole('switch', { name: 'I’ve seen Heat' }).click();
      await expect.poll(() => card.getByRole('button', { name: 'Reveal' }).count()).toBe(0);
      await expect.poll(() => card.innerText()).toContain('makes it out alive');
      const cardBackground = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(cardBackground).toBe('rgb(31, 35, 40)');

      await page.getByRole('switch', { name: 'Remember where I met these names' }).click();
      await page.getByRole('radio', { name: /^None/ }).check();
      await expect.poll(() => countHighlightedRanges(page)).toBe(0);
      await expect.poll(() => page.locator('#highlight-preview-caption').innerText()).toContain('not marked');

      await expect
        .poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS })
        .toMatchObject({
          highlightStyle: 'none',
          highlightColor: 'blue',
          firstMentionOnly: true,
          categories: { films: false, people: true, characters: true, studios: true },
          trigger: 'modifier',
          modifierKey: 'Shift',
          openDelayMs: 250,
          theme: 'dark',
          spoilersRevealed: true,
          rememberSightings: true,
        });

      // Reopened, the page shows what is stored.
      await page.reload();
      await expect.poll(() => page.getByRole('radio', { name: /^None/ }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Blue' }).isChecked()).toBe(true);
      expect(await page.getByRole('switch', { name: 'Films' }).isChecked()).toBe(false);
      expect(await page.getByLabel('Key to hold').inputValue()).toBe('Shift');
      expect(await page.getByRole('slider', { name: 'Open delay' }).inputValue()).toBe('250');
    } finally {
      await page.close();
    }
  });

  it('names stored settings that were not valid and says they were set back to defaults', async () => {
    await writeStorage({ settings: { version: 2, highlightColor: 'purple', openDelayMs: 5, enabled: true } });
    const page = await openOptions();
    try {
      const notice = page.locator('.notice--warn');
      await expect.poll(() => notice.innerText()).toContain('highlight colour and open delay');
      expect(await notice.innerText()).toContain('set back to their defaults');
      // The controls show the defaults.
      expect(await page.getByRole('radio', { name: 'Amber' }).isChecked()).toBe(true);
      await screenshot(page, 'options-invalid-notice');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      expect(await notice.count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('while paused, says until when; "Resume now" ends the pause', async () => {
    await writeStorage({ settings: { version: 2, pausedUntil: Date.now() + 60 * 60 * 1000 } });
    const page = await openOptions();
    try {
      await expect.poll(() => page.getByText(/^Paused until/).count()).toBe(1);
      await page.getByRole('button', { name: 'Resume now' }).click();
      await expect.poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS }).toMatchObject({ pausedUntil: 0 });
      expect(await page.getByText(/^Paused until/).count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('options page: site list', () => {
  it('adds a site, refuses what is not one, removes with an undo, and switches the list’s mode', async () => {
    const page = await openOptions();
    try {
      const input = page.getByRole('textbox', { name: 'Add a site' });
      await input.fill('not a site');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const error = page.getByRole('alert').filter({ hasText: 'is not a site name' });
      await expect.poll(() => error.count()).toBe(1);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect((await stored()).sites).toBeUndefined();
      await sectionShot(page, 'pages', 'options-site-error');

      await input.fill('https://www.Example.com/some/page');
      await input.press('Enter');
      await expect.poll(async () => (await stored()).sites).toEqual(['example.com']);
      expect(await error.count()).toBe(0);
      await input.fill('news.test.org');
      await input.press('Enter');
      await expect.poll(async () => (await stored()).sites).toEqual(['example.com', 'news.test.org']);
      const list = page.getByRole('list', { name: 'Sites where Heat Notes is off' });
      expect(await list.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('example.com'), expect.stringContaining('news.test.org')]);

      // The same site again is refused with a reason.
      await input.fill('EXAMPLE.com');
      await input.press('Enter');
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'already on the list' }).count()).toBe(1);

      await page.getByRole('button', { name: 'Remove example.com' }).click();
      await expect.poll(async () => (await stored()).sites).toEqual(['news.test.org']);
      const undo = page.getByRole('button', { name: /^Undo/ });
      // Focus goes to Undo, so the keyboard user can take it back at once.
      await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
      await sectionShot(page, 'pages', 'options-site-removed');
      await undo.click();
      await expect.poll(async () => (await stored()).sites).toEqual(['example.com', 'news.test.org']);
      expect(await undo.count()).toBe(0);

      await page.getByRole('radio', { name: /Only on these sites/ }).check();
      await expect.poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS }).toMatchObject({ siteMode: 'only' });
      await expect.poll(() => page.getByRole('list', { name: 'The only sites Heat Notes marks' }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('adding the site of an open tab clears its marks without a reload; removing it brings them back', async () => {
    const { page: review, found } = await openFixture(browser, server, 'review.html');
    const options = await openOptions();
    try {
      expect(found.mentions.length).toBeGreaterThan(0);
      const input = options.getByRole('textbox', { name: 'Add a site' });
      await input.fill(server.url('review.html'));
      await input.press('Enter');
      await expect.poll(async () => (await stored()).sites).toEqual(['127.0.0.1']);
      await expect.poll(async () => (await getMentions(browser, review)).mentions.length, { timeout: APPLY_WITHIN_MS }).toBe(0);
      expect(await countHighlightedRanges(review)).toBe(0);

      await options.bringToFront();
      await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
      await expect.poll(async () => (await getMentions(browser, review)).mentions.length, { timeout: APPLY_WITHIN_MS }).toBe(found.mentions.length);
    } finally {
      await options.close();
      await review.close();
    }
  });
});

describe('options page: an open tab follows', () => {
  it('style, colour and categories chosen on the options page repaint an open tab without a reload', async () => {
    const { page: review, found } = await openFixture(browser, server, 'review.html');
    await review.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const options = await openOptions();
    try {
      expect(found.mentions.some((m) => m.entity === 'heat')).toBe(true);
      await options.getByRole('radio', { name: /Soft background/ }).check();
      await options.getByRole('radio', { name: 'Green' }).check();
      await options.getByRole('switch', { name: 'Films' }).click();
      const painted = async () => (await readHighlights(review)).filter((h) => h.size > 0).map((h) => h.name);
      await expect.poll(painted, { timeout: APPLY_WITHIN_MS }).toEqual(['heat-notes-background-green']);
      const isFilm = (entity: string) => entityNames()[entity as EntityId]?.kind === 'film';
      await expect
        .poll(async () => (await getMentions(browser, review)).mentions.filter((m) => isFilm(m.entity)).length, { timeout: APPLY_WITHIN_MS })
        .toBe(0);
      expect(await review.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true)).toBe(true);
    } finally {
      await options.close();
      await review.close();
    }
  });
});

describe('options page: backup', () => {
  it('refuses a broken file with the reason and changes nothing', async () => {
    await writeStorage({ settings: { version: 2, highlightColor: 'green' }, sites: ['kept.example'] });
    const page = await openOptions();
    try {
      const before = await stored();
      const fileInput = page.locator('#backup-import');
      await fileInput.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "heat-notes-settings", oops') });
      const alert = page.getByRole('alert').filter({ hasText: 'Couldn’t import' });
      await expect.poll(() => alert.innerText()).toContain('not valid JSON');
      expect(await alert.innerText()).toContain('Nothing was changed');
      await sectionShot(page, 'backup', 'options-import-refused');

      await fileInput.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ enabled: false })) });
      await expect.poll(() => alert.innerText()).toContain('not a Heat Notes settings file');
      await fileInput.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(200 * 1024, 32) });
      await expect.poll(() => alert.innerText()).toContain('too large');

      // Past the debounce: still nothing written.
      await page.waitForTimeout(600);
      expect(await stored()).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('imports a valid file, saying what was left out; exports what is stored', async () => {
    const page = await openOptions();
    try {
      const file = {
        format: 'heat-notes-settings',
        exportedAt: new Date().toISOString(),
        settings: { version: 2, highlightStyle: 'background', highlightColor: 'pink', theme: 'light', trigger: 'sideways' },
        sites: ['Imported.example', 'not a site'],
      };
      await page.locator('#backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      const done = page.getByRole('status').filter({ hasText: 'Imported settings from “backup.json”' });
      await expect.poll(() => done.count()).toBe(1);
      // The bad field and the bad site are named.
      expect(await done.innerText()).toContain('set to its default: how a card opens');
      expect(await done.innerText()).toContain('site entry was not a site name');
      await expect
        .poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS })
        .toMatchObject({ highlightStyle: 'background', highlightColor: 'pink', theme: 'light', trigger: 'hover' });
      expect((await stored()).sites).toEqual(['imported.example']);
      expect(await page.getByRole('radio', { name: 'Pink' }).isChecked()).toBe(true);
      await expect.poll(() => readHighlights(page)).toEqual([{ name: 'heat-notes-background-pink', size: SAMPLE_NAMES }]);
      await sectionShot(page, 'backup', 'options-imported');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export settings' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^heat-notes-settings-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(fs.readFileSync((await saved.path())!, 'utf8'));
      expect(exported).toMatchObject({ format: 'heat-notes-settings', sites: ['imported.example'] });
      expect(exported.settings).toMatchObject({ highlightStyle: 'background', highlightColor: 'pink', theme: 'light' });
    } finally {
      await page.close();
    }
  });

  it('reset asks first, and keeps the site list unless asked to empty it', async () => {
    await writeStorage({ settings: { version: 2, highlightColor: 'green', theme: 'dark' }, sites: ['kept.example'] });
    const page = await openOptions();
    try {
      const resetButton = page.getByRole('button', { name: 'Reset to defaults…' });
      await resetButton.click();
      const confirm = page.getByRole('group', { name: 'Reset every setting to its default?' });
      await expect.poll(() => confirm.count()).toBe(1);
      // Asking changed nothing; focus is on the confirming button.
      expect(await settingsStored()).toMatchObject({ highlightColor: 'green' });
      expect(await confirm.getByRole('button', { name: 'Reset' }).evaluate((el) => el === document.activeElement)).toBe(true);
      await sectionShot(page, 'backup', 'options-reset-confirm');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      expect(await confirm.count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await settingsStored()).toMatchObject({ highlightColor: 'green', theme: 'dark' });

      await resetButton.click();
      await confirm.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => settingsStored(), { timeout: APPLY_WITHIN_MS }).toMatchObject({ highlightColor: 'amber', theme: 'system' });
      expect((await stored()).sites).toEqual(['kept.example']);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Settings reset to their defaults.' }).count()).toBe(1);

      // Asked to, it empties the site list too.
      await resetButton.click();
      await confirm.getByRole('checkbox', { name: /Also empty the site list/ }).check();
      await confirm.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(async () => (await stored()).sites).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

const DAY = 24 * 60 * 60 * 1000;

function memorySeed(now: number) {
  return {
    sightings: [
      { entity: 'al-pacino', url: 'https://films.example/heat-review', title: 'Heat, reviewed', time: now - DAY, count: 4 },
      { entity: 'al-pacino', url: 'https://news.example/pacino', title: 'Pacino at eighty', time: now - 3 * DAY, count: 2 },
      { entity: 'michael-mann', url: 'javascript:alert(1)', title: 'A page that is not a web page', time: now - 2 * DAY, count: 1 },
    ],
    corrections: [
      { site: 'weather.example', entity: 'heat', surface: 'heat', createdAt: now - DAY },
      { site: 'climate.example', entity: 'michael-mann', surface: 'mann', createdAt: now - 2 * DAY },
    ],
  };
}

describe('options page: memory', () => {
  it('lists “Not this one” corrections and undoes one, telling open tabs to re-read', async () => {
    await seedMemory(memorySeed(Date.now()));
    const page = await openOptions();
    try {
      const list = page.getByRole('list', { name: 'Matches you hid' });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
      const texts = await list.getByRole('listitem').allInnerTexts();
      // Newest first: name, the words, the site.
      expect(texts[0]).toMatch(/Heat\s+as\s+“heat”\s+on\s+weather\.example/);
      expect(texts[1]).toMatch(/Michael Mann\s+as\s+“mann”\s+on\s+climate\.example/);
      await sectionShot(page, 'corrections', 'options-corrections');

      expect((await stored()).revision).toBeUndefined();
      await list.getByRole('button', { name: /Undo: mark “mann” as Michael Mann on climate\.example/ }).click();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      expect(await memoryCounts()).toMatchObject({ corrections: 1 });
      await expect.poll(async () => typeof (await stored()).revision).toBe('number');
      await expect.poll(() => page.getByRole('status').filter({ hasText: '“mann” will be marked on climate.example again.' }).count()).toBe(1);
      // Focus stays in the list, on the row that took the undone one's place.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Undo: mark “heat”/);
    } finally {
      await page.close();
    }
  });

  it('lists sightings by name, exports them as JSON, and clears them after asking', async () => {
    const now = Date.now();
    await seedMemory(memorySeed(now));
    await writeStorage({ settings: { version: 2, rememberSightings: true } });
    const page = await openOptions();
    try {
      const groups = page.locator('[data-entity-group]');
      await expect.poll(() => groups.count()).toBe(2);
      // Most recently seen first.
      expect(await groups.nth(0).locator('summary').innerText()).toMatch(/Al Pacino\s+seen on 2 pages/);
      expect(await groups.nth(1).locator('summary').innerText()).toMatch(/Michael Mann\s+seen on 1 page/);
      await groups.nth(0).locator('summary').click();
      const link = groups.nth(0).getByRole('link', { name: 'Heat, reviewed' });
      expect(await link.getAttribute('href')).toBe('https://films.example/heat-review');
      expect(await groups.nth(0).innerText()).toContain('4 mentions');
      // A remembered address that is not a web page is shown, never linked.
      await groups.nth(1).locator('summary').click();
      expect(await groups.nth(1).getByRole('link').count()).toBe(0);
      expect(await groups.nth(1).innerText()).toContain('A page that is not a web page');
      await sectionShot(page, 'memory', 'options-sightings');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export history' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^heat-notes-history-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(fs.readFileSync((await saved.path())!, 'utf8'));
      expect(exported.format).toBe('heat-notes-sightings');
      expect(exported.sightings).toHaveLength(3);
      expect(exported.sightings[0]).toMatchObject({ entity: 'al-pacino', url: 'https://films.example/heat-review', count: 4 });

      await page.getByRole('button', { name: 'Clear history…' }).click();
      const confirm = page.getByRole('group', { name: /Clear the whole history/ });
      await expect.poll(() => confirm.count()).toBe(1);
      expect(await memoryCounts()).toMatchObject({ sightings: 3 });
      await confirm.getByRole('button', { name: 'Clear history' }).click();
      await expect.poll(async () => (await memoryCounts()).sightings).toBe(0);
      await expect.poll(() => groups.count()).toBe(0);
      expect(await page.getByText('Nothing yet.').count()).toBe(1);
      // The corrections are a different list: untouched.
      expect(await memoryCounts()).toMatchObject({ corrections: 2 });
    } finally {
      await page.close();
    }
  });
});

describe('options page: accessibility and looks', () => {
  async function audit(page: Page): Promise<string[]> {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  }

  it.each(['light', 'dark'] as const)('with every part filled in, axe finds nothing serious (%s); screenshots', async (scheme) => {
    await seedMemory(memorySeed(Date.now()));
    await writeStorage({
      settings: { version: 2, rememberSightings: true, trigger: 'modifier', highlightColor: 'dragon', pausedUntil: Date.now() + 3_600_000 },
      sites: ['example.com', 'news.example.org'],
    });
    const page = await openOptions();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.locator('[data-entity-group]').count()).toBe(2);
      await page.locator('[data-entity-group] summary').first().click();
      await page.getByRole('textbox', { name: 'Add a site' }).fill('nope');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('button', { name: 'Reset to defaults…' }).click();
      await page.locator('#backup-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Couldn’t import' }).count()).toBe(1);
      expect(await audit(page)).toEqual([]);

      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `options-full-${scheme}`, { fullPage: true });
      for (const id of ['pages', 'marking', 'highlights', 'cards', 'memory', 'corrections', 'backup']) {
        await sectionShot(page, id, `options-section-${id}-${scheme}`);
      }
    } finally {
      await page.close();
    }
  });

  it('keeps the layout whole in a narrow window', async () => {
    const page = await openOptions();
    try {
      await page.setViewportSize({ width: 380, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('#highlights').scrollIntoViewIfNeeded();
      await screenshot(page, 'options-narrow');
    } finally {
      await page.close();
    }
  });
});
