/**
 * Hostile and unusual pages (issue 6, point 4), part one: pages whose own code or layout gets in the
 * way. Each page is checked for what a user would notice:
 * - the names are found: `mentions/get` lists exactly the expected entities, texts and block offsets;
 * - the card works: resting on a name opens its card, inside the viewport, styled (computed styles in
 *   its shadow root) and on top (it is what the browser finds at the card's own centre);
 * - the page is unharmed: its DOM is what the server sent (or, for an app, what the app itself
 *   rendered, checked by the app's own reconciler), and its own features keep working;
 * - no errors: nothing in the console from any world of the page (the page's, the content script's)
 *   and no uncaught exception.
 *
 * Fixtures: tests/fixtures/pages/hostile-*.html (text of our own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  NEUTRAL_POINT,
  getMentions,
  launchWithExtension,
  pollUntil,
  readFixture,
  resolveExpected,
  restPointerOn,
  screenshot,
  startFixtureServer,
  waitForCard,
  openWatched,
  type ConsoleWatch,
  type ExpectedMention,
  type ExtensionBrowser,
  type FixtureServer,
  plainMentions,
} from './harness';
import { cardLook, expectCard, expectStyledCard, isClosed, isOpenFor } from './card-look';

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

// ---------------------------------------------------------------------------------------------------
// Helpers


/** Opens a fixture with the console watched from before its first byte. */
const open = (name: string) => openWatched(browser, server, name);

/** No error from any world of the page, no uncaught exception, no warning from Heat Notes. */
async function expectNoConsoleProblems(watch: ConsoleWatch): Promise<void> {
  expect(watch.problems(), 'console errors / exceptions').toEqual([]);
  await watch.stop();
}

async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
  expect((await waitForCard(page, isClosed, 1_500)).ok, 'card did not close').toBe(true);
}

/**
 * The page's DOM, minus `<heat-notes-ui>`, node by node (elements with attributes, text, comments),
 * against the served HTML parsed afresh. The first difference, or '' when none. `ignore` lists
 * selectors whose subtrees the page itself changes (a form the user typed into).
 */
function domDifference(page: Page, html: string, ignore: string[] = []): Promise<string> {
  return page.evaluate(
    ({ source, ignore }) => {
      const dump = (root: Element): string[] => {
        const lines: string[] = [];
        const walk = (node: Node, depth: number) => {
          if (node.nodeType === 1) {
            const el = node as Element;
            if (el.localName === 'heat-notes-ui') return;
            if (ignore.some((selector) => el.matches(selector))) {
              lines.push(`${depth} <${el.localName} (ignored)>`);
              return;
            }
            const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
            lines.push(`${depth} <${el.localName} ${attrs}>`);
          } else if (node.nodeType === 3) lines.push(`${depth} #text ${JSON.stringify((node as Text).data)}`);
          else if (node.nodeType === 8) lines.push(`${depth} #comment ${JSON.stringify((node as Comment).data)}`);
          node.childNodes.forEach((child) => walk(child, depth + 1));
        };
        walk(root, 0);
        return lines;
      };
      const live = dump(document.documentElement);
      const reference = dump(new DOMParser().parseFromString(source, 'text/html').documentElement);
      for (let i = 0; i < Math.max(live.length, reference.length); i++) {
        if (live[i] !== reference[i]) return `node ${i}: page has ${live[i] ?? '(nothing)'}; source has ${reference[i] ?? '(nothing)'}`;
      }
      return '';
    },
    { source: html, ignore },
  );
}

/** The texts painted under `heat-notes-underline-amber` (the default style and colour) in a document (page or frame), with their block ids. */
function paintedIn(target: Page | Frame): Promise<Array<{ text: string; block: string; editable: boolean }>> {
  return target.evaluate(() => {
    const out: Array<{ text: string; block: string; editable: boolean }> = [];
    const highlight = CSS.highlights.get('heat-notes-underline-amber');
    highlight?.forEach((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const parent = r.startContainer.parentElement;
      out.push({
        text: range.toString(),
        block: parent?.closest('p,li,div,h1,h2,article')?.id ?? '',
        editable: !!parent?.closest('[contenteditable]:not([contenteditable="false"]), textarea, input'),
      });
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------
// 1. A framework-like app that re-renders the text under a mention

describe('hostile-react.html: an app that owns its nodes and re-renders them', () => {
  const ORDER_0: ExpectedMention[] = [
    { block: '#headline', entity: 'michael-mann', text: 'Michael Mann' },
    { block: '#scene-diner', entity: 'al-pacino', text: 'Al Pacino' },
    { block: '#scene-diner', entity: 'robert-de-niro', text: 'Robert De Niro' },
    { block: '#scene-bank', entity: 'val-kilmer', text: 'Val Kilmer' },
    { block: '#scene-bank', entity: 'tom-sizemore', text: 'Tom Sizemore' },
    { block: '#scene-airport', entity: 'al-pacino', text: 'Al Pacino' },
  ];
  const ORDER_1: ExpectedMention[] = [
    { block: '#headline', entity: 'ashley-judd', text: 'Ashley Judd' },
    { block: '#scene-drive', entity: 'amy-brenneman', text: 'Amy Brenneman' },
    { block: '#scene-drive', entity: 'robert-de-niro', text: 'Robert De Niro' },
    { block: '#scene-diner', entity: 'al-pacino', text: 'Al Pacino' },
    { block: '#scene-diner', entity: 'robert-de-niro', text: 'Robert De Niro' },
    { block: '#scene-station', entity: 'wes-studi', text: 'Wes Studi' },
    { block: '#scene-station', entity: 'mykelti-williamson', text: 'Mykelti Williamson' },
  ];

  const app = (page: Page) =>
    page.evaluate(() => {
      const a = (window as unknown as { sceneApp: { errors: string[]; expectedHtml(): string; html(): string; state: { ticks: number } } }).sceneApp;
      return { errors: [...a.errors], same: a.html() === a.expectedHtml(), html: a.html(), expected: a.expectedHtml(), ticks: a.state.ticks };
    });

  it('marks its names, follows every re-render, opens cards over re-rendered text, and the app never trips', async () => {
    const { page, console } = await open('hostile-react.html');
    const first = await getMentions(browser, page);
    expect(plainMentions(first.mentions)).toEqual(await resolveExpected(page, ORDER_0));

    // A card over text the app owns, while the app keeps re-rendering (every 250 ms) underneath.
    await expectCard(page, 'Val Kilmer', 'val-kilmer', 'Val Kilmer', { within: '#scene-bank' });
    await screenshot(page, 'hostile-react-card');
    await closeCard(page);

    // Re-render: the headline's text node gets new data, scenes are moved (keyed) and replaced.
    await page.click('#next');
    await page.click('#swap');
    const afterRender = await getMentions(browser, page);
    expect(plainMentions(afterRender.mentions)).toEqual(await resolveExpected(page, ORDER_1));
    const painted = await paintedIn(page);
    expect(painted.map((p) => p.text).sort()).toEqual(ORDER_1.map((m) => m.text).sort());

    // The card follows the new text: a name that was not on the page before the re-render.
    await expectCard(page, 'Wes Studi', 'wes-studi', 'Wes Studi', { within: '#scene-station' });
    // …and a name in a text node whose data the app re-set (characterData, same node).
    await expectCard(page, 'Ashley Judd', 'ashley-judd', 'Ashley Judd', { within: '#headline' });
    await closeCard(page);

    // Back and forth a few times, quickly, as a user clicking through.
    for (let i = 0; i < 5; i++) await page.click('#next');
    const cycled = await getMentions(browser, page);
    const order = ((await page.evaluate(() => (window as unknown as { sceneApp: { state: { step: number } } }).sceneApp.state.step)) % 3) as 0 | 1 | 2;
    expect(order).toBe(0);
    expect(plainMentions(cycled.mentions)).toEqual(
      await resolveExpected(page, [{ block: '#headline', entity: 'ashley-judd', text: 'Ashley Judd' }, ...ORDER_0.slice(1)]),
    );

    // The app's reconciler found its nodes where it left them on every render, and its DOM is what it rendered.
    const before = (await app(page)).ticks;
    await pollUntil(() => app(page), (s) => s.ticks >= before + 2, 2_000);
    const state = await app(page);
    expect(state.errors).toEqual([]);
    expect(state.html).toBe(state.expected);
    expect(state.ticks).toBeGreaterThan(before);
    await expectNoConsoleProblems(console);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. A rich-text editor

describe('hostile-editor.html: a contenteditable editor', () => {
  const html = readFixture('hostile-editor.html');

  it('marks nothing inside the editor or the textarea, and typing there works exactly as without Heat Notes', async () => {
    const { page, console } = await open('hostile-editor.html');
    const found = await getMentions(browser, page);
    // Only the published paragraph: the editor's and the textarea's names are the user's own writing.
    expect(plainMentions(found.mentions)).toEqual(
      await resolveExpected(page, [
        { block: '#intro', entity: 'heat', text: 'Heat' },
        { block: '#intro', entity: 'val-kilmer', text: 'Val Kilmer' },
      ]),
    );
    expect((await paintedIn(page)).filter((p) => p.editable)).toEqual([]);
    expect(await domDifference(page, html)).toBe('');

    // Resting on a name inside the editor opens no card.
    await restPointerOn(page, 'Al Pacino', { within: '#editor' });
    await page.waitForTimeout(900);
    expect(await waitForCard(page, isOpenFor('al-pacino'), 0).then((r) => r.ok)).toBe(false);

    // Type at the end of the first draft paragraph, then a new paragraph with more names.
    const before = await page.evaluate(() => (window as unknown as { editorState(): { html: string } }).editorState().html);
    await page.click('#draft-1');
    await page.keyboard.press('End');
    await page.keyboard.type(' Then Val Kilmer.');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Jon Voight lays the maps out.');
    const typed = ' Then Val Kilmer.';
    const state = await page.evaluate(() => (window as unknown as { editorState(): { edits: number; text: string; html: string } }).editorState());
    // Exactly what was typed, where it was typed: the editor's DOM is its own.
    expect(state.html.startsWith(before.replace('(1995).</p>', `(1995).${typed}</p>`))).toBe(true);
    expect(state.text).toContain('Draft: Al Pacino shouts less than I remembered in Heat (1995). Then Val Kilmer.');
    expect(state.text).toContain('Jon Voight lays the maps out.');
    expect(state.edits).toBe(typed.length + 1 + 'Jon Voight lays the maps out.'.length);
    // The names typed into the editor are not marked either; the published paragraph still is.
    const after = await getMentions(browser, page);
    expect(plainMentions(after.mentions)).toEqual(plainMentions(found.mentions));
    expect((await paintedIn(page)).filter((p) => p.editable)).toEqual([]);

    // The page's other content is untouched: everything outside the editor and the edit counter.
    expect(await domDifference(page, html, ['#editor', '#log'])).toBe('');
    // The published name still opens its card, while the editor has focus.
    await expectCard(page, 'Val Kilmer', 'val-kilmer', 'Val Kilmer', { within: '#intro' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
    await screenshot(page, 'hostile-editor-card');
    await expectNoConsoleProblems(console);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. Infinite scroll

describe('hostile-scroll.html: a feed that appends posts as you scroll', () => {
  const POSTS: ExpectedMention[] = [
    { block: '#post-1-body', entity: 'tom-sizemore', text: 'Tom Sizemore' },
    { block: '#post-2-body', entity: 'diane-venora', text: 'Diane Venora' },
    { block: '#post-3-body', entity: 'danny-trejo', text: 'Danny Trejo' },
    { block: '#post-4-body', entity: 'al-pacino', text: 'Al Pacino' },
    { block: '#post-5-body', entity: 'jon-voight', text: 'Jon Voight' },
    { block: '#post-6-body', entity: 'wes-studi', text: 'Wes Studi' },
  ];
  const FIRST: ExpectedMention[] = [
    { block: '#post-0-body', entity: 'heat', text: 'Heat' },
    { block: '#post-0-body', entity: 'michael-mann', text: 'Michael Mann' },
  ];

  it('finds the names in posts appended while scrolling, and their cards open', async () => {
    const { page, console } = await open('hostile-scroll.html');
    const count = () => page.evaluate(() => (window as unknown as { feedCount(): number }).feedCount());
    // The first screen may already have pulled in a batch, and may pull another while we ask: take
    // an answer given while the feed held still.
    let loaded = await count();
    let initial = await getMentions(browser, page);
    for (let after = await count(); after !== loaded; after = await count()) {
      loaded = after;
      initial = await getMentions(browser, page);
    }
    expect(plainMentions(initial.mentions)).toEqual(await resolveExpected(page, [...FIRST, ...POSTS.slice(0, loaded - 1)]));

    // Scroll like a reader until the feed stops growing.
    const grown = await pollUntil(
      async () => {
        await page.mouse.move(400, 400);
        await page.mouse.wheel(0, 1200);
        return count();
      },
      (n) => n === 7,
      8_000,
      150,
    );
    expect(grown.ok, `feed has ${grown.value} posts`).toBe(true);
    const all = await getMentions(browser, page);
    expect(plainMentions(all.mentions)).toEqual(await resolveExpected(page, [...FIRST, ...POSTS]));
    // Painted too, without being asked.
    expect((await paintedIn(page)).map((p) => p.text).sort()).toEqual([...FIRST, ...POSTS].map((m) => m.text).sort());

    // The last post, appended by the feed, gets its card.
    await expectCard(page, 'Wes Studi', 'wes-studi', 'Wes Studi', { within: '#post-6-body' });
    await screenshot(page, 'hostile-scroll-card');
    await expectNoConsoleProblems(console);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. A same-origin iframe

describe('hostile-iframe.html: a review in a same-origin iframe', () => {
  const html = readFixture('hostile-iframe.html');
  const innerHtml = readFixture('hostile-iframe-inner.html');

  const frameOf = async (page: Page): Promise<Frame> => {
    const frame = page.frame({ url: /hostile-iframe-inner\.html$/ });
    if (!frame) throw new Error('no inner frame');
    await frame.waitForLoadState('load');
    return frame;
  };

  it('the top frame reports its own names only (mentions/get asks the top frame), and neither document is touched', async () => {
    const { page, console } = await open('hostile-iframe.html');
    const found = await getMentions(browser, page);
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, [{ block: '#top-text', entity: 'michael-mann', text: 'Michael Mann' }]));
    const frame = await frameOf(page);
    expect(await domDifference(page, html)).toBe('');
    expect(await frame.evaluate((source) => {
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      return document.body.innerHTML === parsed.body.innerHTML && document.head.innerHTML === parsed.head.innerHTML;
    }, innerHtml)).toBe(true);
    await expectNoConsoleProblems(console);
    await page.close();
  });

  /*
   * Names inside an iframe (an embedded review, a comments widget) are read by the frame's own content
   * script (`allFrames`); only the top frame keeps the badge and answers `mentions/get`.
   */
  it('names inside the iframe are painted in the frame and open a card over it', async () => {
    const { page } = await open('hostile-iframe.html');
    await getMentions(browser, page);
    const frame = await frameOf(page);
    const painted = await pollUntil(() => paintedIn(frame).catch(() => []), (list) => list.length >= 3, 2_000, 100);
    expect(painted.value.map((p) => p.text).sort()).toEqual(['Al Pacino', 'Robert De Niro', 'Val Kilmer']);
    // The card opens in the frame's document, over the frame's text, inside the frame's viewport.
    const frameBox = (await page.locator('#review-frame').boundingBox())!;
    const inner = await frame.evaluate(() => {
      const p = document.getElementById('inner-2')!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Val Kilmer');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 3);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    await page.mouse.move(frameBox.x + inner.x, frameBox.y + inner.y, { steps: 3 });
    const opened = await pollUntil(
      () => frame.evaluate(() => document.querySelector('heat-notes-ui')?.shadowRoot?.querySelector('[data-entity]')?.getAttribute('data-entity') ?? null),
      (entity) => entity === 'val-kilmer',
      2_000,
      20,
    );
    expect(opened.ok).toBe(true);
    expectStyledCard(await cardLook(frame));
    await screenshot(page, 'hostile-iframe-card');
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. A modal dialog open before the page has loaded (card-looks covers one opened by a click)

describe('hostile-dialog.html: a modal dialog open from the start', () => {
  const html = readFixture('hostile-dialog.html');

  it('marks the names in and behind the dialog, opens the card inside the dialog, and the dialog still works', async () => {
    const { page, console } = await open('hostile-dialog.html');
    const found = await getMentions(browser, page);
    // Behind the wall (inert, but on the page) and in it; never in its input field.
    expect(plainMentions(found.mentions)).toEqual(
      await resolveExpected(page, [
        { block: '#behind', entity: 'tom-noonan', text: 'Tom Noonan' },
        { block: '#wall-text', entity: 'ashley-judd', text: 'Ashley Judd' },
        { block: '#wall-text', entity: 'amy-brenneman', text: 'Amy Brenneman' },
      ]),
    );
    // showModal() adds an `open` attribute: the source as parsed has none, the live page must have it.
    expect(await domDifference(page, html, ['dialog'])).toBe('');

    const { look } = await expectCard(page, 'Amy Brenneman', 'amy-brenneman', 'Amy Brenneman', { within: '#wall-text' });
    expect(look.hostParent).toBe('wall');
    await screenshot(page, 'hostile-dialog-card');
    // The dialog's own controls still take the pointer and the keyboard once the card is closed
    // (the card lies over the input's right half, as a hover card does).
    await closeCard(page);
    await page.click('#wall-input');
    await page.keyboard.press('End');
    await page.keyboard.type(' twice');
    expect(await page.inputValue('#wall-input')).toBe('Al Pacino at the airport twice');
    await page.click('#wall-later');
    await pollUntil(() => page.textContent('#status'), (t) => t === 'Wall closed: later', 1_000);
    expect(await page.textContent('#status')).toBe('Wall closed: later');
    expect(await page.evaluate(() => (document.getElementById('wall') as HTMLDialogElement).open)).toBe(false);

    // With the wall gone, a name behind it gets its card, hosted at the end of <body> again.
    const behind = await expectCard(page, 'Tom Noonan', 'tom-noonan', 'Tom Noonan', { within: '#behind' });
    expect(behind.look.hostParent).toBe('body');
    expect(await page.evaluate(() => document.querySelectorAll('heat-notes-ui').length)).toBe(1);
    await expectNoConsoleProblems(console);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 6. Right to left

describe('hostile-rtl.html: Hebrew and Arabic around English names', () => {
  const html = readFixture('hostile-rtl.html');
  const EXPECTED: ExpectedMention[] = [
    { block: '#he-1', entity: 'heat', text: 'Heat' },
    { block: '#he-1', entity: 'michael-mann', text: 'Michael Mann' },
    { block: '#he-2', entity: 'al-pacino', text: 'Al Pacino' },
    { block: '#he-2', entity: 'robert-de-niro', text: 'Robert De Niro' },
    { block: '#ar-1', entity: 'val-kilmer', text: 'Val Kilmer' },
    { block: '#edge-left', entity: 'tom-sizemore', text: 'Tom Sizemore' },
    { block: '#he-3', entity: 'jon-voight', text: 'Jon Voight' },
  ];

  it('finds the names at their offsets, and cards open inside the viewport at both edges', async () => {
    const { page, console } = await open('hostile-rtl.html');
    const found = await getMentions(browser, page);
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, EXPECTED));
    expect(await domDifference(page, html)).toBe('');

    // A name in the middle of right-to-left text; one at the left edge; one near the right edge.
    const mid = await expectCard(page, 'Robert De Niro', 'robert-de-niro', 'Robert De Niro', { within: '#he-2' });
    // The card is English: it reads left to right whatever the page's direction.
    expect(mid.look.direction).toBe('ltr');
    await screenshot(page, 'hostile-rtl-card-middle');
    const left = await expectCard(page, 'Tom Sizemore', 'tom-sizemore', 'Tom Sizemore', { within: '#edge-left' });
    expect(left.box.rect.left).toBeLessThan(100);
    await screenshot(page, 'hostile-rtl-card-left');
    const right = await expectCard(page, 'Heat', 'heat', 'Heat', { within: '#he-1' });
    expect(right.box.rect.right).toBeGreaterThan(500);
    await screenshot(page, 'hostile-rtl-card-right');
    await expectNoConsoleProblems(console);
    await page.close();
  });
});
