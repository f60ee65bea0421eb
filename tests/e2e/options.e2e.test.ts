/**
 * The options page's master switch, used the way a user would: with a marked review open in another
 * tab, turning "Mark mentions on pages" off clears that tab's marks without a reload, and turning it
 * back on brings them back. Also: the stored switch applies to pages opened later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  clearSettings,
  countHighlightedRanges,
  getMentions,
  inWorker,
  launchWithExtension,
  openFixture,
  pollUntil,
  screenshot,
  setSettings,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const SWITCH_LABEL = 'Mark mentions on pages';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}
/** Settings travel through storage.onChanged to every tab; a user would not wait longer than this. */
const APPLY_WITHIN_MS = 3_000;

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

/** What the user sees on the page: how many mentions are listed and how many ranges are painted. */
async function marks(page: Page): Promise<{ mentions: number; ranges: number }> {
  const found = await getMentions(browser, page);
  return { mentions: found.mentions.length, ranges: await countHighlightedRanges(page) };
}

function masterSwitch(options: Page): Locator {
  return options
    .getByRole('switch', { name: SWITCH_LABEL })
    .or(options.getByRole('checkbox', { name: SWITCH_LABEL }))
    .first();
}

async function isOn(toggle: Locator): Promise<boolean> {
  const aria = await toggle.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  return toggle.isChecked();
}

describe('options page: "Mark mentions on pages"', () => {
  it('turning it off clears an open tab’s marks without reload; turning it on brings them back', async () => {
    const { page: review, found } = await openFixture(browser, server, 'review.html');
    const before = { mentions: found.mentions.length, ranges: await countHighlightedRanges(review) };
    expect(before.mentions).toBeGreaterThan(0);
    expect(before.ranges).toBeGreaterThan(0);
    // A marker in the page's own world: it survives only if the tab is not reloaded.
    await review.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const toggle = masterSwitch(options);
    await toggle.waitFor({ state: 'visible', timeout: 10_000 });
    // Until the settings are read, the switch is shown disabled at its default.
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await isOn(toggle)).toBe(true);
    await screenshot(options, 'options-on');

    await toggle.click();
    expect((await pollUntil(() => isOn(toggle), (on) => !on, 2_000)).ok).toBe(true);
    await screenshot(options, 'options-off');

    const off = await pollUntil(() => marks(review), (m) => m.mentions === 0 && m.ranges === 0, APPLY_WITHIN_MS, 100);
    expect(off.value).toEqual({ mentions: 0, ranges: 0 });
    await screenshot(review, 'review-switched-off');

    // The choice sticks: reopening the options page shows the switch as the user left it.
    await options.bringToFront();
    await options.reload();
    await toggle.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    expect(await isOn(toggle)).toBe(false);

    await toggle.click();
    expect((await pollUntil(() => isOn(toggle), (on) => on, 2_000)).ok).toBe(true);
    const on = await pollUntil(() => marks(review), (m) => m.mentions === before.mentions && m.ranges > 0, APPLY_WITHIN_MS, 100);
    expect(on.value.mentions).toBe(before.mentions);
    expect(on.value.ranges).toBe(before.ranges);

    const sameDocument = await review.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
    expect(sameDocument, 'the review tab was reloaded').toBe(true);
    await options.close();
    await review.close();
  });

  it('switched off in storage, a page opened afterwards is left unmarked', async () => {
    await setSettings(browser, { enabled: false });
    try {
      const { page, found } = await openFixture(browser, server, 'review.html');
      expect(found.mentions).toEqual([]);
      expect(await countHighlightedRanges(page)).toBe(0);
      await page.close();
    } finally {
      await clearSettings(browser);
    }
  });
});

describe('options page: cards', () => {
  it('"I’ve seen Heat" and the card colours are stored as the settings the card reads', async () => {
    await clearSettings(browser);
    const options = await browser.context.newPage();
    try {
      await options.goto(browser.extensionUrl('options.html'));
      const seen = options.getByRole('switch', { name: 'I’ve seen Heat' });
      await expect.poll(() => seen.isEnabled()).toBe(true);
      expect(await seen.isChecked()).toBe(false);
      await seen.click();
      await options.getByLabel('Card colours').selectOption('dark');
      const stored = () =>
        inWorker(
          browser,
          async () => {
            const storage = (globalThis as unknown as { chrome: { storage: { sync: StorageArea } } }).chrome.storage.sync;
            return (await storage.get('settings')).settings as { spoilersRevealed?: boolean; theme?: string } | undefined;
          },
          null,
        );
      await expect.poll(stored, { timeout: APPLY_WITHIN_MS }).toMatchObject({ spoilersRevealed: true, theme: 'dark' });
      // Reopened, the page shows what is stored.
      await options.reload();
      await expect.poll(() => options.getByRole('switch', { name: 'I’ve seen Heat' }).isChecked()).toBe(true);
      expect(await options.getByLabel('Card colours').inputValue()).toBe('dark');
      await screenshot(options, 'options-cards');
    } finally {
      await options.close();
      await clearSettings(browser);
    }
  });
});
