/**
 * "The page stays the page's" (docs/contract.md): after the scan and after hovering, the page's DOM is
 * exactly what the server sent, parsed by the same browser, apart from one `<heat-notes-ui>` at the end
 * of `<body>`. The reference is the fixture's HTML parsed with DOMParser in the page, so it does not
 * depend on when the content script runs; the comparison walks every node (element, attribute, text
 * node, comment), so wrapping a name, adding an attribute or even splitting a text node is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  openFixture,
  readFixture,
  startFixtureServer,
  restPointerOn,
  waitForCard,
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

interface Comparison {
  sameDump: boolean;
  sameOuterHtml: boolean;
  firstDifference: string;
  headChildren: { live: number; source: number };
  hosts: number;
  hostIsLastInBody: boolean;
  hostHasOpenShadowRoot: boolean;
  /** The comparison itself notices a wrapped name, an added attribute and a split text node. */
  detects: { wrap: boolean; attribute: boolean; split: boolean };
}

/** Compares the live document (minus `<heat-notes-ui>`) with the served HTML parsed afresh. */
function compareWithSource(page: Page, html: string): Promise<Comparison> {
  return page.evaluate((source) => {
    const dump = (root: Node): string[] => {
      const lines: string[] = [];
      const walk = (node: Node, depth: number) => {
        const pad = ' '.repeat(depth);
        if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
          lines.push(`${pad}<${el.localName}${attrs ? ' ' + attrs : ''}>`);
        } else if (node.nodeType === Node.TEXT_NODE) {
          lines.push(`${pad}#text ${JSON.stringify((node as Text).data)}`);
        } else if (node.nodeType === Node.COMMENT_NODE) {
          lines.push(`${pad}#comment ${JSON.stringify((node as Comment).data)}`);
        }
        node.childNodes.forEach((child) => walk(child, depth + 1));
      };
      walk(root, 0);
      return lines;
    };
    const withoutUi = (doc: Document): HTMLElement => {
      const clone = doc.documentElement.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('heat-notes-ui').forEach((host) => host.remove());
      return clone;
    };

    const parsed = new DOMParser().parseFromString(source, 'text/html');
    const live = withoutUi(document);
    const reference = parsed.documentElement;
    const liveDump = dump(live);
    const referenceDump = dump(reference);
    let firstDifference = '';
    for (let i = 0; i < Math.max(liveDump.length, referenceDump.length); i++) {
      if (liveDump[i] !== referenceDump[i]) {
        firstDifference = `node ${i}: page has ${liveDump[i] ?? '(nothing)'}; source has ${referenceDump[i] ?? '(nothing)'}`;
        break;
      }
    }

    // Sensitivity: the same comparison on deliberately altered copies of the source must differ.
    const differs = (alter: (root: HTMLElement) => void) => {
      const copy = reference.cloneNode(true) as HTMLElement;
      alter(copy);
      return dump(copy).join('\n') !== referenceDump.join('\n');
    };
    const firstTextWith = (root: HTMLElement, word: string): Text => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node as Text).data.includes(word)) return node as Text;
      }
      throw new Error(`no text with ${word}`);
    };
    const detects = {
      wrap: differs((root) => {
        const text = firstTextWith(root, 'Pacino');
        const name = text.splitText(text.data.indexOf('Pacino'));
        name.splitText('Pacino'.length);
        const mark = document.createElement('mark');
        name.replaceWith(mark);
        mark.append(name);
      }),
      attribute: differs((root) => root.querySelector('p')!.setAttribute('data-heat-notes', '1')),
      split: differs((root) => {
        const text = firstTextWith(root, 'Pacino');
        text.splitText(text.data.indexOf('Pacino'));
      }),
    };

    const hosts = document.querySelectorAll('heat-notes-ui');
    const host = hosts[0];
    return {
      sameDump: firstDifference === '',
      sameOuterHtml: live.outerHTML === reference.outerHTML,
      firstDifference,
      headChildren: { live: document.head.children.length, source: parsed.head.children.length },
      hosts: hosts.length,
      hostIsLastInBody: host !== undefined && document.body.lastElementChild === host,
      hostHasOpenShadowRoot: host?.shadowRoot != null,
      detects,
    };
  }, html);
}

/** Rests the pointer on the Nth "text" and waits for that entity's card (returns whether it opened). */
async function hover(page: Page, text: string, entity: string, within?: string): Promise<boolean> {
  await restPointerOn(page, text, { within });
  return (await waitForCard(page, (card) => card?.entity === entity)).ok;
}

describe('review.html keeps its own DOM', () => {
  let page: Page;
  const html = readFixture('review.html');

  beforeAll(async () => {
    ({ page } = await openFixture(browser, server, 'review.html'));
  });

  it('the comparison can fail: it notices wrapping, attributes and split text nodes', async () => {
    const result = await compareWithSource(page, html);
    expect(result.detects).toEqual({ wrap: true, attribute: true, split: true });
  });

  it('after the scan, the DOM is node for node what the server sent and <head> is unchanged', async () => {
    const result = await compareWithSource(page, html);
    expect(result.firstDifference).toBe('');
    expect(result.sameDump).toBe(true);
    expect(result.sameOuterHtml).toBe(true);
    expect(result.headChildren.live).toBe(result.headChildren.source);
  });

  it('after hovering names, the only addition is one <heat-notes-ui> at the end of <body>', async () => {
    expect(await hover(page, 'Al Pacino', 'al-pacino')).toBe(true);
    expect(await hover(page, 'McCauley', 'neil-mccauley', '#diner')).toBe(true);
    expect(await hover(page, 'Val Kilmer', 'val-kilmer')).toBe(true);
    const result = await compareWithSource(page, html);
    expect(result.hosts).toBe(1);
    expect(result.hostIsLastInBody).toBe(true);
    expect(result.hostHasOpenShadowRoot).toBe(true);
    expect(result.firstDifference).toBe('');
    expect(result.sameOuterHtml).toBe(true);
    expect(result.headChildren.live).toBe(result.headChildren.source);
  });
});

describe('no message to the page', () => {
  it('the page’s own message listeners hear nothing from Heat Notes while it reads and shows cards', async () => {
    const page = await browser.context.newPage();
    // In the page's world, before any script of the page or of the extension runs.
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { __heard: unknown[] }).__heard = heard;
      window.addEventListener('message', (event) => heard.push(event.data));
    });
    await openFixture(browser, server, 'review.html', page);
    expect(await hover(page, 'Al Pacino', 'al-pacino')).toBe(true);
    // The listener works: a message the page posts itself is heard.
    await page.evaluate(() => window.postMessage('the page’s own', '*'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard)).toEqual(['the page’s own']);
    await page.close();
  });
});

describe('no network of its own', () => {
  it('loading, scanning and hovering request nothing beyond the page itself', async () => {
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => requests.push(request.url());
    browser.context.on('request', onRequest);
    try {
      const { page } = await openFixture(browser, server, 'forum.html');
      await hover(page, 'Kilmer', 'val-kilmer');
      await page.close();
    } finally {
      browser.context.off('request', onRequest);
    }
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('chrome-extension://') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
