/**
 * Hostile and unusual pages (issue 6, point 4), part two: pages that push on the platform rather than
 * on the DOM. A page served with a strict Content-Security-Policy (`default-src 'self'`: no inline
 * styles), a page of 100 000 elements, and a page whose own script wipes the shared highlight
 * registry. Same checks as hostile-pages.e2e.test.ts: names found (exact), card works and is styled,
 * page unharmed, no errors from any world of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  NEUTRAL_POINT,
  getMentions,
  launchWithExtension,
  pollUntil,
  readHighlights,
  resolveExpected,
  screenshot,
  startFixtureServer,
  openWatched,
  type ExpectedMention,
  type ExtensionBrowser,
  type FixtureServer,
  type GeneratedPage,
  plainMentions,
} from './harness';
import { expectCard } from './card-look';

const CSP = "default-src 'self'";

// ---------------------------------------------------------------------------------------------------
// The 100 000-element page, made by the server on request

const HUGE = { sections: 500, paragraphsPerSection: 40, inlinePerParagraph: 4, mentionEvery: 500 } as const;
const HUGE_NAMES = [
  ['al-pacino', 'Al Pacino'],
  ['robert-de-niro', 'Robert De Niro'],
  ['val-kilmer', 'Val Kilmer'],
  ['jon-voight', 'Jon Voight'],
  ['ashley-judd', 'Ashley Judd'],
] as const;
const FILLER = ['the', 'night', 'shift', 'ran', 'long', 'and', 'quiet', 'along', 'a', 'wet', 'road', 'by', 'harbour', 'lights'];

/**
 * 500 sections × (1 heading + 40 paragraphs × (1 + 4 inline elements)) + 500 sections = 101 000
 * elements, about 4 MB of HTML. Every 500th paragraph names one person (in full, inside a `<b>`, so the
 * name sits in its own text node among inline siblings); the rest is lower-case filler with no name.
 */
function hugePage(): GeneratedPage {
  // The page measures its own frames from DOMContentLoaded on (before the content script starts). The
  // first gap is the browser's own first layout of 100 000 elements (1.5–3.5 s here with Heat Notes
  // switched off too), so it is left out: the longest of the others is how long the page stood frozen.
  const frameWatch =
    '<script>addEventListener("DOMContentLoaded",()=>{const w=window;w.__maxGap=0;w.__firstGap=-1;let last=performance.now();' +
    'const tick=(t)=>{const gap=t-last;if(w.__firstGap<0)w.__firstGap=gap;else w.__maxGap=Math.max(w.__maxGap,gap);last=t;requestAnimationFrame(tick)};' +
    'requestAnimationFrame(tick)})</script>';
  const parts: string[] = [`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long page</title>${frameWatch}</head><body>`];
  let paragraph = 0;
  for (let s = 0; s < HUGE.sections; s++) {
    parts.push(`<section><h2>Part ${s + 1}</h2>`);
    for (let p = 0; p < HUGE.paragraphsPerSection; p++, paragraph++) {
      const word = (k: number) => FILLER[(paragraph * 7 + k * 3) % FILLER.length];
      const named = paragraph % HUGE.mentionEvery === 0 ? HUGE_NAMES[(paragraph / HUGE.mentionEvery) % HUGE_NAMES.length]![1] : null;
      parts.push(
        `<p${named ? ` id="huge-${paragraph}"` : ''}>${word(0)} <span>${word(1)} ${word(2)}</span> ` +
          `<a href="#p${paragraph}">${word(3)}</a> <b>${named ?? word(4)}</b> <i>${word(5)}</i> ${word(6)}.</p>`,
      );
    }
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return { body: parts.join('') };
}

function hugeExpected(): ExpectedMention[] {
  const expected: ExpectedMention[] = [];
  const total = HUGE.sections * HUGE.paragraphsPerSection;
  for (let paragraph = 0; paragraph < total; paragraph += HUGE.mentionEvery) {
    const [entity, text] = HUGE_NAMES[(paragraph / HUGE.mentionEvery) % HUGE_NAMES.length]!;
    expected.push({ block: `#huge-${paragraph}`, entity, text });
  }
  return expected;
}

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer(undefined, {
    headers: { '/hostile-csp.html': { 'content-security-policy': CSP } },
    generated: { '/hostile-huge.html': hugePage },
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---------------------------------------------------------------------------------------------------
// Helpers


/** Opens a fixture with the console watched; the generated 100,000-element page takes a while to load. */
const open = (name: string) => openWatched(browser, server, name, { timeoutMs: 60_000 });

// ---------------------------------------------------------------------------------------------------
// 7. Strict Content-Security-Policy

describe('hostile-csp.html: served with Content-Security-Policy: default-src \'self\'', () => {
  it('finds the names and shows a fully styled card, causing no CSP refusal of its own', async () => {
    const { page, console } = await open('hostile-csp.html');
    const response = await page.request.get(server.url('hostile-csp.html'));
    expect(response.headers()['content-security-policy']).toBe(CSP);
    // The policy is in force: the page's own inline style attribute is refused…
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('csp-inline')!).color)).not.toBe('rgb(200, 0, 0)');
    // …and its external stylesheet applies.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(238, 242, 245)');

    const found = await getMentions(browser, page);
    expect(plainMentions(found.mentions)).toEqual(
      await resolveExpected(page, [
        { block: '#csp-2', entity: 'al-pacino', text: 'Al Pacino' },
        { block: '#csp-3', entity: 'robert-de-niro', text: 'Robert De Niro' },
      ]),
    );
    // The marks are painted (the highlight CSS comes from the manifest, not from the page).
    expect((await readHighlights(page)).find((h) => h.name === 'heat-notes-underline-amber')?.size).toBe(2);

    await expectCard(page, 'Al Pacino', 'al-pacino', 'Al Pacino', { within: '#csp-2' });
    await screenshot(page, 'hostile-csp-card');
    await expectCard(page, 'Robert De Niro', 'robert-de-niro', 'Robert De Niro', { within: '#csp-3' });

    // Exactly one refusal on this page, the page's own inline style attribute; none for our card.
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: Array<{ directive: string; source: string }> }).cspViolations);
    expect(violations.map((v) => v.directive)).toEqual(['style-src-attr']);
    const problems = console.problems();
    const refusals = problems.filter((p) => /Content Security Policy/i.test(p.text));
    expect(refusals, JSON.stringify(refusals)).toHaveLength(1);
    expect(problems.filter((p) => !/Content Security Policy/i.test(p.text))).toEqual([]);
    await console.stop();
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 8. 100 000 elements

describe('hostile-huge.html: a page of 100 000 elements', () => {
  it('is read to the end: every name found at its offset, and a name near the end gets its card', async () => {
    const { page, console } = await open('hostile-huge.html');
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(elements).toBeGreaterThanOrEqual(100_000);

    const started = Date.now();
    const found = await getMentions(browser, page, 30_000);
    const answeredMs = Date.now() - started;
    const expected = await resolveExpected(page, hugeExpected());
    expect(expected).toHaveLength(40);
    expect(plainMentions(found.mentions)).toEqual(expected);
    // Read (a page of this size is entered untested, its smaller blocks tested: HUGE_ELEMENTS in page-reader.ts), and
    // the scan's own time reported.
    expect(found.stats.textNodes).toBeGreaterThan(0);
    expect(found.stats.scanMs).toBeGreaterThan(0);
    expect((await readHighlights(page)).find((h) => h.name === 'heat-notes-underline-amber')?.size).toBe(40);

    // How long the page went without a frame is reported, not asserted: a test's timing depends on
    // the machine's load (a CI run saw 600 ms where quiet runs see 100–200 ms, with or without Heat
    // Notes). That the scan is cut into slices is asserted in page-scanner.dom.test.ts, and how long its
    // slices and the page's tasks are is `npm run bench`'s to measure.
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    process.stdout.write(`[hostile-huge] longest frame gap after the first layout: ${Math.round(maxGap)} ms\n`);
    // A name near the end gets its card.
    await expectCard(page, 'Ashley Judd', 'ashley-judd', 'Ashley Judd', { within: '#huge-19500' });
    await screenshot(page, 'hostile-huge-card');
    expect(console.problems()).toEqual([]);
    await console.stop();
    // For the report: how long the first answer took, and what the scan says it spent.
    process.stdout.write(`[hostile-huge] ${elements} elements; first answer after ${answeredMs} ms; scanMs ${found.stats.scanMs}; textNodes ${found.stats.textNodes}\n`);
    await page.close();
  });
});

// ---------------------------------------------------------------------------------------------------
// 9. A page that clears CSS.highlights

describe('hostile-clear.html: the page clears CSS.highlights (its own find-in-page)', () => {
  const EXPECTED: ExpectedMention[] = [
    { block: '#clear-1', entity: 'val-kilmer', text: 'Val Kilmer' },
    { block: '#clear-1', entity: 'tom-sizemore', text: 'Tom Sizemore' },
    { block: '#clear-2', entity: 'al-pacino', text: 'Al Pacino' },
  ];
  const ours = async (page: Page) => (await readHighlights(page)).find((h) => h.name === 'heat-notes-underline-amber')?.size ?? 0;
  const theirs = (page: Page) => page.evaluate(() => (window as unknown as { siteFind: { ranges(): number } }).siteFind.ranges());

  it('finds the names, the card still opens after a wipe, and the page keeps its own highlight', async () => {
    const { page, console } = await open('hostile-clear.html');
    const found = await getMentions(browser, page);
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, EXPECTED));

    // The page wipes the registry (it searches again).
    await page.evaluate(() => (window as unknown as { siteFind: { search(): void } }).siteFind.search());
    // Hovering needs no highlight: the card opens over a name all the same.
    await expectCard(page, 'Al Pacino', 'al-pacino', 'Al Pacino', { within: '#clear-2' });
    await screenshot(page, 'hostile-clear-card');
    // Our paint never takes the page's own highlight away.
    expect(await theirs(page)).toBe(3);
    // Typing in the page's search box still works (and wipes again).
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
    await page.fill('#find', 'car');
    expect(await theirs(page)).toBe(1);
    expect(console.problems()).toEqual([]);
    await console.stop();
    await page.close();
  });

  /*
   * A page may clear CSS.highlights without changing its DOM (a site's own find-in-page, a highlighter
   * library's reset): the registry has no change event, so the content script re-asserts its
   * highlights once a second while the tab is visible (a map lookup when all is well).
   */
  it('the marks come back within 2 s after the page wipes the registry', async () => {
    const { page } = await open('hostile-clear.html');
    await getMentions(browser, page);
    await page.evaluate(() => (window as unknown as { siteFind: { search(): void } }).siteFind.search());
    expect(await ours(page)).toBe(0);
    const back = await pollUntil(() => ours(page), (size) => size === EXPECTED.length, 2_000, 50);
    expect(back.ok, `heat-notes-underline-amber has ${back.value} ranges 2 s after the wipe`).toBe(true);
    await page.close();
  });
});
