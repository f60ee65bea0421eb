/**
 * Footnote markers glued to names (issue 12): a superscript number, a bracketed reference link, a
 * footnote link with no superscript and a subscript letter are markers, not words. The names before
 * them are found, with the marker outside the mention; decoys ("The Dark Knight Returns", "Miami
 * Heat") still win with a marker glued to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

const EXPECTED: ExpectedMention[] = [
  { block: 'h1', entity: 'heat', text: 'Heat' },
  { block: '#sup-names', entity: 'heat', text: 'Heat' },
  { block: '#sup-names', entity: 'michael-mann', text: 'Michael Mann' },
  { block: '#sup-names', entity: 'al-pacino', text: 'Al Pacino' },
  { block: '#sup-names', entity: 'robert-de-niro', text: 'Robert De Niro' },
  { block: '#bracket-names', entity: 'val-kilmer', text: 'Val Kilmer' },
  { block: '#bracket-names', entity: 'jon-voight', text: 'Jon Voight' },
  { block: '#link-names', entity: 'michael-mann', text: 'Mann' },
  { block: '#link-names', entity: 'la-takedown', text: 'L.A. Takedown' },
  { block: '#link-names', entity: 'neil-mccauley', text: 'Neil McCauley' },
  { block: '#link-names', entity: 'tom-sizemore', text: 'Tom Sizemore' },
  { block: '#decoys', entity: 'christopher-nolan', text: 'Christopher Nolan' },
];

describe('footnotes.html: names with footnote markers glued to them', () => {
  it('finds every name before a marker, and no decoy', async () => {
    const { page, found } = await openFixture(browser, server, 'footnotes.html');
    await screenshot(page, 'footnotes-marked', { fullPage: true });
    expect(plainMentions(found.mentions)).toEqual(await resolveExpected(page, EXPECTED));
    expect(found.mentions.some((m) => m.entity === 'the-dark-knight')).toBe(false);
    // "Heat" in the decoys paragraph is the team's.
    expect(found.mentions.filter((m) => m.entity === 'heat')).toHaveLength(2);
    await page.close();
  });
});
