import { afterEach, describe, expect, it } from 'vitest';
import { PAUSE, readBlocks, type ReadOptions } from '../../lib/page/read/page-text';
import { currentBlockNodes, ReadSequence, orderAt, type ReadBlock } from '../../lib/page/read/read-block';
import { shadowRootsToRead } from '../../lib/page/read/shadow-roots';
import { countMaybeNames, mayHoldWholeNames } from '../../lib/core/detection/lexicon';
import { compareComposedOrder } from '../../lib/page/mark/document-order';

function read(root: Node, options: Partial<ReadOptions> = {}): ReadBlock[] {
  const base = options.base === undefined ? (root as Element) : options.base;
  const blocks: ReadBlock[] = [];
  const reading = readBlocks(root, { nested: true, ...options, base, onBlock: (block) => blocks.push(block) });
  while (!reading.next().done) {
    // pauses
  }
  return blocks;
}

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const textOf = (blocks: ReadBlock[], id: string) => blocks.find((b) => (b.key as Element).id === id)?.text;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readBlocks', () => {
  it('joins a block’s text nodes across inline elements', () => {
    const blocks = read(page('<p id="p">In <i>Heat</i> (1995), <a href="#">Al</a> Pacino plays Vincent Hanna.</p>'));
    expect(textOf(blocks, 'p')).toBe('In Heat (1995), Al Pacino plays Vincent Hanna.');
    const p = blocks.find((b) => (b.key as Element).id === 'p')!;
    const nodes = currentBlockNodes(p)!;
    expect(nodes.nodes.map((node) => node.data)).toEqual(['In ', 'Heat', ' (1995), ', 'Al', ' Pacino plays Vincent Hanna.']);
    expect(nodes.starts).toEqual([0, 3, 7, 16, 18]);
  });

  it('gives a block’s nodes only while its text is what was read', () => {
    const blocks = read(page('<div id="d">Outer <b>bold</b><p>nested</p> tail</div>'));
    const d = blocks.find((b) => (b.key as Element).id === 'd')!;
    expect(currentBlockNodes(d)!.nodes.map((node) => node.data)).toEqual(['Outer ', 'bold', ' tail']);
    (d.key as Element).querySelector('b')!.firstChild!.textContent = 'blod';
    expect(currentBlockNodes(d)).toBeUndefined();
    (d.key as Element).querySelector('b')!.textContent = 'bold';
    expect(currentBlockNodes(d), 'a replaced node is not the node read').toBeUndefined();
  });

  it('marks where a nested block or unread content stands, and footnote markers, as gaps', () => {
    const blocks = read(
      page('<div id="d">Al Pa<p>x</p>cino, Val <code>k</code>Kilmer, Mann<sup>3</sup> and Heat<a href="#fn2">[2]</a> (1995)<a href="#top">Back to top</a></div>'),
    );
    const d = blocks.find((b) => (b.key as Element).id === 'd')!;
    expect(d.text).toBe('Al Pacino, Val Kilmer, Mann3 and Heat[2] (1995)Back to top');
    const shown = d.gaps.map(({ start, end }) => (start === end ? `|${start}` : d.text.slice(start, end)));
    expect(shown).toEqual(['|5', `|${'Al Pacino, Val '.length}`, '3', '[2]']);
  });

  it('numbers stretches of text in walk order, an outer block resuming after a nested one', () => {
    const sequence = new ReadSequence();
    const blocks = read(page('<div id="d">Before <p id="p">nested</p> after</div><p id="q">next</p>'), { sequence });
    const [d, p, q] = ['d', 'p', 'q'].map((id) => blocks.find((b) => (b.key as Element).id === id)!);
    expect(orderAt(d!, 0)).toBeLessThan(orderAt(p!, 0));
    expect(orderAt(p!, 0)).toBeLessThan(orderAt(d!, 'Before  '.length));
    expect(orderAt(d!, 'Before  '.length)).toBeLessThan(orderAt(q!, 0));
    expect(orderAt(read(page('<p>unnumbered</p>'))[0]!, 0)).toBe(-1);
  });

  it('records titles in i, em, cite and q as emphasis, not b or strong', () => {
    const blocks = read(page('<p id="p"><i>Heat</i> and <b>Ronin</b>, <cite>Thief</cite><em> and</em> <q>Collateral</q></p>'));
    const p = blocks.find((b) => (b.key as Element).id === 'p')!;
    expect(p.emphasis.map(({ start, end }) => p.text.slice(start, end))).toEqual(['Heat', 'Thief and', 'Collateral']);
  });

  it('gives text inside a nested block to that block alone', () => {
    const blocks = read(page('<div id="outer">Outer <span>start</span><p id="inner">Inner</p> end</div>'));
    expect(textOf(blocks, 'outer')).toBe('Outer start end');
    expect(textOf(blocks, 'inner')).toBe('Inner');
    // A nested block is yielded before the rest of its outer block.
    const order = blocks.map((b) => (b.key as Element).id || (b.key as Element).localName);
    expect(order.indexOf('inner')).toBeLessThan(order.indexOf('outer'));
  });

  it('never reads form controls, code, scripts, SVG or editable regions', () => {
    const blocks = read(
      page(
        '<div id="d">A <textarea>t</textarea><select><option>o</option></select><code>c</code><pre>p</pre>' +
          '<script>s</script><style>x</style><noscript>n</noscript><svg><text>v</text></svg>' +
          '<span contenteditable="true">e<b>e</b></span><span contenteditable="">e</span>' +
          '<span contenteditable="false">B</span><heat-notes-ui>u</heat-notes-ui> C</div>',
      ),
    );
    expect(textOf(blocks, 'd')).toBe('A B C');
  });

  it('reads only the base block’s own text when not nested', () => {
    const body = page('<div id="d">Own <p>nested</p>text</div>');
    const div = body.querySelector('#d')!;
    const blocks = read(div, { base: div, nested: false });
    expect(blocks.map((b) => b.text)).toEqual(['Own text']);
  });

  it('reads an added subtree’s blocks and drops its loose text', () => {
    const body = page('<p id="p">Before <span id="s">loose <b>text</b></span></p><div id="d">in <p id="q">block</p></div>');
    expect(read(body.querySelector('#s')!, { base: null })).toEqual([]);
    const blocks = read(body.querySelector('#d')!, { base: null });
    expect(blocks.map((b) => b.text).sort()).toEqual(['block', 'in ']);
  });

  it('reports the open shadow roots of built-in elements it passes; custom elements’ are found apart', () => {
    const body = page('<p>Light <span id="host"></span></p><pre><x-code id="in-code"></x-code></pre><my-widget id="widget"></my-widget>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow text</p>';
    body.querySelector('#in-code')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Code</p>';
    const widget = body.querySelector('#widget')!.attachShadow({ mode: 'open' });
    const found: ShadowRoot[] = [];
    const blocks = read(body, { onShadowRoot: (root) => found.push(root) });
    expect(found).toEqual([shadow]);
    // Everywhere but inside unread content (code), whether the walk passes there or not.
    expect([...shadowRootsToRead(body)].flat()).toEqual([widget]);
    expect(blocks.some((b) => b.text.includes('Shadow'))).toBe(false);
    const inner = read(shadow, { base: shadow });
    expect(inner.map((b) => b.text)).toContain('Shadow text');
  });

  it('finds custom elements’ shadow roots a small subtree at a time under a huge root, in tree order', () => {
    const body = page(
      '<div id="app"><a-b id="one"><p>x</p></a-b><section><p>y</p><c-d id="two"></c-d></section></div>' +
        '<main><p>z</p><e-f id="three"></e-f><pre><g-h id="in-code"></g-h></pre></main>',
    );
    const app = body.querySelector('#app')!.attachShadow({ mode: 'open' });
    const roots = ['#one', '#two', '#three', '#in-code'].map((id) => body.querySelector(id)!.attachShadow({ mode: 'open' }));
    const whole = [...shadowRootsToRead(body)];
    const pieces = [...shadowRootsToRead(body, 2)];
    expect(whole.flat()).toEqual([app, ...roots.slice(0, 3)]);
    expect(pieces.flat()).toEqual(whole.flat());
    expect(pieces.length).toBeGreaterThan(whole.length);
  });

  it('pauses every so often inside a huge block', () => {
    const body = page(`<p>${'<span>word </span>'.repeat(1000)}</p>`);
    let pauses = 0;
    for (const item of readBlocks(body, { base: body, nested: true, onBlock: () => undefined })) if (item === PAUSE) pauses++;
    expect(pauses).toBeGreaterThan(5);
  });
});

describe('readBlocks with a native test first (maybeNames)', () => {
  const readOnlyNames = (root: Node, options: Partial<ReadOptions> = {}) => {
    const skipped: Element[] = [];
    const blocks = read(root, { maybeNames: countMaybeNames, onSkipped: (key) => skipped.push(key as Element), ...options });
    return { blocks, skipped };
  };

  it('reads nothing of a page where no name can be, and says so for the root', () => {
    const body = page('<p>Nothing here but the heat of a summer day.</p><div><p>And a town square.</p></div>');
    const { blocks, skipped } = readOnlyNames(body);
    expect(blocks).toEqual([]);
    expect(skipped).toEqual([body]);
  });

  it('tests the blocks of a wide container and reads only those that may hold a name', () => {
    const quiet = Array.from({ length: 8 }, (_, i) => `<p id="q${i}">A quiet road.</p>`).join('');
    const body = page(`<div id="d">${quiet}<p id="b">Al <b>Pa</b>cino drives.</p><p id="c">Heather waves.</p></div>`);
    const { blocks, skipped } = readOnlyNames(body);
    // The one wrapper is entered untested: testing it could spare nothing.
    expect(blocks.map((b) => (b.key as Element).id || b.key.nodeName).sort()).toEqual(['BODY', 'b', 'c', 'd']);
    expect(skipped.map((element) => element.id)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']);
    expect(textOf(blocks, 'b')).toBe('Al Pacino drives.');
  });

  it('reads a container dense with places that may hold a name without testing its sections', () => {
    const body = page('<div id="d"><div id="a">A quiet road.</div><div id="b">Al Pacino.</div><div id="c">Heather.</div><div id="e">Studio.</div></div>');
    const { blocks, skipped } = readOnlyNames(body);
    expect(blocks.map((b) => (b.key as Element).id || b.key.nodeName).sort()).toEqual(['BODY', 'a', 'b', 'c', 'd', 'e']);
    expect(skipped).toEqual([]);
  });

  it('tests a paragraph, a list item or a heading on its own, however dense the page: one without a maybe is not read', () => {
    const body = page('<div id="d"><p id="a">A quiet road.</p><p id="b">Al Pacino.</p><p id="c">Heather.</p><ul id="u"><li id="l">Studio.</li><li id="q">A quiet lane.</li></ul></div>');
    const { blocks, skipped } = readOnlyNames(body);
    expect(blocks.map((b) => (b.key as Element).id || b.key.nodeName).sort()).toEqual(['BODY', 'b', 'c', 'd', 'l', 'u']);
    expect(skipped.map((key) => (key as Element).id).sort()).toEqual(['a', 'q']);
  });

  it('stops testing a block’s paragraphs once those read hold all its places', () => {
    const quiet = (from: number) => Array.from({ length: 8 }, (_, i) => `<p id="q${from + i}">A quiet road.</p>`).join('');
    const body = page(`<section id="a">${quiet(0)}<p id="b">Al Pacino drives.</p>${quiet(8)}</section><section id="c">${quiet(16)}</section>`);
    const tested: string[] = [];
    const counting = (text: string) => {
      tested.push(text);
      return countMaybeNames(text);
    };
    const { blocks, skipped } = readOnlyNames(body, { maybeNames: counting });
    expect(textOf(blocks, 'b')).toBe('Al Pacino drives.');
    // The body, then the eight paragraphs before the name and the name's (the sections, two for one
    // place, are entered untested): the eight after it, and the second section, are stepped over
    // untested.
    expect(tested).toHaveLength(1 + 8 + 1);
    expect(skipped.map((key) => (key as Element).id)).toEqual([...Array.from({ length: 8 }, (_, i) => `q${i}`), ...Array.from({ length: 8 }, (_, i) => `q${8 + i}`), 'c']);
  });

  it('reads no leaf whose only maybes are longer words, unless a gap may end a name inside it', () => {
    const body = page(
      '<div id="d"><p id="a">Studio lights over Mannheim.</p><li id="b">Heather <b>Manning</b>’s studio.</li>' +
        '<p id="c">Wes Studi<sup>o</sup> waves.</p><li id="e">Val Kilmer<ul><li id="f">s and more</li></ul></li>' +
        '<p id="g">Al <i>Pacino</i>s and Heat.</p></div>',
    );
    const { blocks, skipped } = readOnlyNames(body, { wholeNames: mayHoldWholeNames });
    expect(skipped.map((key) => (key as Element).id).sort()).toEqual(['a', 'b', 'f']);
    // A marker or a nested block may end a name where `textContent` glues on more letters.
    expect(textOf(blocks, 'c')).toBe('Wes Studio waves.');
    expect(textOf(blocks, 'e')).toBe('Val Kilmer');
    expect(textOf(blocks, 'g')).toBe('Al Pacinos and Heat.');
  });

  it('tests, under a huge root, each block small enough to read at once: a big column is entered untested', () => {
    const section = (n: number, text: string) => `<section id="s${n}"><h2 id="h${n}">Notes</h2><p id="q${n}">A quiet road.</p><p id="p${n}">${text}</p></section>`;
    const body = page(`<div id="cell"><article id="column">${section(1, 'More rain.')}${section(2, 'Al Pacino drives.')}${section(3, 'Dry.')}</article></div>`);
    const tested: string[] = [];
    const counting = (text: string) => {
      tested.push(text);
      return countMaybeNames(text);
    };
    // A section holds three elements; the column and the cell hold more than eight.
    const { blocks, skipped } = readOnlyNames(body, { maybeNames: counting, hugeRoot: 8 });
    expect(blocks.map((b) => (b.key as Element).id || b.key.nodeName).sort()).toEqual(['BODY', 'cell', 'column', 'p2', 's2']);
    expect(skipped.map((key) => (key as Element).id)).toEqual(['s1', 'h2', 'q2', 's3']);
    expect(textOf(blocks, 'p2')).toBe('Al Pacino drives.');
    // Each section once, then the blocks in the one that may hold a name; the root, the cell and
    // the column never.
    expect(tested).toHaveLength(3 + 3);
  });

  it('gives a read block the same text and gaps as the full walk', () => {
    const html = '<div id="d">Heat <p>a road</p>(1995) by Michael Mann<sup>2</sup>, <code>x</code> and more</div>';
    const full = read(page(html)).find((b) => (b.key as Element).id === 'd')!;
    const pruned = readOnlyNames(page(html)).blocks.find((b) => (b.key as Element).id === 'd')!;
    expect([pruned.text, pruned.gaps]).toEqual([full.text, full.gaps]);
  });
});

describe('readBlocks on a page that changes between pauses', () => {
  it('goes on after a removed subtree and names the nearest ancestor still in place', () => {
    const words = '<span>word </span>'.repeat(200);
    const body = page(`<div id="a"><p id="p1">${words}</p><p id="p2">Al Pacino</p></div><p id="after">Robert De Niro</p>`);
    const disturbed: Node[] = [];
    const blocks: ReadBlock[] = [];
    let removed = false;
    const reading = readBlocks(body, {
      base: body,
      nested: true,
      onBlock: (block) => blocks.push(block),
      onDisturbed: (anchor) => disturbed.push(anchor),
    });
    for (const item of reading) {
      if (item === PAUSE && !removed) {
        body.querySelector('#p1')!.remove(); // the walk is inside #p1 now
        removed = true;
      }
    }
    expect(disturbed).toEqual([body.querySelector('#a')]);
    const ids = blocks.map((b) => (b.key as Element).id);
    expect(ids).not.toContain('p1'); // a removed block is dropped, not reported half-read
    expect(ids).toContain('after'); // the walk did not stop at the removal
    expect(textOf(blocks, 'after')).toBe('Robert De Niro');
  });
});

describe('compareComposedOrder', () => {
  it('orders nodes of one tree, and shadow content after its host, before the host’s children', () => {
    const body = page('<p id="a">a</p><div id="host"><span id="light">l</span></div><p id="b">b</p>');
    const host = body.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="s">s</p>';
    const [a, light, b] = ['#a', '#light', '#b'].map((selector) => body.querySelector(selector)! as Node);
    const s: Node = shadow.querySelector('#s')!;
    const sorted = [b!, s, light!, a!, host].sort(compareComposedOrder);
    expect(sorted).toEqual([a, host, s, light, b]);
  });
});

describe('footnote links', () => {
  it('are markers when their text is a note’s number or sign, not when it is a letter of a word', () => {
    const blocks = read(page('<p id="p">Wes Studi<a href="#n1">1</a>, <a href="#cast">W</a>es Studi<a href="#n2">[b]</a> and Mann<a href="#n3">†</a>.</p>'));
    const p = blocks.find((b) => (b.key as Element).id === 'p')!;
    expect(p.gaps.map(({ start, end }) => p.text.slice(start, end))).toEqual(['1', '[b]', '†']);
  });
});
