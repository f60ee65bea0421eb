import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageScanner, type PageScannerOptions } from '../../lib/page/scan/page-scanner';
import { useStaticRange } from './static-range';

useStaticRange();

let controller: AbortController;

/** A started scanner over `html`; `beforeStart` builds what the HTML cannot (shadow roots). */
function scanner(html: string, { beforeStart, ...options }: Partial<PageScannerOptions> & { beforeStart?: () => void } = {}): PageScanner {
  document.body.innerHTML = html;
  beforeStart?.();
  controller = new AbortController();
  const instance = new PageScanner({
    document,
    signal: controller.signal,
    scheduleFrame: (callback) => void setTimeout(callback, 0),
    ...options,
  });
  instance.start();
  return instance;
}

const names = (s: PageScanner) => s.report().mentions.map((m) => `${m.text}@${m.offset}`);

afterEach(() => {
  controller.abort();
  document.body.innerHTML = '';
});

describe('PageScanner', () => {
  it('reports full names with their offsets in their block, in document order', async () => {
    const s = scanner(
      '<div>Outer Robert De Niro <p>In <i>Heat</i> (1995), <a href="#">Al</a> Pacino plays Vincent Hanna.</p> then Val Kilmer</div>',
    );
    await s.settled();
    expect(names(s).filter((n) => !n.startsWith('Heat@'))).toEqual([
      'Robert De Niro@6',
      'Al Pacino@16',
      'Vincent Hanna@32',
      'Val Kilmer@27',
    ]);
    const { stats } = s.report();
    expect(stats.textNodes).toBeGreaterThan(0);
    expect(stats.chars).toBeGreaterThan(60);
    expect(stats.scanMs).toBeGreaterThanOrEqual(0);
  });

  it('finds names that touch a nested block with no space between, as JSX renders them', async () => {
    const s = scanner(
      '<ul><li>Al Pacino<ul><li>as Vincent Hanna</li></ul></li></ul>' +
        '<div><h2>Cast</h2>Robert De Niro<p>plays the thief.</p>Val Kilmer</div>',
    );
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Vincent Hanna@3', 'Robert De Niro@0', 'Val Kilmer@14']);
  });

  it('finds names on either side of a line break with no space beside it', async () => {
    const s = scanner('<p>The cast: Al Pacino<br>Robert De Niro<br>Val Kilmer</p><p>Al <br>Pacino and Tom<br>Sizemore.</p>');
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@10', 'Robert De Niro@19', 'Val Kilmer@33', 'Al Pacino@0', 'TomSizemore@14']);
  });

  it('follows text added, changed and removed after the scan', async () => {
    const s = scanner('<p id="a">Al Pacino</p><p id="b">Robert De Niro</p>');
    await s.settled();
    const added = document.createElement('p');
    added.innerHTML = 'Later, <b>Amy</b> Brenneman.';
    document.body.append(added);
    document.querySelector('#a')!.firstChild!.textContent = 'Now Al Pacino';
    document.querySelector('#b')!.remove();
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@4', 'Amy Brenneman@7']);
  });

  it('ignores changes inside editable regions and form controls', async () => {
    const s = scanner('<p>Al Pacino</p><div contenteditable="true"><p id="e">draft</p></div><textarea></textarea>');
    await s.settled();
    document.querySelector('#e')!.textContent = 'Robert De Niro';
    document.querySelector('textarea')!.textContent = 'Val Kilmer';
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0']);
  });

  it('reads open shadow roots and follows changes inside them', async () => {
    let shadow!: ShadowRoot;
    const s = scanner('<p>Al Pacino</p><section id="host"></section>', {
      beforeStart: () => {
        shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
        shadow.innerHTML = '<p>Robert De Niro</p>';
      },
    });
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@0']);
    const p = document.createElement('p');
    p.textContent = 'Val Kilmer';
    shadow.append(p);
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@0', 'Val Kilmer@0']);
  });

  it('orders mentions of nested blocks, shadow roots and re-read blocks by document order', async () => {
    let shadow!: ShadowRoot;
    const s = scanner('<div id="d">Al Pacino <p id="p">Val Kilmer</p> Tom Sizemore</div><div id="host"></div><p>Amy Brenneman</p>', {
      beforeStart: () => {
        shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
        shadow.innerHTML = '<p>Robert De Niro</p>';
      },
    });
    await s.settled();
    const expected = ['Al Pacino', 'Val Kilmer', 'Tom Sizemore', 'Robert De Niro', 'Amy Brenneman'];
    expect(s.ordered().map((placed) => placed.mention.text)).toEqual(expected);
    // A block read again after a change keeps its place among blocks numbered by the full scan.
    document.querySelector('#p')!.textContent = 'Now Val Kilmer';
    await s.settled();
    expect(s.ordered().map((placed) => placed.mention.text)).toEqual(expected);
  });

  it('paints, indexes and reports only what select chooses, and chooses again on reselect', async () => {
    let firstOnly = false;
    const seen: number[] = [];
    const s = scanner('<p>Al Pacino and Robert De Niro.</p><p>Later Al Pacino again.</p>', {
      onRepaint: (index) => seen.push(index.size),
      select: (ordered) => {
        if (!firstOnly) return ordered;
        const entities = new Set<string>();
        return ordered.filter(({ mention }) => !entities.has(mention.entity) && entities.add(mention.entity));
      },
    });
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@14', 'Al Pacino@6']);
    const read = s.ordered()[0]!.block;
    firstOnly = true;
    s.reselect();
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@14']);
    expect(s.ordered().map((placed) => placed.mention.text)).toEqual(['Al Pacino', 'Robert De Niro']);
    expect(s.mentions.size).toBe(2);
    expect(seen.at(-1)).toBe(2);
    // The page was not read again: the mentions stand in the blocks as they were read.
    expect(s.ordered()[0]!.block).toBe(read);
  });

  it('reports nothing once stopped', async () => {
    const s = scanner('<p>Al Pacino</p>');
    await s.settled();
    s.stop();
    expect(s.report().mentions).toEqual([]);
  });

  it('reads a long page in slices, letting the page run in between, and still finds every name', async () => {
    // A clock that moves 1 ms each time it is read, so slices end by the count of checks, not by
    // this machine's speed; and a yield that lets queued tasks (the page's) run first.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now++);
    const handBacks = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    vi.stubGlobal('scheduler', { yield: handBacks });
    const paragraphs = 2_000;
    // Every paragraph may hold a name ("Heat" passes the native test), so every one is read.
    const html = Array.from({ length: paragraphs }, (_, i) => `<p>Part ${i}: <b>words</b> and <i>more</i>${i % 100 === 0 ? ' with Al Pacino' : '. Heat rose'}.</p>`);
    let pageTurns = 0;
    const pageWork = setInterval(() => pageTurns++, 0);
    try {
      const s = scanner(html.join(''));
      await s.settled();
      expect(names(s)).toHaveLength(paragraphs / 100);
      expect(handBacks.mock.calls.length).toBeGreaterThanOrEqual(5); // none, had it run as one task
      expect(pageTurns).toBeGreaterThan(0);
    } finally {
      clearInterval(pageWork);
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
