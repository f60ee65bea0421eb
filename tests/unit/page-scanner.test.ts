// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PageScanner } from '../../lib/dom/page-scanner';

// happy-dom has no StaticRange (nor CSS.highlights, which the painter then skips): a plain holder will do.
beforeAll(() => {
  if (typeof globalThis.StaticRange === 'undefined') {
    globalThis.StaticRange = class {
      readonly startContainer: Node;
      readonly startOffset: number;
      readonly endContainer: Node;
      readonly endOffset: number;
      readonly collapsed = false;
      constructor(init: StaticRangeInit) {
        this.startContainer = init.startContainer;
        this.startOffset = init.startOffset;
        this.endContainer = init.endContainer;
        this.endOffset = init.endOffset;
      }
    } as unknown as typeof StaticRange;
  }
});

let controller: AbortController;

function scanner(html: string): PageScanner {
  document.body.innerHTML = html;
  controller = new AbortController();
  const instance = new PageScanner({
    document,
    signal: controller.signal,
    scheduleFrame: (callback) => void setTimeout(callback, 0),
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
    document.body.innerHTML = '<p>Al Pacino</p><section id="host"></section>';
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Robert De Niro</p>';
    controller = new AbortController();
    const s = new PageScanner({ document, signal: controller.signal, scheduleFrame: (cb) => void setTimeout(cb, 0) });
    s.start();
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@0']);
    const p = document.createElement('p');
    p.textContent = 'Val Kilmer';
    shadow.append(p);
    await s.settled();
    expect(names(s)).toEqual(['Al Pacino@0', 'Robert De Niro@0', 'Val Kilmer@0']);
  });

  it('reports nothing once stopped', async () => {
    const s = scanner('<p>Al Pacino</p>');
    await s.settled();
    s.stop();
    expect(s.report().mentions).toEqual([]);
  });
});
