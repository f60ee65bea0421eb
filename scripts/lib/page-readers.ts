/**
 * Reading what a user sees in a page with Heat Notes (the page's world, through playwright-core): where
 * some text is on screen, the open card; resting the pointer on a name; screenshots. Shared by the e2e
 * tests, `npm start` (scripts/demo.ts) and `npm run bench`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './paths';

export interface TextBox {
  /** The centre of the occurrence's first line box, in viewport coordinates. */
  x: number;
  y: number;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
}

/**
 * Where the Nth occurrence (0-based) of `text` stands on screen, scrolled into view first (unless
 * `scroll: false`). The text may
 * run across inline elements (`<a>Robert</a> De Niro`); it is searched in the text of `within`'s text
 * nodes, skipping form fields, scripts and the extension's own UI.
 */
export async function textBox(
  page: Page,
  text: string,
  options: { nth?: number; within?: string; scroll?: boolean } = {},
): Promise<TextBox> {
  // Page functions here bind no names (no inner `const f = () => …`): tsx (scripts/demo.ts) compiles
  // with esbuild's keepNames, which would wrap them in a `__name` helper the page does not have.
  const box = await page.evaluate(
    ({ text, nth, within, scroll }) => {
      const root = within ? document.querySelector(within) : document.body;
      if (!root) return { error: `no element matches ${within}` };
      const skip = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE', 'HEAT-NOTES-UI']);
      const nodes: Text[] = [];
      const starts: number[] = [];
      let all = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let skipped = false;
        for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
          if (skip.has(el.tagName)) skipped = true;
        }
        if (skipped) continue;
        nodes.push(node as Text);
        starts.push(all.length);
        all += (node as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= nth; i++) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return { error: `occurrence ${nth} of "${text}" not found` };
      }
      // The node holding the first character, and the one holding the last.
      let first = 0;
      while (first + 1 < nodes.length && starts[first + 1]! <= index) first++;
      let last = first;
      while (last + 1 < nodes.length && starts[last + 1]! < index + text.length) last++;
      const range = document.createRange();
      range.setStart(nodes[first]!, index - starts[first]!);
      range.setEnd(nodes[last]!, index + text.length - starts[last]!);
      if (scroll) nodes[first]!.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      const line = range.getClientRects()[0];
      if (!line) return { error: `"${text}" has no box on screen` };
      return {
        x: line.left + Math.min(line.width / 2, 12),
        y: line.top + line.height / 2,
        rect: { left: line.left, top: line.top, right: line.right, bottom: line.bottom, width: line.width, height: line.height },
      };
    },
    { text, nth: options.nth ?? 0, within: options.within ?? null, scroll: options.scroll ?? true },
  );
  if ('error' in box) throw new Error(`textBox: ${box.error}`);
  return box;
}

export interface CardState {
  /** How many elements in the UI's shadow root carry `data-entity` (the contract: one while open). */
  count: number;
  entity: string;
  text: string;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** How many `<heat-notes-ui>` elements the page has. */
  hosts: number;
}

/** The open hover card (`heat-notes-ui` shadow root `[data-entity]`), or null when none is open. */
export async function readCard(page: Page): Promise<CardState | null> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('heat-notes-ui');
    const boxes: Element[] = [];
    hosts.forEach((host) => host.shadowRoot?.querySelectorAll('[data-entity]').forEach((el) => boxes.push(el)));
    const box = boxes[0];
    if (!box) return null;
    const r = box.getBoundingClientRect();
    return {
      count: boxes.length,
      entity: box.getAttribute('data-entity') ?? '',
      text: (box as HTMLElement).innerText ?? box.textContent ?? '',
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      hosts: hosts.length,
    };
  });
}

/** A corner of the viewport with no text under it in the fixture layouts: where the pointer goes to rest on nothing. */
export const NEUTRAL_POINT = { x: 4, y: 4 } as const;

/** Moves the pointer to a blank spot, then rests it on the Nth occurrence of `text`; returns where it rests. */
export async function restPointerOn(page: Page, text: string, options: { nth?: number; within?: string; scroll?: boolean } = {}): Promise<TextBox> {
  await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y);
  // A card still open from an earlier name could cover this one: let it close first, as a user would.
  await waitForCard(page, (card) => card === null, 1_500);
  const box = await textBox(page, text, options);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  return box;
}

/** Waits for the hover card to satisfy `predicate` (by default: to be open); null if it never does. */
export async function waitForCard(
  page: Page,
  predicate: (card: CardState | null) => boolean = (card) => card !== null,
  timeoutMs = 2_000,
): Promise<{ card: CardState | null; ok: boolean; elapsedMs: number }> {
  const { value, ok, elapsedMs } = await pollUntil(() => readCard(page), predicate, timeoutMs, 15);
  return { card: value, ok, elapsedMs };
}

/** Polls until `predicate` holds or `timeoutMs` passes; returns the last value and how long it took. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 25,
): Promise<{ value: T; ok: boolean; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    const elapsedMs = Date.now() - started;
    if (predicate(value)) return { value, ok: true, elapsedMs };
    if (elapsedMs > timeoutMs) return { value, ok: false, elapsedMs };
    await delay(intervalMs);
  }
}

/** Saves a PNG to `test-results/screenshots/NAME.png` (or `dir`) and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; dir?: string } = {}): Promise<string> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
