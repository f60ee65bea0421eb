/**
 * Accessibility audits (axe-core) of the extension's pages: the popup (with "On this page" listing a
 * real page's names and the pictures open), the essay page (with an entity card open) and the options
 * page, in the light, dark and sepia themes. No serious or critical violation is allowed.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  inWorker,
  launchWithExtension,
  openFixture,
  pollUntil,
  startFixtureServer,
  type ExtensionBrowser,
  type FixtureServer,
  openPopupBeside,
} from './harness';

type Mode = 'light' | 'dark' | 'sepia';
const MODES: readonly Mode[] = ['light', 'dark', 'sepia'];

interface ChromeApi {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; windowId?: number; index?: number }>>;
    create(props: object): Promise<{ id?: number }>;
  };
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
}

let server: FixtureServer;
let browser: ExtensionBrowser;
let review: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  ({ page: review } = await openFixture(browser, server, 'review.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Light and dark follow the system (the reader's Auto theme); sepia is the reader's choice, stored. */
async function setMode(mode: Mode): Promise<void> {
  await inWorker(
    browser,
    async (sepia: boolean) => {
      const chromeApi = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      if (sepia) await chromeApi.storage.local.set({ reader: { theme: 'sepia', size: 'medium' } });
      else await chromeApi.storage.local.remove('reader');
    },
    mode === 'sepia',
  );
}

async function prepare(page: Page, mode: Mode): Promise<void> {
  await page.emulateMedia({ colorScheme: mode === 'dark' ? 'dark' : 'light' });
  const expected = mode === 'sepia' ? 'sepia' : mode;
  await pollUntil(
    () => page.evaluate(() => document.documentElement.dataset.readerTheme ?? 'none'),
    (theme) => theme === expected || theme === 'none',
    3_000,
  );
}

async function audit(page: Page): Promise<string[]> {
  // Contrast measured mid-fade (a card opening, a theme changing) is not the contrast a reader sees.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // The audit really looked: text contrast was measured on this page, in this theme.
  expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n  ')}`);
}

describe.each(MODES)('axe, %s', (mode) => {
  beforeAll(async () => {
    await setMode(mode);
  });

  it('popup.html, with On this page and the pictures open', async () => {
    const popup = await openPopupBeside(browser, review);
    await prepare(popup, mode);
    await popup.waitForSelector('.otp[data-state="found"]', { timeout: 15_000 });
    await popup.locator('.popup__pictures summary').click();
    expect(await audit(popup)).toEqual([]);
    await popup.close();
  });

  it('essay.html, with an entity card open', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('essay.html'));
    await prepare(page, mode);
    await page.locator('[id="p1"] mark[data-entity-ref="al-pacino"]').focus();
    await page.waitForSelector('[data-entity="al-pacino"]');
    expect(await audit(page)).toEqual([]);
    await page.close();
  });

  it('options.html', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.emulateMedia({ colorScheme: mode === 'dark' ? 'dark' : 'light' });
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    expect(await audit(page)).toEqual([]);
    await page.close();
  });
});
