/**
 * The popup (docs/contract.md, "The popup"): as it opens, it shows the whole essay, every paragraph in
 * full, as the author wrote it, in the DOM and not hidden. Scrolling is fine; clipping, collapsing or
 * truncating is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ESSAY } from '../../data/essay';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './harness';

/** Chrome's largest popup; opened as a tab, the page gets this much room. */
const POPUP_MAX = { width: 800, height: 600 } as const;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize(POPUP_MAX);
  await page.goto(browser.extensionUrl('popup.html'));
});

afterAll(async () => {
  await browser?.close();
});

interface ParagraphCheck {
  id: string;
  /** The smallest element whose rendered text holds the whole paragraph, if any. */
  found: boolean;
  tag: string;
  visible: boolean;
  /** An ancestor (or the element) cuts it off without letting the user scroll to the rest. */
  clipped: string;
  /** Whether the element with id `pN` (if the UI uses the essay's ids) holds it. */
  byId: boolean | null;
}

async function checkParagraphs(target: Page): Promise<ParagraphCheck[]> {
  return target.evaluate((paragraphs) => {
    const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
    const elements = [...document.body.querySelectorAll<HTMLElement>('*')];
    return paragraphs.map(({ id, text }) => {
      const want = norm(text);
      const holders = elements.filter((el) => norm(el.innerText ?? '').includes(want));
      const smallest = holders.find((el) => !holders.some((other) => other !== el && el.contains(other)));
      const byIdElement = document.getElementById(id);
      const byId = byIdElement ? norm(byIdElement.innerText).includes(want) : null;
      if (!smallest) return { id, found: false, tag: '', visible: false, clipped: '', byId };
      const visible =
        smallest.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }) &&
        smallest.getClientRects().length > 0;
      let clipped = '';
      const own = smallest.getBoundingClientRect();
      const style = getComputedStyle(smallest);
      if (/hidden|clip/.test(style.overflowY) && smallest.scrollHeight > smallest.clientHeight + 1) {
        clipped = `${smallest.tagName} cuts its own text (${smallest.scrollHeight} > ${smallest.clientHeight})`;
      }
      if (style.webkitLineClamp && style.webkitLineClamp !== 'none') clipped ||= `line-clamp ${style.webkitLineClamp}`;
      // Walk up: a hidden-overflow ancestor must contain what it holds, where "what it holds" becomes the
      // nearest scroll container once one is passed (the user can scroll the text into that box).
      let held = { top: own.top, bottom: own.bottom };
      for (let el = smallest.parentElement; el && !clipped; el = el.parentElement) {
        const overflow = getComputedStyle(el).overflowY;
        const isRoot = el === document.documentElement || el === document.body;
        // The root's overflow is the viewport's: hidden there means the page cannot scroll at all.
        const box = isRoot ? { top: 0, bottom: window.innerHeight } : el.getBoundingClientRect();
        if (/auto|scroll/.test(overflow)) {
          if (!isRoot) held = { top: box.top, bottom: box.bottom };
          continue;
        }
        if (!/hidden|clip/.test(overflow)) continue;
        if (held.top < box.top - 1 || held.bottom > box.bottom + 1) clipped = `${el.tagName}.${el.className} (overflow ${overflow})`;
      }
      return { id, found: true, tag: smallest.tagName.toLowerCase(), visible, clipped, byId };
    });
  }, ESSAY.map((p) => ({ id: p.id, text: p.text })));
}

describe('popup.html', () => {
  it(`shows all ${ESSAY.length} essay paragraphs in full, as written, and visible`, async () => {
    // The UI renders after its script runs: wait for the last paragraph's opening words.
    const lastOpening = ESSAY[ESSAY.length - 1]!.text.slice(0, 40);
    await page.waitForFunction((words) => document.body.innerText.replace(/\s+/g, ' ').includes(words), lastOpening, {
      timeout: 10_000,
    });
    const checks = await checkParagraphs(page);
    for (const check of checks) {
      expect(check.found, `paragraph ${check.id} is not on the page in full`).toBe(true);
      expect(check.visible, `paragraph ${check.id} is hidden`).toBe(true);
      expect(check.clipped, `paragraph ${check.id} is cut off`).toBe('');
      if (check.byId !== null) expect(check.byId, `#${check.id} does not hold paragraph ${check.id}`).toBe(true);
    }
    await screenshot(page, 'popup');
  });

  it('the paragraphs come in the essay’s order', async () => {
    const order = await page.evaluate((openings) => {
      const text = document.body.innerText.replace(/\s+/g, ' ');
      return openings.map((opening) => text.indexOf(opening));
    }, ESSAY.map((p) => p.text.replace(/\s+/g, ' ').slice(0, 60)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
