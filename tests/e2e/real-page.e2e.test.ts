/**
 * A page built like the real ones of issue 12: a news article about Heat with a deals list beside it and
 * a publisher's footer. The studio's name stands in four places there and means the film studio in two:
 * the article and the "100 Film Collection" deal, but not the television arm in the credits or the
 * parent company in the copyright line. The team, the heat advisory and the heat pump stay unmarked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countHighlightedRanges,
  launchWithExtension,
  openFixture,
  plainMentions,
  resolveExpected,
  screenshot,
  startFixtureServer,
  type ExpectedMention,
  type ExtensionBrowser,
  type FixtureServer,
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

/** real-page.html, block by block, in document order. Each block is an element with no nested block. */
const EXPECTED: ExpectedMention[] = [
  { block: '#headline', entity: 'heat', text: 'Heat' },
  { block: '#a1', entity: 'michael-mann', text: 'Michael Mann' },
  { block: '#a1', entity: 'heat', text: 'Heat' },
  { block: '#a1', entity: 'warner-bros', text: 'Warner Bros.' },
  { block: '#a1', entity: 'michael-mann', text: 'Mann', nth: 1 },
  { block: '#a2', entity: 'al-pacino', text: 'Al Pacino' },
  { block: '#a2', entity: 'robert-de-niro', text: 'Robert De Niro' },
  { block: '#a2', entity: 'vincent-hanna', text: 'Hanna' },
  { block: '#a2', entity: 'neil-mccauley', text: 'McCauley' },
  { block: '#a2', entity: 'al-pacino', text: 'Pacino', nth: 1 },
  { block: '#a2', entity: 'robert-de-niro', text: 'De Niro', nth: 1 },
  { block: '#a3', entity: 'the-town', text: 'The Town' },
  { block: '#a3', entity: 'the-dark-knight', text: 'The Dark Knight' },
  { block: '#a3', entity: 'christopher-nolan', text: 'Christopher Nolan' },
  { block: '#a4', entity: 'la-takedown', text: 'L.A. Takedown' },
  // The deals: the studio's own collection, the film's disc and the novel; not the team's tickets or the dryer.
  { block: '#deal-1', entity: 'warner-bros', text: 'Warner Bros.' },
  { block: '#deal-2', entity: 'heat', text: 'Heat' },
  { block: '#deal-4', entity: 'heat-2', text: 'Heat 2' },
];

describe('real-page.html: a news article with a deals list and a publisher’s footer', () => {
  it('reports exactly the mentions a reader would mark, with their offsets in the block text', async () => {
    const { page, found } = await openFixture(browser, server, 'real-page.html');
    await screenshot(page, 'real-page-marked', { fullPage: true });
    const expected = await resolveExpected(page, EXPECTED);
    expect(plainMentions(found.mentions)).toEqual(expected);
    expect(await countHighlightedRanges(page)).toBeGreaterThanOrEqual(expected.length);
    await page.close();
  });

  it('marks nothing in the footer, where Warner Bros. is the parent company and the television arm', async () => {
    const { page, found } = await openFixture(browser, server, 'real-page.html');
    const footer = await page.evaluate(() => ({
      credits: document.querySelector('#credits')!.textContent ?? '',
      copyright: document.querySelector('#copyright')!.textContent ?? '',
    }));
    expect(footer.credits).toContain('Warner Bros. Television');
    expect(footer.copyright).toContain('A Warner Bros. Discovery Company');
    const paintedInFooter = await page.evaluate(() => {
      const footerElement = document.querySelector('footer')!;
      let inside = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('heat-notes')) return;
        highlight.forEach((range) => {
          if (footerElement.contains((range as AbstractRange).startContainer)) inside++;
        });
      });
      return inside;
    });
    expect(paintedInFooter).toBe(0);
    expect(found.mentions.filter((m) => m.entity === 'warner-bros')).toHaveLength(2);
    await page.close();
  });
});
