/**
 * The essay page (`essay.html`), where a card's "Read in the essay" lands: opened as
 * `essay.html?quote=…#p2` it shows paragraph 2 in view with the quoted words marked, and every
 * paragraph of the essay in full. The reader's theme and text size persist across reopening (kept in
 * `storage.local`, key `reader`). Screenshots of the page in each theme and of the two pictures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATALOG } from '../../data/catalog';
import { ESSAY } from '../../data/essay';
import { essayPath } from '../../lib/core/essay-address';
import { inWorker, launchWithExtension, pollUntil, screenshot, SCREENSHOT_DIR, type ExtensionBrowser } from './harness';

const VIEWPORT = { width: 1200, height: 860 } as const;
/** A quote from data/facts: the L.A. Takedown fact, cited from paragraph 2. */
const TAKEDOWN = CATALOG['la-takedown'].facts[0]!.cite;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ viewport: VIEWPORT });
});

afterAll(async () => {
  await browser?.close();
});

async function openEssay(path = '/essay.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(path));
  await page.waitForSelector(`[id="${ESSAY[ESSAY.length - 1]!.id}"]`);
  return page;
}

async function readerState(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const body = document.querySelector('.hn-essay__body');
    return {
      theme: root.dataset.readerTheme,
      size: root.dataset.readerSize,
      fontSize: body ? parseFloat(getComputedStyle(body).fontSize) : 0,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

async function storedReader(): Promise<unknown> {
  return inWorker(
    browser,
    async () => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await chromeApi.storage.local.get('reader')).reader ?? null;
    },
    null,
  );
}

describe('essay.html opened at a paragraph with a quote', () => {
  it('shows paragraph 2 in view, the quoted words marked, and every paragraph in full', async () => {
    expect(TAKEDOWN.paragraph).toBe('p2');
    const page = await openEssay(essayPath(TAKEDOWN.paragraph, TAKEDOWN.quote));
    const result = await page.evaluate(
      ({ paragraphs }) => {
        const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
        const p2 = document.getElementById('p2')!;
        const box = p2.getBoundingClientRect();
        const bar = document.querySelector('.page__bar')?.getBoundingClientRect().bottom ?? 0;
        const mark = p2.querySelector('mark.hn-quote');
        const markBox = mark?.getBoundingClientRect();
        return {
          p2Top: box.top,
          barBottom: bar,
          viewport: innerHeight,
          scrollY,
          mark: mark?.textContent ?? null,
          markInView: !!markBox && markBox.top >= bar && markBox.bottom <= innerHeight,
          marksElsewhere: document.querySelectorAll('mark.hn-quote').length,
          paragraphs: paragraphs.map(({ id, text }) => {
            const element = document.getElementById(id);
            return {
              id,
              exact: element?.textContent === text,
              rendered: !!element && norm(element.innerText) === norm(text),
              visible: !!element && element.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
            };
          }),
        };
      },
      { paragraphs: ESSAY.map((p) => ({ id: p.id, text: p.text })) },
    );
    expect(result.scrollY).toBeGreaterThan(0);
    // Paragraph 2 starts in view, just under the sticky bar.
    expect(result.p2Top).toBeGreaterThanOrEqual(result.barBottom - 1);
    expect(result.p2Top).toBeLessThan(result.viewport / 2);
    expect(result.mark).toBe(TAKEDOWN.quote);
    expect(result.markInView).toBe(true);
    expect(result.marksElsewhere).toBe(1);
    for (const paragraph of result.paragraphs) {
      expect(paragraph, paragraph.id).toEqual({ id: paragraph.id, exact: true, rendered: true, visible: true });
    }
    await page.waitForTimeout(1_800); // let the arrival flash fade, so the screenshot shows the mark itself
    await screenshot(page, 'essay-page-quote-light');
    await page.close();
  });

  it('follows the system’s dark preference on Auto', async () => {
    const page = await openEssay(essayPath('p4'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await pollUntil(() => readerState(page), (s) => s.theme === 'dark', 2_000);
    expect((await readerState(page)).theme).toBe('dark');
    await page.waitForTimeout(1_800);
    await screenshot(page, 'essay-page-dark');
    // The ensemble, drawn after the cast paragraph.
    await page.locator('.hn-ensemble').scrollIntoViewIfNeeded();
    await page.locator('.hn-ensemble').screenshot({ path: `${SCREENSHOT_DIR}/picture-ensemble-dark.png` });
    await page.close();
  });
});

describe('a card in the essay page', () => {
  it('"Read in the essay" goes to the fact’s paragraph and marks its words there', async () => {
    const page = await openEssay();
    const fact = CATALOG['al-pacino'].facts[0]!;
    await page.locator('[id="p1"] mark[data-entity-ref="al-pacino"]').focus();
    await page.waitForSelector('[data-entity="al-pacino"]');
    await page.getByRole('button', { name: /Read in the essay/ }).click();
    const marked = await pollUntil(
      () => page.evaluate(() => document.querySelector('mark.hn-quote')?.closest('p')?.id ?? null),
      (id) => id !== null,
      2_000,
    );
    expect(marked.value).toBe(fact.cite.paragraph);
    expect(await page.locator('mark.hn-quote').textContent()).toBe(fact.cite.quote);
    // The address says where the reader is, so a reload comes back to it.
    expect(decodeURIComponent(new URL(page.url()).search)).toBe(`?quote=${fact.cite.quote}`);
    expect(new URL(page.url()).hash).toBe(`#${fact.cite.paragraph}`);
    const text = await page.evaluate((id) => document.getElementById(id)!.textContent, fact.cite.paragraph);
    expect(text).toBe(ESSAY.find((p) => p.id === fact.cite.paragraph)!.text);
    await page.close();
  });
});

describe('reader controls', () => {
  it('switch to sepia and a larger size, and both persist across reopening', async () => {
    const page = await openEssay();
    const before = await readerState(page);
    expect(before.theme).toBe('light');
    await page.getByRole('radio', { name: 'Sepia' }).check();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    const after = await readerState(page);
    expect(after.theme).toBe('sepia');
    expect(after.size).toBe('larger');
    expect(after.fontSize).toBeGreaterThan(before.fontSize * 1.2);
    expect(after.background).not.toBe(before.background);
    const stored = await pollUntil(storedReader, (value) => JSON.stringify(value) === '{"theme":"sepia","size":"larger"}', 2_000);
    expect(stored.value).toEqual({ theme: 'sepia', size: 'larger' });
    await page.close();

    const reopened = await openEssay();
    await pollUntil(() => readerState(reopened), (s) => s.theme === 'sepia' && s.size === 'larger', 2_000);
    expect(await readerState(reopened)).toEqual(after);
    expect(await reopened.getByRole('radio', { name: 'Sepia' }).isChecked()).toBe(true);
    await screenshot(reopened, 'essay-page-sepia-larger');

    // The popup reads the same prefs.
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(browser.extensionUrl('popup.html'));
    await pollUntil(() => popup.evaluate(() => document.documentElement.dataset.readerTheme), (t) => t === 'sepia', 2_000);
    expect(await popup.evaluate(() => document.documentElement.dataset.readerTheme)).toBe('sepia');
    await popup.close();

    // Back to the default size, in sepia, for the page and pictures screenshots.
    await reopened.getByRole('button', { name: 'Smaller text' }).click();
    await reopened.getByRole('button', { name: 'Smaller text' }).click();
    await reopened.evaluate(() => document.getElementById('p1')!.scrollIntoView());
    await screenshot(reopened, 'essay-page-sepia');
    const dir = SCREENSHOT_DIR;
    await reopened.locator('.hn-timeline').scrollIntoViewIfNeeded();
    await reopened.locator('.hn-timeline').screenshot({ path: `${dir}/picture-timeline-sepia.png` });
    await reopened.getByRole('radio', { name: 'Light' }).check();
    await reopened.locator('.hn-timeline').screenshot({ path: `${dir}/picture-timeline-light.png` });
    await reopened.locator('.hn-ensemble').scrollIntoViewIfNeeded();
    await reopened.locator('.hn-ensemble').screenshot({ path: `${dir}/picture-ensemble-light.png` });
    await reopened.getByRole('radio', { name: 'Auto' }).check();
    await reopened.close();
  });
});
