/**
 * What the content script finds on real pages, read through the contract's `mentions/get`, and what it
 * paints (the page's highlight registry). Offsets are computed from each block's own text in the page,
 * so a test fails if the extension reports a mention in the wrong place, not just the wrong count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  countHighlightedRanges,
  launchWithExtension,
  openFixture,
  resolveExpected,
  screenshot,
  startFixtureServer,
  type ExpectedMention,
  type ExtensionBrowser,
  type FixtureServer,
  plainMentions,
} from './harness';
import { FORUM_EXPECTED } from './forum-expected';

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

/** review.html, block by block, in document order. Each block is an element with no nested block. */
const REVIEW_EXPECTED: ExpectedMention[] = [
  { block: '#title', entity: 'heat', text: 'Heat' },
  { block: '#intro', entity: 'michael-mann', text: 'Michael Mann' },
  { block: '#intro', entity: 'heat', text: 'Heat' },
  { block: '#intro', entity: 'al-pacino', text: 'Al Pacino' },
  { block: '#intro', entity: 'robert-de-niro', text: 'Robert De Niro' },
  { block: '#leads', entity: 'al-pacino', text: 'Pacino' },
  { block: '#leads', entity: 'vincent-hanna', text: 'Vincent Hanna' },
  { block: '#leads', entity: 'robert-de-niro', text: 'De Niro' },
  { block: '#leads', entity: 'neil-mccauley', text: 'Neil McCauley' },
  { block: '#diner', entity: 'vincent-hanna', text: 'Hanna' },
  { block: '#diner', entity: 'neil-mccauley', text: 'McCauley' },
  { block: '#kilmer', entity: 'val-kilmer', text: 'Val Kilmer' },
  { block: '#kilmer', entity: 'neil-mccauley', text: 'McCauley' },
  { block: '#kilmer', entity: 'val-kilmer', text: 'Kilmer', nth: 1 },
  { block: '#closing', entity: 'michael-mann', text: 'Mann' },
  { block: '#closing', entity: 'heat', text: 'Heat' },
];



describe('review.html: a film review', () => {
  it('reports exactly the names a reader would mark, with their offsets in the block text', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    await screenshot(page, 'review-marked', { fullPage: true });
    const expected = await resolveExpected(page, REVIEW_EXPECTED);
    expect(plainMentions(found.mentions)).toEqual(expected);
    expect(found.stats.textNodes).toBeGreaterThan(0);
    expect(found.stats.chars).toBeGreaterThan(0);
    expect(found.stats.scanMs).toBeGreaterThanOrEqual(0);
    // What the user sees: one painted range per reported mention ("Robert De Niro" across an <a> may
    // take more than one range, so at least as many).
    expect(await countHighlightedRanges(page)).toBeGreaterThanOrEqual(expected.length);
    await page.close();
  });

  it('finds "Robert De Niro" across <a>Robert</a> De Niro as one name', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    const [expected] = await resolveExpected(page, [{ block: '#intro', entity: 'robert-de-niro', text: 'Robert De Niro' }]);
    expect(found.mentions).toContainEqual(expected);
    // …and not as a bare "De Niro" starting inside the link's block text.
    const bare = await resolveExpected(page, [{ block: '#intro', entity: 'robert-de-niro', text: 'De Niro' }]);
    expect(found.mentions).not.toContainEqual(bare[0]);
    await page.close();
  });

  it("reports possessives without the 's (straight and curly apostrophe)", async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    const texts = found.mentions.map((m) => m.text);
    expect(texts.some((t) => /['’]s$/.test(t))).toBe(false);
    const expected = await resolveExpected(page, [
      { block: '#leads', entity: 'al-pacino', text: 'Pacino' }, // "Pacino's"
      { block: '#leads', entity: 'robert-de-niro', text: 'De Niro' }, // "De Niro’s"
    ]);
    for (const mention of expected) expect(found.mentions).toContainEqual(mention);
    await page.close();
  });

  it('never marks names typed into form fields, editable areas or code', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    // The blocks that hold names the extension must leave alone, with the text the user sees in them.
    const untouchable = await page.evaluate(() => {
      const textarea = document.querySelector('#comment') as HTMLTextAreaElement;
      const input = document.querySelector('#favourite') as HTMLInputElement;
      return {
        textarea: textarea.value,
        input: input.value,
        draft: document.querySelector('#draft')!.textContent ?? '',
        pre: document.querySelector('#cite')!.textContent ?? '',
        tags: document.querySelector('#tags code')!.textContent ?? '',
      };
    });
    expect(untouchable.input).toBe('Al Pacino');
    expect(untouchable.textarea).toContain('Robert De Niro');
    expect(untouchable.draft).toContain('Neil McCauley');
    expect(untouchable.pre).toContain('Michael Mann');
    // Nothing beyond the article's prose blocks: every reported mention is one of REVIEW_EXPECTED.
    const expected = await resolveExpected(page, REVIEW_EXPECTED);
    for (const mention of plainMentions(found.mentions)) expect(expected).toContainEqual(mention);
    // And nothing painted inside those elements: no highlight range starts in them.
    const paintedInside = await page.evaluate(() => {
      const fields = ['#comment', '#favourite', '#draft', '#cite', '#tags code'].map((s) => document.querySelector(s)!);
      let inside = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('heat-notes')) return;
        highlight.forEach((range) => {
          const node = (range as AbstractRange).startContainer;
          if (fields.some((field) => field.contains(node))) inside++;
        });
      });
      return inside;
    });
    expect(paintedInside).toBe(0);
    await page.close();
  });
});

describe('forum.html: casual writing', () => {
  it('finds casual spellings and related films, and skips the Miami Heat and the heat wave', async () => {
    const { page, found } = await openFixture(browser, server, 'forum.html');
    await screenshot(page, 'forum-marked', { fullPage: true });
    const expected = await resolveExpected(page, FORUM_EXPECTED);
    expect(plainMentions(found.mentions)).toEqual(expected);
    await page.close();
  });
});

describe('a page without our names', () => {
  it('recipe.html: read in one native call, not walked, and nothing of ours in the highlight registry', async () => {
    const { page, found } = await openFixture(browser, server, 'recipe.html');
    expect(found.mentions).toEqual([]);
    // Not one block was read: the page's textContent said no name can be here.
    expect(found.stats).toMatchObject({ textNodes: 0, chars: 0 });
    // A page can list the highlight registry it shares with us: on this page it finds nothing.
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    // Nor does anything of ours listen to the pointer: the cards are set up with a page's first
    // mention. A page with names has the listener (the check can fail).
    expect(await pointerListeners(page)).toBe(0);
    const named = await openFixture(browser, server, 'review.html');
    expect(await pointerListeners(named.page)).toBeGreaterThan(0);
    await named.page.close();
    await page.close();
  });
});

describe('pages about something else', () => {
  for (const name of ['miami-heat.html', 'weather.html']) {
    it(`${name}: nothing found, nothing painted`, async () => {
      const { page, found } = await openFixture(browser, server, name);
      expect(found.mentions).toEqual([]);
      expect(await countHighlightedRanges(page)).toBe(0);
      await screenshot(page, name.replace('.html', '-unmarked'));
      await page.close();
    });
  }
});

/** `pointermove` listeners on the document in Heat Notes' world (a content script's listeners are its world's). */
async function pointerListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; name: string }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((context) => context.name === 'Heat Notes');
    if (!world) throw new Error(`no Heat Notes world among ${contexts.map((context) => context.name).join(', ')}`);
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document', contextId: world.id });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.filter((listener) => listener.type === 'pointermove').length;
  } finally {
    await cdp.detach();
  }
}
