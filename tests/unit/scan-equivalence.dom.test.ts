/**
 * The scan reads only where names can be (a native `textContent` test before any walk, at the page,
 * at each block, at each added subtree). These tests hold it to the full walk it replaced: on random
 * pages, and on the same pages as they change, the scan reports exactly what a `PageScanner` with
 * `readEverything` reports, with the same ranges; and on a page without our names it visits no node.
 *
 * Seeded like the other fuzz tests (`FUZZ_SEED`, `FUZZ_RUNS`); each failure names its seed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageScanner } from '../../lib/page/scan/page-scanner';
import { generateArticle } from '../../scripts/lib/page-generator';
import { FUZZ_BASE_SEED, prng, type Rng } from '../fuzz';
import { useStaticRange } from './static-range';

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
console.log(`[scan-equivalence] base seed ${FUZZ_BASE_SEED}, ${RUNS} pages (replay: FUZZ_SEED=${FUZZ_BASE_SEED})`);

useStaticRange();

// ---------------------------------------------------------------------------------------------------
// Random pages: names whole, split across inline elements, cut by blocks, unread content and
// footnote markers; decoys, ordinary words that look like names, shadow roots, editable regions.

const NAMES = [
  'Al Pacino', 'Robert De Niro', 'Val Kilmer', 'Michael Mann', 'Heat', 'Mann', 'Pacino', 'Kilmer', 'Hanna',
  'The Town', 'The Dark Knight', 'Heat 2', 'Warner Bros.', 'Miami Heat', 'Thomas Mann', 'The Dark Knight Returns',
  'Joyce Kilmer', 'Heather', 'Mannheim', 'HEAT', 'the town', 'heat wave', 'Neil McCauley', 'Vincent Hanna',
  // Longer words around a name's word: whole in a leaf without gaps, or a name where a gap cuts them.
  'Wes Studi', 'Wes Studio', 'Manning', 'Pacinos', 'Kilmers2',
];
const WORDS = ['the', 'night', 'road', 'quiet', 'film', 'cast', 'window', 'walks', 'and', 'a', 'coat', '(1995)', 'director', 'river', '.', ','];
const INLINE = ['span', 'b', 'i', 'em', 'a', 'cite', 'q', 'small'];
const BLOCKS = ['p', 'div', 'section', 'li', 'h2', 'blockquote'];
const SKIPPED = ['code', 'pre', 'textarea', 'script', 'style'];

class PageBuilder {
  constructor(
    readonly rng: Rng,
    /** Whether names may appear at all: most real pages hold none. */
    readonly named: boolean,
  ) {}

  text(count: number): Text {
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(this.rng.pick(WORDS));
    return document.createTextNode(` ${words.join(this.rng.chance(0.2) ? '\n  ' : ' ')} `);
  }

  /** A name, cut into pieces by inline elements, or now and then by a block, unread content or a marker. */
  name(parent: Node): void {
    const name = this.rng.pick(NAMES);
    const cut = this.rng.chance(0.5) ? 1 + this.rng.int(name.length - 1) : name.length;
    parent.appendChild(document.createTextNode(this.rng.pick([' ', '\n', ' — ', '“'])));
    for (const piece of [name.slice(0, cut), name.slice(cut)]) {
      if (!piece) continue;
      let node: Node = document.createTextNode(piece);
      if (this.rng.chance(0.4)) {
        const wrapper = document.createElement(this.rng.pick(INLINE));
        wrapper.append(node);
        node = wrapper;
      }
      parent.appendChild(node);
      if (piece !== name.slice(cut) && this.rng.chance(0.2)) parent.appendChild(this.interruption());
    }
    if (this.rng.chance(0.25)) {
      const sup = document.createElement('sup');
      sup.textContent = String(1 + this.rng.int(30));
      parent.appendChild(sup);
    } else if (this.rng.chance(0.1)) {
      const link = document.createElement('a');
      link.href = `#note-${this.rng.int(9)}`;
      link.textContent = `[${1 + this.rng.int(9)}]`;
      parent.appendChild(link);
    }
    parent.appendChild(document.createTextNode(this.rng.pick([' and ', '. ', '” ', ' (1995) ', ' 6 '])));
  }

  interruption(): Element {
    const kind = this.rng.pick(['block', 'skipped', 'sup', 'br']);
    if (kind === 'block') {
      const block = document.createElement(this.rng.pick(BLOCKS));
      block.append(this.text(1 + this.rng.int(3)));
      return block;
    }
    if (kind === 'skipped') {
      const skipped = document.createElement(this.rng.pick(SKIPPED));
      skipped.textContent = this.rng.pick(['x', '', 'Al Pacino']);
      return skipped;
    }
    return document.createElement(kind);
  }

  fill(parent: Node, depth: number): void {
    const children = 1 + this.rng.int(5);
    for (let i = 0; i < children; i++) {
      const roll = this.rng.next();
      if (roll < 0.3 || depth <= 0) parent.appendChild(this.text(1 + this.rng.int(8)));
      else if (roll < 0.45) {
        if (this.named) this.name(parent);
        else parent.appendChild(this.text(3));
      } else if (roll < 0.5) {
        const skipped = document.createElement(this.rng.pick(SKIPPED));
        skipped.textContent = this.named ? 'Al Pacino in Heat' : 'code';
        parent.appendChild(skipped);
      } else if (roll < 0.57) {
        // A shadow host: a custom element, anywhere. A built-in host is found where the walk passes
        // (shadow-roots.ts), so it stands next to a name here, as in page-scanner.dom.test.ts.
        const builtIn = this.named && this.rng.chance(0.3);
        const host = document.createElement(builtIn ? this.rng.pick(['div', 'span', 'section']) : this.rng.pick(['film-card', 'x-note']));
        const shadow = host.attachShadow({ mode: 'open' });
        this.fill(shadow, depth - 1);
        if (builtIn) parent.appendChild(document.createTextNode(' Al Pacino, '));
        parent.appendChild(host);
      } else if (roll < 0.6) {
        const editable = document.createElement('div');
        editable.setAttribute('contenteditable', this.rng.pick(['true', 'false', '']));
        this.fill(editable, depth - 1);
        parent.appendChild(editable);
      } else {
        const element = document.createElement(this.rng.chance(0.5) ? this.rng.pick(INLINE) : this.rng.pick(BLOCKS));
        this.fill(element, depth - 1);
        parent.appendChild(element);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------

const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function startScanner(readEverything: boolean, hugeElements?: number): PageScanner {
  const controller = new AbortController();
  controllers.push(controller);
  const scanner = new PageScanner({
    document,
    signal: controller.signal,
    scheduleFrame: (callback) => void setTimeout(callback, 0),
    readEverything,
    hugeElements,
  });
  scanner.start();
  return scanner;
}

/** What a scan found, node by node: reported mentions and the ranges painted for them. */
function found(scanner: PageScanner) {
  const report = scanner.report();
  const ranges = scanner.ordered().map(({ range }) => [range.startContainer, range.startOffset, range.endContainer, range.endOffset]);
  return { mentions: report.mentions, ranges };
}

async function expectSameAnswers(at: string, scan: PageScanner, full: PageScanner, fresh = false): Promise<void> {
  await Promise.all([scan.settled(), full.settled()]);
  const fromScan = found(scan);
  const fromFull = found(full);
  expect(fromScan.mentions, `${at}: mentions`).toEqual(fromFull.mentions);
  // The same text nodes, not merely equal ones.
  expect(fromScan.ranges.length, at).toBe(fromFull.ranges.length);
  fromScan.ranges.forEach((range, i) => range.forEach((part, j) => expect(part === fromFull.ranges[i]![j], `${at}: range ${i}`).toBe(true)));
  // Both having followed the same changes, the scan visited no more text nodes than the full walk.
  if (!fresh) expect(scan.report().stats.textNodes, `${at}: read no more than the full walk`).toBeLessThanOrEqual(full.report().stats.textNodes);
}

/** One random change of the kind pages make: text added, edited, removed; a shadow host added. */
function change(rng: Rng, builder: PageBuilder): void {
  const elements = [...document.body.querySelectorAll('*')];
  const target = elements.length > 0 ? rng.pick(elements) : document.body;
  const roll = rng.next();
  if (roll < 0.35) {
    const added = document.createElement(rng.pick([...BLOCKS, ...INLINE]));
    builder.fill(added, 2);
    target.appendChild(added);
  } else if (roll < 0.65) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    if (texts.length > 0) rng.pick(texts).data = rng.chance(0.5) && builder.named ? ` ${rng.pick(NAMES)} (1995) ` : ' a quiet road ';
  } else if (roll < 0.85) {
    if (target !== document.body) target.remove();
  } else {
    const host = document.createElement('film-card');
    builder.fill(host.attachShadow({ mode: 'open' }), 2);
    target.appendChild(host);
  }
}

describe(`reading only where names can be gives the full walk's answers (base seed ${FUZZ_BASE_SEED})`, () => {
  it(`${RUNS} random pages, and each after five random changes`, async () => {
    const warnings: unknown[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args));
    let mentions = 0;
    let nameFree = 0;
    for (let run = 0; run < RUNS; run++) {
      const seed = FUZZ_BASE_SEED + run;
      const at = `seed ${seed} (FUZZ_SEED=${seed} FUZZ_RUNS=1)`;
      const rng = prng(seed);
      const builder = new PageBuilder(rng, rng.chance(0.6));
      document.body.innerHTML = '';
      builder.fill(document.body, 2 + rng.int(4));
      // One page in four counts as huge: entered untested, its blocks of two elements or fewer tested,
      // its custom elements looked for two elements at a time.
      const huge = rng.chance(0.25);
      const scan = startScanner(false, huge ? 10 : undefined);
      const full = startScanner(true);
      await expectSameAnswers(at, scan, full);
      mentions += scan.report().mentions.length;
      if (!builder.named && !huge) {
        nameFree++;
        expect(scan.report().stats.textNodes, `${at}: a page without names is not read`).toBe(0);
      }
      for (let step = 1; step <= 5; step++) {
        change(rng, builder);
        await expectSameAnswers(`${at}, change ${step}`, scan, full);
      }
      // And what followed the changes is what reading the changed page afresh finds.
      const fresh = startScanner(true);
      await expectSameAnswers(`${at}, read afresh after the changes`, scan, fresh, true);
      fresh.stop();
      scan.stop();
      full.stop();
    }
    expect(warnings).toEqual([]);
    // The pages really exercised both sides (a replay of one seed is not held to it).
    if (RUNS >= 20) {
      expect(mentions).toBeGreaterThan(RUNS / 4);
      expect(nameFree).toBeGreaterThan(RUNS / 5);
    }
  }, 120_000);

  it('the bench’s generated articles, with names and without', async () => {
    for (const options of [
      { chars: 20_000, seed: 1989, candidates: true },
      { chars: 200_000, seed: 1995, candidates: true },
      { chars: 40_000, seed: 1986, candidates: false },
    ]) {
      const { html } = generateArticle(options);
      document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
      const scan = startScanner(false);
      const full = startScanner(true);
      await expectSameAnswers(`article ${options.chars} chars`, scan, full);
      if (options.candidates) expect(scan.report().mentions.length).toBeGreaterThan(3);
      else expect(scan.report().stats.textNodes).toBe(0);
      scan.stop();
      full.stop();
    }
  }, 60_000);
});

describe('a page without our names', () => {
  it('costs one native read of its text: no walker is made and no text node is visited', async () => {
    document.body.innerHTML = `<main><h1>Summer notes</h1>${'<p>The heat of the day, a town square. <b>Heat</b> rose from a dark knight in a story.</p>'.repeat(50)}</main>`;
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const scan = startScanner(false);
    await scan.settled();
    // "Heat" may be the film, in every paragraph: each is tested on its own and read; the heading,
    // which holds no maybe, is not.
    expect(scan.report().stats.textNodes).toBe(150);
    walkers.mockClear();
    scan.stop();

    // "Heather" holds "Heat" only where a gap could end the name after "Heat": in a paragraph with
    // none, it is no maybe.
    document.body.innerHTML = `<main><h1>Summer notes</h1>${'<p>The heat of the day, a town square, <b>Heather</b>’s studio and a dark knight.</p>'.repeat(50)}</main>`;
    const whole = startScanner(false);
    await whole.settled();
    expect(whole.report()).toMatchObject({ mentions: [], stats: { textNodes: 0, chars: 0 } });
    expect(walkers).toHaveBeenCalledTimes(1);
    walkers.mockClear();
    whole.stop();

    document.body.innerHTML = `<main><h1>Summer notes</h1>${'<p>The heat of the day, a town square and a dark knight in a story.</p>'.repeat(50)}</main>`;
    const again = startScanner(false);
    await again.settled();
    expect(again.report()).toMatchObject({ mentions: [], stats: { textNodes: 0, chars: 0 } });
    expect(walkers).not.toHaveBeenCalled();
  });
});

describe('shadow roots on a page whose light text holds no name', () => {
  it('reads a custom element’s shadow root wherever it stands', async () => {
    document.body.innerHTML = '<main><p>A quiet page.</p><film-card></film-card></main>';
    document.querySelector('film-card')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Starring Al Pacino.</p>';
    const scan = startScanner(false);
    await scan.settled();
    expect(scan.report().mentions).toEqual([{ entity: 'al-pacino', text: 'Al Pacino', offset: 9 }]);
  });

  it('finds a built-in element’s only where the walk passes: a documented narrowing of the full walk', async () => {
    document.body.innerHTML = '<main><p>A quiet page.</p><div id="host"></div></main>';
    document.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Starring Al Pacino.</p>';
    const scan = startScanner(false);
    const full = startScanner(true);
    await Promise.all([scan.settled(), full.settled()]);
    expect(scan.report().mentions).toEqual([]);
    expect(full.report().mentions).toHaveLength(1);
    scan.stop();
    full.stop();
    // With a name in the light text of the block around it, the walk passes the host and reads it.
    document.body.innerHTML = '<main><p>A page about Heat.</p><div id="host"></div></main>';
    document.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Starring Al Pacino.</p>';
    const again = startScanner(false);
    await again.settled();
    expect(again.report().mentions.map((m) => m.text)).toContain('Al Pacino');
  });
});
