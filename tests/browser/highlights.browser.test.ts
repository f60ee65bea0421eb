/**
 * Painting (`lib/page/mark/highlights.ts`) in a real browser: mentions registered in `CSS.highlights` under
 * our own names, painted on screen by the content script's stylesheet (`entrypoints/content/style.css`,
 * loaded here as the manifest loads it into pages), and taken away again, leaving the registry, which
 * the page shares, as the page had it (docs/platform-notes.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../entrypoints/content/style.css';
import { HighlightPainter } from '../../lib/page/mark/highlights';
import { HIGHLIGHT_PREFIX } from '../../lib/core/highlight-names';
import { boxesOf, rangeOf } from './page-text';

const PAGE = '<p id="text" style="font: 32px/1.5 sans-serif; margin: 16px; color: #222; background: #fff;">Al Pacino chases Robert De Niro across Los Angeles.</p>';

/** A StaticRange over some words of the page, as the scanner paints them. */
function staticRange(words: string): StaticRange {
  const range = rangeOf(words);
  return new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset });
}

/** The names of ours in the registry. */
function ourNames(): string[] {
  return [...CSS.highlights.keys()].filter((name) => name.startsWith(HIGHLIGHT_PREFIX)).sort();
}

interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
}

/** A screenshot of the paragraph (saved to test-results/screenshots/browser), as pixels. */
async function shoot(name: string): Promise<Pixels> {
  const element = document.getElementById('text')!;
  const { base64 } = await page.screenshot({ element, base64: true, path: `../../test-results/screenshots/browser/${name}.png` });
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return { data: context.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width };
}

type Tint = 'amber' | 'blue' | 'none';

/** The tint most of the background pixels inside the words' box have (ink and anti-aliasing are grey). */
function tintOver(pixels: Pixels, words: string): Tint {
  const origin = document.getElementById('text')!.getBoundingClientRect();
  const box = boxesOf(rangeOf(words))[0]!;
  const counts: Record<Tint, number> = { amber: 0, blue: 0, none: 0 };
  for (let y = Math.ceil(box.top - origin.top) + 1; y < Math.floor(box.bottom - origin.top) - 1; y++) {
    for (let x = Math.ceil(box.left - origin.left) + 1; x < Math.floor(box.right - origin.left) - 1; x++) {
      const at = (y * pixels.width + x) * 4;
      const [r, g, b] = [pixels.data[at]!, pixels.data[at + 1]!, pixels.data[at + 2]!];
      if (r + g + b < 600) continue; // ink
      if (r - b > 20) counts.amber++;
      else if (b - r > 20) counts.blue++;
      else counts.none++;
    }
  }
  return (Object.entries(counts) as Array<[Tint, number]>).sort((a, b) => b[1] - a[1])[0]![0];
}

let painter: HighlightPainter;

/** Paints `ranges` at once, as the scanner does over its slices. */
function paint(ranges: readonly AbstractRange[]): void {
  const steps = painter.painting(ranges);
  while (!steps.next().done);
}

afterEach(() => {
  painter.clear();
});

describe('painting mentions', () => {
  it('registers the mentions under our name, and the page shows them in its colour', async () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    painter.setLook('background', 'amber');
    const pacino = staticRange('Al Pacino');
    const deNiro = staticRange('Robert De Niro');
    paint([pacino, deNiro]);

    expect(ourNames()).toEqual(['heat-notes-background-amber']);
    const painted = CSS.highlights.get('heat-notes-background-amber')!;
    expect([...painted]).toEqual([pacino, deNiro]);

    const pixels = await shoot('painted-amber');
    expect(tintOver(pixels, 'Al Pacino')).toBe('amber');
    expect(tintOver(pixels, 'Robert De Niro')).toBe('amber');
    expect(tintOver(pixels, 'chases')).toBe('none');
    expect(tintOver(pixels, 'Los Angeles')).toBe('none');
  });

  it('repaints the same mentions in another colour, leaving nothing under the old name', async () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    painter.setLook('background', 'amber');
    paint([staticRange('Al Pacino')]);
    painter.setLook('background', 'blue');

    expect(ourNames()).toEqual(['heat-notes-background-blue']);
    expect(CSS.highlights.get('heat-notes-background-blue')!.size).toBe(1);
    const pixels = await shoot('repainted-blue');
    expect(tintOver(pixels, 'Al Pacino')).toBe('blue');
  });

  it('marks one mention as active above the rest, and unmarks it', () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    const pacino = staticRange('Al Pacino');
    paint([pacino, staticRange('Robert De Niro')]);
    painter.setActive(pacino);

    const active = CSS.highlights.get('heat-notes-active-amber')!;
    expect([...active]).toEqual([pacino]);
    expect(active.priority).toBeGreaterThan(CSS.highlights.get('heat-notes-underline-amber')!.priority);

    painter.setActive(undefined);
    expect(ourNames()).toEqual(['heat-notes-underline-amber']);
  });

  it('puts its highlights back after the page clears the registry', () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    const pacino = staticRange('Al Pacino');
    paint([pacino]);
    painter.setActive(pacino);
    CSS.highlights.clear(); // what a page's own script may do

    painter.reassert();
    expect(ourNames()).toEqual(['heat-notes-active-amber', 'heat-notes-underline-amber']);
    expect([...CSS.highlights.get('heat-notes-underline-amber')!]).toEqual([pacino]);
  });

  it('takes away all of its own highlights, and none of the page’s', async () => {
    document.body.innerHTML = PAGE;
    const pagesOwn = new Highlight(staticRange('Los Angeles'));
    CSS.highlights.set('search-result', pagesOwn);
    painter = new HighlightPainter();
    painter.setLook('background', 'amber');
    const pacino = staticRange('Al Pacino');
    paint([pacino]);
    painter.setActive(pacino);

    painter.clear();
    expect(ourNames()).toEqual([]);
    expect(CSS.highlights.get('search-result')).toBe(pagesOwn);
    expect(tintOver(await shoot('cleared'), 'Al Pacino')).toBe('none');
  });

  it('paints many ranges in steps, changing what is painted only at the last one', () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    const pacino = staticRange('Al Pacino');
    paint([pacino]);
    const painted = () => [...(CSS.highlights.get(ourNames()[0]!) ?? [])];
    // As many ranges as a long article's mentions: the same words, over and over.
    const many = Array.from({ length: 600 }, () => staticRange('Robert De Niro'));
    const steps = painter.painting(many);
    let taken = 0;
    while (!steps.next().done) {
      taken++;
      expect(painted()).toEqual([pacino]);
    }
    expect(taken).toBeGreaterThan(1);
    expect(painted()).toHaveLength(600);

    // A painting left unfinished (a newer scan took over) leaves the marks as they were.
    const abandoned = painter.painting([pacino, ...many]);
    abandoned.next();
    abandoned.next();
    expect(painted()).toHaveLength(600);
  });

  it('leaves no name of ours in the registry when there is nothing to paint', () => {
    document.body.innerHTML = PAGE;
    painter = new HighlightPainter();
    paint([staticRange('Al Pacino')]);
    paint([]);
    expect(ourNames()).toEqual([]);
  });
});
