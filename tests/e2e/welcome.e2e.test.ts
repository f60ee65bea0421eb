/**
 * The welcome page (`welcome.html`, issue 6 point 7): it opens by itself when Heat Notes is installed,
 * and says what Heat Notes does, what it keeps and where, how to switch it off on a site, and the
 * keyboard shortcuts with where this browser changes them. Audited by axe in light and dark; screenshots
 * of both in test-results/screenshots/welcome-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './harness';

const VIEWPORT = { width: 1100, height: 900 } as const;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ viewport: VIEWPORT });
});

afterAll(async () => {
  await browser?.close();
});

async function openWelcome(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(browser.extensionUrl('welcome.html'));
  await page.waitForSelector('h1');
  // The shortcut table is filled from commands.getAll() once the page has asked.
  await page.waitForSelector('.shortcuts tbody tr[data-command="next-mention"] kbd');
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // The audit really looked: text contrast was measured on this page, in this theme.
  expect(results.passes.map((rule) => rule.id)).toContain('color-contrast');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

describe('on install', () => {
  it('opens welcome.html in a tab of its own', async () => {
    const isWelcome = (page: Page) => page.url() === browser.extensionUrl('welcome.html');
    const opened =
      browser.context.pages().find(isWelcome) ??
      (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined));
    expect(opened, 'no welcome.html tab after a fresh install (runtime.onInstalled → openWelcomeOnInstall)').toBeDefined();
    await opened!.waitForSelector('h1');
    expect(await opened!.locator('h1').innerText()).toBe('Welcome to Heat Notes');
    await opened!.close();
  });
});

describe('welcome.html', () => {
  it('says what Heat Notes does, what it keeps and where, how to switch it off, and the shortcuts', async () => {
    const page = await openWelcome();
    expect(await page.title()).toBe('Welcome to Heat Notes');
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['Welcome to Heat Notes']);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'WHAT IT DOES',
      'WHAT IT KEEPS, AND WHERE',
      'SWITCHING IT OFF',
      'KEYBOARD SHORTCUTS',
    ]);
    // Landmarks: a banner, one main, a footer.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);

    const section = (name: RegExp) => page.getByRole('region', { name });
    const what = await section(/what it does/i).innerText();
    expect(what).toMatch(/Rest the pointer on a marked name/);

    const stored = await section(/what it keeps/i).innerText();
    expect(stored).toContain('storage.sync');
    expect(stored).toContain('IndexedDB');
    expect(stored).toMatch(/off until you do/);
    expect(stored).toContain('Nothing leaves your browser.');
    expect(stored).toMatch(/no network requests/);

    const off = await section(/switching it off/i).innerText();
    expect(off).toContain('“Off on this site”');
    expect(off).toContain('“Pause for an hour”');
    expect(off).toMatch(/in Settings, name the sites/);
    expect(await section(/switching it off/i).getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('options.html');

    // The keys as the browser has them (commands.getAll), each with what it does.
    const rows = await page.locator('.shortcuts tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ''))),
    );
    expect(rows).toEqual([
      ['Alt+Shift+J', 'Gotothenextmarkedname'],
      ['Alt+Shift+K', 'Gotothepreviousmarkedname'],
      ['Alt+Shift+E', 'Readalongside:openHeatNotesinthesidepanel'],
    ]);
    // Chromium: where its shortcut settings are.
    const keys = await section(/keyboard shortcuts/i).innerText();
    expect(keys).toContain('chrome://extensions/shortcuts');
    expect(keys).not.toContain('about:addons');
    await page.close();
  });

  it('in Firefox, says where Firefox keeps its shortcut settings', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' });
    await page.goto(browser.extensionUrl('welcome.html'));
    const keys = await page.getByRole('region', { name: /keyboard shortcuts/i }).innerText();
    expect(keys).toContain('In Firefox, open about:addons, then the gear button (⚙), then “Manage Extension Shortcuts”.');
    expect(keys).not.toContain('chrome://');
    await page.close();
  });

  it('“Open shortcut settings” opens chrome://extensions/shortcuts', async () => {
    const page = await openWelcome();
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Open shortcut settings' }).click();
    const settings = await opened;
    await settings.waitForLoadState('domcontentloaded').catch(() => undefined);
    expect(settings.url()).toBe('chrome://extensions/shortcuts');
    expect(await page.getByRole('status').innerText()).toBe('');
    await settings.close();
    await page.close();
  });

  it.each(['light', 'dark'] as const)('passes axe with no serious or critical violation, %s', async (scheme) => {
    const page = await openWelcome(scheme);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `welcome-${scheme}`, { fullPage: true });
    await page.close();
  });
});
