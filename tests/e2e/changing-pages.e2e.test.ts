/**
 * Pages that change after load (docs/contract.md, "`mentions/get`"; docs/platform-notes.md, "Pages that
 * change"): text added, edited and removed, single-page navigation, open and closed shadow roots, a
 * flood of changes, and the extension's own `<heat-notes-ui>`. Every check is about what a user would
 * notice: the names reported by `mentions/get` (with their block offsets, computed from the page) and
 * the ranges actually painted in the page's highlight registry, read from the page world.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  HIGHLIGHT_PREFIX,
  NEUTRAL_POINT,
  delay,
  getMentions,
  launchWithExtension,
  openFixture,
  pollUntil,
  resolveExpected,
  restPointerOn,
  screenshot,
  startFixtureServer,
  waitForCard,
  type ExpectedMention,
  type ExtensionBrowser,
  type FixtureServer,
  type MentionReport,
  plainMentions,
} from './harness';

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
// Reading what is painted, from the page world

/** One range of a `heat-notes-*` highlight, as the page sees it. */
interface PaintedRange {
  /** The highlight's name (`heat-notes-underline-amber`, `heat-notes-active-amber`…). */
  highlight: string;
  /** `toString()` of a live Range built from the StaticRange; `"<invalid>"` when its offsets no longer fit. */
  text: string;
  /** Both ends are still in the page. */
  connected: boolean;
  /** Where the range starts in its block's text (docs/contract.md's definition, computed here independently). */
  offset: number;
  /** The block's id, or its shadow host's id when the block is a shadow root; '' if it has none. */
  block: string;
}

/**
 * Page-world helpers, installed as plain JavaScript (a string, so no bundler helper such as `__name`
 * leaks into the page) on `window.__heatNotesTest`. They add no node and no attribute to the page.
 *
 * The block rules are the contract's, written here without looking at the extension's code: a block is
 * the nearest block-level ancestor by tag name (or the shadow root, for text in no block inside one);
 * its text is its own text nodes in tree order, minus nested blocks and never-matched elements.
 */
const PAGE_HELPERS = `
(() => {
  const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details',
    'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
    'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'search',
    'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
  const SKIPPED = new Set(['input', 'textarea', 'select', 'option', 'script', 'style', 'noscript', 'template',
    'svg', 'math', 'code', 'pre', 'iframe', 'object', 'canvas', 'video', 'audio', 'heat-notes-ui']);
  const isShadowRoot = (node) => node.nodeType === 11 && 'host' in node;
  const blockOf = (node) => {
    for (let current = node.parentNode; current; current = current.parentNode) {
      if (current.nodeType === 1 && BLOCKS.has(current.localName)) return current;
      if (isShadowRoot(current)) return current;
    }
    return null;
  };
  const ownTextNodes = (block) => {
    const nodes = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let mine = true;
      for (let el = node.parentNode; el && el !== block; el = el.parentNode) {
        if (el.nodeType !== 1) continue;
        const editable = el.getAttribute('contenteditable');
        if (BLOCKS.has(el.localName) || SKIPPED.has(el.localName) || (editable !== null && editable !== 'false')) mine = false;
      }
      if (mine) nodes.push(node);
    }
    return nodes;
  };
  const blockText = (block) => ownTextNodes(block).map((node) => node.data).join('');
  const offsetIn = (block, container, offset) => {
    let sum = 0;
    for (const node of ownTextNodes(block)) {
      if (node === container) return sum + offset;
      sum += node.data.length;
    }
    return -1;
  };
  const nameOf = (block) => (block === null ? '' : isShadowRoot(block) ? block.host.id : block.id || block.localName);
  /** Finds a node by a path of selectors, each but the last naming a shadow host whose open root to enter. */
  const byPath = (selectors) => {
    let root = document;
    let found = null;
    selectors.forEach((selector, i) => {
      found = root.querySelector(selector);
      if (!found) throw new Error('nothing matches ' + selectors.slice(0, i + 1).join(' >> '));
      if (i < selectors.length - 1) root = found.shadowRoot;
    });
    return found;
  };
  window.__heatNotesTest = {
    painted(prefix) {
      const out = [];
      if (typeof CSS === 'undefined' || !CSS.highlights) return out;
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith(prefix)) return;
        highlight.forEach((r) => {
          let text = '<invalid>';
          try {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            text = live.toString();
          } catch {}
          const block = blockOf(r.startContainer);
          out.push({
            highlight: name,
            text,
            connected: r.startContainer.isConnected && r.endContainer.isConnected,
            offset: block ? offsetIn(block, r.startContainer, r.startOffset) : -1,
            block: nameOf(block),
          });
        });
      });
      return out;
    },
    /** The contract's text of the block at a selector path (or of the last host's open shadow root). */
    blockText(selectors, shadowRootOfLast) {
      const node = byPath(selectors);
      return blockText(shadowRootOfLast ? node.shadowRoot : node);
    },
  };
})();
`;

interface PageHelpers {
  painted(prefix: string): PaintedRange[];
  blockText(selectors: string[], shadowRootOfLast: boolean): string;
}

async function installHelpers(page: Page): Promise<void> {
  await page.evaluate(PAGE_HELPERS);
}

/** Every range in every `heat-notes-*` highlight (the registry is the page's, so the page world reads it). */
async function readPainted(page: Page): Promise<PaintedRange[]> {
  await installHelpers(page);
  return page.evaluate(
    (prefix) => (window as unknown as { __heatNotesTest: PageHelpers }).__heatNotesTest.painted(prefix),
    HIGHLIGHT_PREFIX,
  );
}

/** The mention highlight only (the "active" one repeats the mention under the pointer). */
async function readPaintedMentions(page: Page): Promise<PaintedRange[]> {
  return (await readPainted(page)).filter((range) => !range.highlight.startsWith(`${HIGHLIGHT_PREFIX}-active-`));
}

/**
 * The contract's block text of the element at a selector path (each selector but the last names a
 * shadow host whose open root the next one searches), or of the last host's shadow root.
 */
async function blockTextAt(page: Page, selectors: string[], shadowRoot = false): Promise<string> {
  await installHelpers(page);
  return page.evaluate(
    ({ selectors, shadowRoot }) =>
      (window as unknown as { __heatNotesTest: PageHelpers }).__heatNotesTest.blockText(selectors, shadowRoot),
    { selectors, shadowRoot },
  );
}

/** A mention inside a shadow tree, its block found through a selector `path` (see `blockTextAt`). */
async function expectedAt(page: Page, path: string[], entity: MentionReport['entity'], text: string, shadowRoot = false): Promise<MentionReport> {
  const blockText = await blockTextAt(page, path, shadowRoot);
  const offset = blockText.indexOf(text);
  if (offset < 0) throw new Error(`"${text}" not in the block at ${path.join(' > ')}: ${JSON.stringify(blockText)}`);
  return { entity, text, offset };
}


/** `{text, offset}` pairs, sorted, to compare what is painted with what is reported as multisets. */
function spots(items: ReadonlyArray<{ text: string; offset: number }>): string[] {
  return items.map((item) => `${item.text}@${item.offset}`).sort();
}

/**
 * What is painted is exactly what is reported: one live, in-page range per reported mention, covering
 * exactly the mention's text at its offset, and nothing else.
 */
async function expectPaintedMatchesReported(page: Page, mentions: readonly MentionReport[]): Promise<PaintedRange[]> {
  const painted = await readPaintedMentions(page);
  expect(painted.filter((range) => !range.connected), 'ranges over text no longer in the page').toEqual([]);
  expect(spots(painted)).toEqual(spots(mentions));
  return painted;
}

/**
 * Runs `fn` with the page's animation frames held (CDP virtual time paused; extension messages still
 * get through). The extension hands DOM changes over once per animation frame, so a change made in
 * `fn` is still pending when `mentions/get` arrives: the answer is current only if pending changes are
 * processed before answering, which is what the contract promises. Without holding frames, a frame
 * usually passes while the message travels, and a script that ignored pending changes would pass too.
 * Checks that no frame ran meanwhile (a frame counter in the page world), so the test proves that path.
 */
async function withFramesHeld<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames?: number };
    if (w.__frames !== undefined) return;
    w.__frames = 0;
    const tick = () => {
      w.__frames!++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  const running = await pollUntil(frames, (count) => count >= 2, 2_000, 10);
  expect(running.ok, 'no animation frames before holding them').toBe(true);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'pause' });
  try {
    // A frame already on its way may still land: let it, then count from there.
    await delay(100);
    const before = await frames();
    const result = await fn();
    expect(await frames(), 'an animation frame ran while frames were held').toBe(before);
    return result;
  } finally {
    await cdp.send('Emulation.setVirtualTimePolicy', { policy: 'advance' });
    await cdp.detach();
  }
}

/** Calls one of the fixture's own functions (`window.NAME(...args)`) in the page world. */
async function evaluateOnPage(page: Page, name: string, ...args: Array<string | number>): Promise<unknown> {
  return page.evaluate(
    ({ name, args }) => (window as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
    { name, args },
  );
}

// ---------------------------------------------------------------------------------------------------
// changing.html

/** changing.html as served, block by block. */
const DIARY_AT_LOAD: ExpectedMention[] = [
  { block: '#entry-edit', entity: 'al-pacino', text: 'Al Pacino' },
  { block: '#entry-remove', entity: 'jon-voight', text: 'Jon Voight' },
  { block: '#entry-keep', entity: 'wes-studi', text: 'Wes Studi' },
];

describe('changing.html: text that changes after load', () => {
  it('finds text added after load, at its block offset, and paints it without being asked', async () => {
    const { page, found } = await openFixture(browser, server, 'changing.html');
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, DIARY_AT_LOAD));

    await evaluateOnPage(page, 'addEntry', 'entry-new', 'Entry four: outside the bank, Tom Sizemore and Danny Trejo wait in the car.');
    await evaluateOnPage(page, 'addLinkedEntry', 'entry-link', 'Entry five: ', 'Val', ' Kilmer reloads without a glance at his hands.');

    // The user sees it marked: painted on the page's own changes, before anyone asks for the mentions.
    const paintedNew = await pollUntil(
      () => readPaintedMentions(page),
      (ranges) =>
        ranges.some((r) => r.block === 'entry-new' && r.text === 'Tom Sizemore') &&
        ranges.some((r) => r.block === 'entry-new' && r.text === 'Danny Trejo') &&
        ranges.some((r) => r.block === 'entry-link' && r.text === 'Val Kilmer'),
      3_000,
    );
    expect(paintedNew.ok, `painted after the additions: ${JSON.stringify(paintedNew.value)}`).toBe(true);

    const after = await getMentions(browser, page);
    const expected = await resolveExpected(page, [
      ...DIARY_AT_LOAD,
      { block: '#entry-new', entity: 'tom-sizemore', text: 'Tom Sizemore' },
      { block: '#entry-new', entity: 'danny-trejo', text: 'Danny Trejo' },
      { block: '#entry-link', entity: 'val-kilmer', text: 'Val Kilmer' },
    ]);
    expect(plainMentions(after.mentions)).toEqual(expected);
    await expectPaintedMatchesReported(page, after.mentions);
    await page.close();
  });

  it('edited and removed text: the answer asked for right after the change already reflects it', async () => {
    const { page } = await openFixture(browser, server, 'changing.html');

    await withFramesHeld(page, async () => {
      // 1. An edit in place (characterData): "Al Pacino" becomes "Val Kilmer". Asked at once, no waiting.
      expect(await evaluateOnPage(page, 'editEntryText', 'entry-edit', 'Al Pacino', 'Val Kilmer')).toBe(true);
      const edited = await getMentions(browser, page);
      expect(plainMentions(edited.mentions)).toEqual(
        await resolveExpected(page, [
          { block: '#entry-edit', entity: 'val-kilmer', text: 'Val Kilmer' },
          { block: '#entry-remove', entity: 'jon-voight', text: 'Jon Voight' },
          { block: '#entry-keep', entity: 'wes-studi', text: 'Wes Studi' },
        ]),
      );
      const paintedAfterEdit = await expectPaintedMatchesReported(page, edited.mentions);
      expect(paintedAfterEdit.map((r) => r.text)).not.toContain('Al Pacino');

      // 2. A paragraph's content replaced with new nodes (childList), as a framework re-render does.
      await evaluateOnPage(page, 'rewriteEntry', 'entry-keep', 'Entry three, rewritten: at the dinner table Diane Venora gets the last word.');
      const rewritten = await getMentions(browser, page);
      expect(plainMentions(rewritten.mentions)).toEqual(
        await resolveExpected(page, [
          { block: '#entry-edit', entity: 'val-kilmer', text: 'Val Kilmer' },
          { block: '#entry-remove', entity: 'jon-voight', text: 'Jon Voight' },
          { block: '#entry-keep', entity: 'diane-venora', text: 'Diane Venora' },
        ]),
      );
      await expectPaintedMatchesReported(page, rewritten.mentions);

      // 3. A paragraph removed: its mention is forgotten.
      await evaluateOnPage(page, 'removeEntry', 'entry-remove');
      const removed = await getMentions(browser, page);
      expect(plainMentions(removed.mentions)).toEqual(
        await resolveExpected(page, [
          { block: '#entry-edit', entity: 'val-kilmer', text: 'Val Kilmer' },
          { block: '#entry-keep', entity: 'diane-venora', text: 'Diane Venora' },
        ]),
      );
      expect(removed.mentions.map((m) => m.entity)).not.toContain('jon-voight');
      await expectPaintedMatchesReported(page, removed.mentions);
    });

    // 4. Change-then-ask rounds with frames running as usual: every answer is current too.
    for (let round = 0; round < 4; round++) {
      const [from, to] = round % 2 === 0 ? ['Val Kilmer', 'Al Pacino'] : ['Al Pacino', 'Val Kilmer'];
      expect(await evaluateOnPage(page, 'editEntryText', 'entry-edit', from, to)).toBe(true);
      const answer = await getMentions(browser, page);
      const entity = to === 'Al Pacino' ? 'al-pacino' : 'val-kilmer';
      expect(plainMentions(answer.mentions), `round ${round}`).toEqual(
        await resolveExpected(page, [
          { block: '#entry-edit', entity, text: to },
          { block: '#entry-keep', entity: 'diane-venora', text: 'Diane Venora' },
        ]),
      );
      await expectPaintedMatchesReported(page, answer.mentions);
    }
    await page.close();
  });

  it('a burst of 3,000 added paragraphs (full-rescan path) still yields exactly the right mentions', async () => {
    const { page } = await openFixture(browser, server, 'changing.html');
    // 3,000 appends, one record each, asked at once with frames held: the pending flood (past the
    // 1,000-record limit) must be read before answering.
    const { named, after } = await withFramesHeld(page, async () => {
      const named = (await evaluateOnPage(page, 'addBurst', 3000, 100)) as string[];
      return { named, after: await getMentions(browser, page) };
    });
    expect(named).toHaveLength(30);
    const expected = await resolveExpected(page, [
      ...DIARY_AT_LOAD,
      ...named.map((id) => ({ block: `#${id}`, entity: 'danny-trejo', text: 'Danny Trejo' })),
    ]);
    expect(plainMentions(after.mentions)).toEqual(expected);
    // Only the paragraphs that may hold a name were read, not the 3,000 (about 50 characters each).
    expect(after.stats.chars).toBeGreaterThanOrEqual(30 * 50);
    expect(after.stats.chars).toBeLessThan(300 * 50);
    await expectPaintedMatchesReported(page, after.mentions);

    // And the flood going away again (3,000 removals, one record each) is followed without being asked.
    await evaluateOnPage(page, 'clearBurst');
    const cleared = await pollUntil(
      () => readPaintedMentions(page),
      (ranges) => ranges.length === DIARY_AT_LOAD.length,
      5_000,
    );
    expect(cleared.ok, `still painted after the flood went: ${cleared.value.length} ranges`).toBe(true);
    const back = await getMentions(browser, page);
    expect(plainMentions(back.mentions)).toEqual(await resolveExpected(page, DIARY_AT_LOAD));
    await expectPaintedMatchesReported(page, back.mentions);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// spa.html

const SPA_ROUTES: Record<string, ExpectedMention[]> = {
  film: [
    { block: '#film-title', entity: 'heat', text: 'Heat' },
    { block: '#film-cast', entity: 'al-pacino', text: 'Al Pacino' },
    { block: '#film-cast', entity: 'robert-de-niro', text: 'Robert De Niro' },
    { block: '#film-crew', entity: 'tom-sizemore', text: 'Tom Sizemore' },
    { block: '#film-crew', entity: 'val-kilmer', text: 'Val Kilmer' },
    { block: '#film-crew', entity: 'danny-trejo', text: 'Danny Trejo' },
  ],
  kin: [
    { block: '#kin-nolan', entity: 'christopher-nolan', text: 'Christopher Nolan' },
    { block: '#kin-fichtner', entity: 'william-fichtner', text: 'William Fichtner' },
  ],
  about: [],
};

/** The cast route's names live in #cast-panel's shadow root, attached on the first visit. */
async function castExpected(page: Page): Promise<MentionReport[]> {
  return [
    await expectedAt(page, ['#cast-panel', '#cast-levine'], 'ted-levine', 'Ted Levine'),
    await expectedAt(page, ['#cast-panel', '#cast-williamson'], 'mykelti-williamson', 'Mykelti Williamson'),
  ];
}

describe('spa.html: single-page navigation', () => {
  it('after each pushState route change (and back), mentions and highlights reflect only the new content', async () => {
    const { page, found } = await openFixture(browser, server, 'spa.html');
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, SPA_ROUTES.film!));
    await expectPaintedMatchesReported(page, found.mentions);

    const go = async (route: string) => {
      await page.click(`nav a[data-route="${route}"]`);
      expect(new URL(page.url()).searchParams.get('route')).toBe(route);
    };
    const check = async (route: string) => {
      await page.waitForSelector(`#view[data-route="${route}"]`, { state: 'attached' });
      const answer = await getMentions(browser, page);
      const expected = route === 'cast' ? await castExpected(page) : await resolveExpected(page, SPA_ROUTES[route]!);
      expect(plainMentions(answer.mentions), `route ${route}`).toEqual(expected);
      await expectPaintedMatchesReported(page, answer.mentions);
    };

    await go('kin');
    await check('kin');
    await screenshot(page, 'spa-kin-route');
    // Content in a shadow root attached during the navigation: no mutation record announces it, so
    // only reading the page again on `wxt:locationchange` can find it.
    await go('cast');
    await check('cast');
    await screenshot(page, 'spa-cast-route');
    await go('about');
    await check('about');
    await page.goBack();
    await check('cast');
    await page.goBack();
    await check('kin');
    await page.goBack();
    await check('film');
    await screenshot(page, 'spa-back-to-film');
    await page.close();
  });

  /**
   * On a history traversal (Back/Forward) the Navigation API's `navigate` event, which WXT turns into
   * `wxt:locationchange`, fires BEFORE `popstate`, the event SPA routers render on. A rescan started
   * right away would read the previous route, and whatever the router then puts in a shadow root it
   * attaches at that moment would never be seen (`attachShadow` makes no mutation record). After a
   * reload the cast panel has no shadow root yet, so Back to the cast route exercises exactly that.
   */
  it('after a reload, Back into a route rendered in a newly attached shadow root marks its names', async () => {
    const { page } = await openFixture(browser, server, 'spa.html');
    await page.click('#to-cast');
    await page.click('#to-about');
    await page.reload();
    await getMentions(browser, page); // the reloaded page has been read once
    await page.goBack();
    await page.waitForSelector('#view[data-route="cast"]', { state: 'attached' });
    // The names are on screen, in the panel's (open) shadow root.
    const expected = await castExpected(page);
    expect(expected).toHaveLength(2);
    const answer = await pollUntil(
      () => getMentions(browser, page),
      (found) => found.mentions.length > 0,
      3_000,
      200,
    );
    expect(plainMentions(answer.value.mentions)).toEqual(expected);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// shadow.html

describe('shadow.html: web components', () => {
  it('reads open shadow roots at load and as they change, and never reports a closed one', async () => {
    const { page, found } = await openFixture(browser, server, 'shadow.html');
    const atLoad = [
      ...(await resolveExpected(page, [
        { block: '#wall-intro', entity: 'heat', text: 'Heat' },
        { block: '#wall-intro', entity: 'michael-mann', text: 'Michael Mann' },
      ])),
      await expectedAt(page, ['#credit-open', 'p.line'], 'amy-brenneman', 'Amy Brenneman'),
      // A card inside another card's shadow root: two open roots deep.
      await expectedAt(page, ['#credit-nested', '#credit-inner', 'p.line'], 'hank-azaria', 'Hank Azaria'),
    ];
    expect(plainMentions(found.mentions)).toEqual(atLoad);
    await expectPaintedMatchesReported(page, found.mentions);

    // A card added later, then text added inside an existing open shadow root, then loose text
    // straight in a shadow root (no block: the root is the block), then another closed card.
    await evaluateOnPage(page, 'addCredit', 'credit-late', 'Diane Venora plays Justine, who waits up in a glass house.');
    await evaluateOnPage(page, 'appendInShadow', 'credit-open', 'credit-open-extra', 'A later note: Tom Noonan has one scene as Kelso and takes it.');
    await evaluateOnPage(page, 'appendLooseTextInShadow', 'credit-late', 'Postscript: Mykelti Williamson as Drucker.');
    await evaluateOnPage(page, 'addSecretCredit', 'credit-closed-late', 'Natalie Portman plays Lauren, the stepdaughter.');

    const painted = await pollUntil(
      () => readPaintedMentions(page),
      (ranges) => ['Diane Venora', 'Tom Noonan', 'Mykelti Williamson'].every((name) => ranges.some((r) => r.text === name)),
      3_000,
    );
    expect(painted.ok, `painted after the shadow changes: ${JSON.stringify(painted.value.map((r) => r.text))}`).toBe(true);

    const after = await getMentions(browser, page);
    const expected = [
      ...atLoad.slice(0, 3),
      await expectedAt(page, ['#credit-open', '#credit-open-extra'], 'tom-noonan', 'Tom Noonan'),
      atLoad[3]!,
      await expectedAt(page, ['#credit-late', 'p.line'], 'diane-venora', 'Diane Venora'),
      await expectedAt(page, ['#credit-late'], 'mykelti-williamson', 'Mykelti Williamson', true),
    ];
    expect(plainMentions(after.mentions)).toEqual(expected);
    await expectPaintedMatchesReported(page, after.mentions);

    // Closed shadow roots: the names are on screen (the page can read them through its own handles),
    // but neither reported nor painted.
    const closedText = await page.evaluate(() =>
      ((window as unknown as { closedRoots: ShadowRoot[] }).closedRoots ?? []).map((root) => root.textContent ?? '').join(' | '),
    );
    expect(closedText).toContain('Ashley Judd');
    expect(closedText).toContain('Natalie Portman');
    const entities = after.mentions.map((m) => m.entity);
    expect(entities).not.toContain('ashley-judd');
    expect(entities).not.toContain('natalie-portman');
    const paintedTexts = (await readPainted(page)).map((r) => r.text);
    expect(paintedTexts).not.toContain('Ashley Judd');
    expect(paintedTexts).not.toContain('Natalie Portman');

    await screenshot(page, 'shadow-components', { fullPage: true });
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// review.html: what is painted

describe('review.html: highlights cover exactly the names', () => {
  it('every painted range reads as a reported mention: "Robert De Niro" across a link, "Pacino" without \'s', async () => {
    const { page, found } = await openFixture(browser, server, 'review.html');
    expect(found.mentions.length).toBeGreaterThan(0);
    const all = await readPainted(page);
    expect(all.length).toBeGreaterThan(0);
    // Every range of every heat-notes-* highlight reads, in the page, as one of the reported names.
    const reportedTexts = new Set(found.mentions.map((m) => m.text));
    for (const range of all) expect(reportedTexts, `painted "${range.text}" in ${range.block}`).toContain(range.text);
    // And one range per mention, at the mention's own offset in its block.
    const painted = await expectPaintedMatchesReported(page, found.mentions);
    const intro = painted.filter((r) => r.block === 'intro').map((r) => r.text);
    expect(intro).toContain('Robert De Niro'); // <a>Robert</a> De Niro: one range across the link
    expect(intro).not.toContain('De Niro');
    const leads = painted.filter((r) => r.block === 'leads').map((r) => r.text);
    expect(leads).toContain('Pacino'); // "Pacino's"
    expect(leads).toContain('De Niro'); // "De Niro’s"
    expect(painted.filter((r) => /['’]s?$/.test(r.text))).toEqual([]);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// The extension's own changes

interface RecordSummary {
  type: string;
  target: string;
  added: string[];
  removed: string[];
  attribute: string | null;
}

describe('the extension does not react to its own changes', () => {
  it('opening and closing cards adds <heat-notes-ui> once and nothing else; mentions and stats stay the same', async () => {
    const { page, found: before } = await openFixture(browser, server, 'review.html');
    // Installed from the page world before any hover: every change to the page's DOM, anywhere.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      const describeNode = (node: Node) => (node.nodeType === 1 ? (node as Element).localName : node.nodeName);
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          seen.push({
            type: r.type,
            target: describeNode(r.target),
            added: [...r.addedNodes].map(describeNode),
            removed: [...r.removedNodes].map(describeNode),
            attribute: r.attributeName,
          });
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      (window as unknown as { __pageRecords: () => unknown[] }).__pageRecords = () => {
        for (const r of observer.takeRecords()) {
          seen.push({
            type: r.type,
            target: describeNode(r.target),
            added: [...r.addedNodes].map(describeNode),
            removed: [...r.removedNodes].map(describeNode),
            attribute: r.attributeName,
          });
        }
        return seen;
      };
    });

    for (const [text, entity] of [
      ['Al Pacino', 'al-pacino'],
      ['Val Kilmer', 'val-kilmer'],
    ] as const) {
      await restPointerOn(page, text);
      const opened = await waitForCard(page, (card) => card?.entity === entity);
      expect(opened.ok, `card for ${entity}: ${JSON.stringify(opened.card)}`).toBe(true);
      await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
      const closed = await waitForCard(page, (card) => card === null, 1_500);
      expect(closed.ok, `card still open: ${JSON.stringify(closed.card)}`).toBe(true);
    }
    // Give a reaction time to happen: a few frames, as a batch of our own records would take.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));

    const records = await page.evaluate(() => (window as unknown as { __pageRecords: () => RecordSummary[] }).__pageRecords());
    expect(records).toEqual([{ type: 'childList', target: 'body', added: ['heat-notes-ui'], removed: [], attribute: null }]);
    expect(await page.evaluate(() => document.body.lastElementChild?.localName)).toBe('heat-notes-ui');

    const after = await getMentions(browser, page);
    // The same list and the same stats, scanMs included: no job ran because of our own node.
    expect(after).toEqual(before);
    await page.close();
  });
});
