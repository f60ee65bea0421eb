/**
 * Helpers for the real-browser tier: a scanned page, and where a piece of its text is on screen,
 * measured with the browser's own ranges (not with the code under test).
 */
import { afterEach } from 'vitest';
import { PageScanner } from '../../lib/page/scan/page-scanner';

/** A range over the `nth` occurrence of `text` in the text nodes under `root` (it must lie in one node). */
export function rangeOf(text: string, root: Node = document.body, nth = 0): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let at = data.indexOf(text); at >= 0; at = data.indexOf(text, at + 1)) {
      if (seen++ < nth) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error(`"${text}" (#${nth}) is not in the page`);
}

/** The boxes of a range's text that have an area, one a line (or a text run). */
export function boxesOf(range: Range): DOMRect[] {
  return [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
}

/** The middle of a box. */
export function middle(rect: DOMRect): { x: number; y: number } {
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

let controller: AbortController | undefined;

afterEach(() => {
  controller?.abort();
  controller = undefined;
  document.body.innerHTML = '';
  CSS.highlights.clear();
});

/**
 * Puts `html` in the page and scans it as the content script does (painting included); resolves once
 * the scan is done. The page is emptied after each test.
 */
export async function scanPage(html: string): Promise<PageScanner> {
  document.body.innerHTML = html;
  controller = new AbortController();
  const scanner = new PageScanner({ document, signal: controller.signal, scheduleFrame: (callback) => void requestAnimationFrame(callback) });
  scanner.start();
  await scanner.settled();
  return scanner;
}
