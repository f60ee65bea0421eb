/**
 * Hit-testing (`lib/page/mark/hit-test.ts`) on text the browser has laid out: which mention, if any, is
 * under a point. The highlight API has no events, so this is how a resting pointer finds its name
 * (docs/platform-notes.md). The pages are scanned as the content script scans them; the points are
 * measured with the browser's own ranges over the words.
 */
import { describe, expect, it } from 'vitest';
import { mentionAtPoint } from '../../lib/page/mark/hit-test';
import type { PageScanner } from '../../lib/page/scan/page-scanner';
import { boxesOf, middle, rangeOf, scanPage } from './page-text';

const STYLE = 'font: 20px/1.6 sans-serif; margin: 16px;';

/** The entity under a viewport point, or undefined. */
function entityAt(scanner: PageScanner, x: number, y: number, roots: readonly ShadowRoot[] = []): string | undefined {
  return mentionAtPoint(scanner.mentions, document, x, y, roots)?.placed.mention.entity;
}

describe('hit-testing on laid-out text', () => {
  it('finds each name under a point on it, and nothing on the words between', async () => {
    const scanner = await scanPage(`<p style="${STYLE}">In <i>Heat</i>, Al Pacino hunts the crew that <a href="#">Robert De Niro</a> leads.</p>`);
    expect(scanner.mentions.size).toBeGreaterThanOrEqual(2);

    for (const [words, entity] of [
      ['Al Pacino', 'al-pacino'],
      ['Robert De Niro', 'robert-de-niro'],
    ] as const) {
      const [box] = boxesOf(rangeOf(words));
      const { x, y } = middle(box!);
      expect(entityAt(scanner, x, y), words).toBe(entity);
      // Near both ends of the name, still inside its box.
      expect(entityAt(scanner, box!.left + 2, y), `${words}, left end`).toBe(entity);
      expect(entityAt(scanner, box!.right - 2, y), `${words}, right end`).toBe(entity);
    }
    for (const words of ['hunts', 'crew', 'leads']) {
      const { x, y } = middle(boxesOf(rangeOf(words))[0]!);
      expect(entityAt(scanner, x, y), words).toBeUndefined();
    }
  });

  it('finds a name that wraps onto the next line on both of its lines', async () => {
    const scanner = await scanPage(`<p id="p" style="${STYLE} width: max-content">The crew of Robert De Niro</p>`);
    // Narrow the paragraph so that "Niro" no longer fits on the first line.
    const paragraph = document.getElementById('p')!;
    const niroLeft = boxesOf(rangeOf('Niro'))[0]!.left;
    paragraph.style.width = `${Math.ceil(niroLeft - paragraph.getBoundingClientRect().left) + 2}px`;
    const lines = boxesOf(rangeOf('Robert De Niro'));
    expect(new Set(lines.map((line) => Math.round(line.top))).size, 'the name spans two lines').toBe(2);
    // Layout changed, not the text: the scan's ranges still hold.
    for (const words of ['Robert', 'Niro']) {
      const { x, y } = middle(boxesOf(rangeOf(words))[0]!);
      expect(entityAt(scanner, x, y), words).toBe('robert-de-niro');
    }
  });

  it('finds nothing in the empty space beside a line that ends in a name', async () => {
    // The caret snaps to the nearest text from far away, here to the end of the name: the point must
    // also lie in one of the name's boxes.
    const scanner = await scanPage(`<p style="${STYLE} width: 360px">Waingro was hired by Neil McCauley</p>`);
    const box = boxesOf(rangeOf('McCauley'))[0]!;
    const beside = { x: box.right + 150, y: middle(box).y };
    expect(beside.x).toBeLessThan(window.innerWidth);
    expect(entityAt(scanner, middle(box).x, middle(box).y)).toBe('neil-mccauley');
    expect(entityAt(scanner, beside.x, beside.y)).toBeUndefined();
    // Just below the line, under the name: the next line's space, not the name.
    expect(entityAt(scanner, middle(box).x, box.bottom + 12)).toBeUndefined();
  });

  it('finds a name inside an open shadow root when given the root', async () => {
    const scanner = await scanPage(`<div id="host"></div><p style="${STYLE}">Nothing here.</p>`);
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p style="${STYLE}">A profile of Val Kilmer as Chris Shiherlis.</p>`;
    scanner.rescan();
    await scanner.settled();
    const { x, y } = middle(boxesOf(rangeOf('Val Kilmer', shadow))[0]!);
    expect(entityAt(scanner, x, y, [shadow])).toBe('val-kilmer');
    // The same point through the light tree alone lands on the host, not on the name's text.
    expect(entityAt(scanner, x, y, [])).toBeUndefined();
  });
});
