/**
 * `npx tsx scripts/icons.ts`: renders `assets/icon.svg` to `public/icon/{16,32,48,96,128}.png`, the sizes
 * the stores and browsers ask for (toolbar 16 and 32, extensions page 48, Firefox add-ons 48 and 96,
 * Chrome Web Store 128). WXT lists `public/icon/<size>.png` in the manifest's `icons` and
 * `action.default_icon` by itself.
 *
 * Rendered by Chromium (playwright-core, `/usr/bin/chromium` or `CHROME_PATH`) with a transparent
 * background, so no image library is needed. The SVG is drawn inline in a page exactly as large as the
 * icon, so its own `@media (min-width)` rules see the icon's size and can leave out detail that would be
 * noise at 16 px. The 128 px icon keeps 16 px of transparent margin around a 96 px mark, as the Chrome
 * Web Store's image guidelines ask; the small ones use their whole square.
 *
 * The PNGs are committed: run this only after changing the SVG, and look at the results.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'assets', 'icon.svg');
const OUT_DIR = path.join(ROOT, 'public', 'icon');

/** Each size, and the transparent margin around the mark at that size (in px). */
const SIZES: ReadonlyArray<{ size: number; margin: number }> = [
  { size: 16, margin: 0 },
  { size: 32, margin: 0 },
  { size: 48, margin: 2 },
  { size: 96, margin: 4 },
  { size: 128, margin: 16 },
];

/** Width and height from a PNG's IHDR chunk: a check that the file is what the manifest says. */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function page(svg: string, size: number, margin: number): string {
  const inner = size - 2 * margin;
  // The SVG's own width and height give way to the box it is drawn in.
  const sized = svg.replace(/<svg\b([^>]*?)\swidth="[^"]*"/, '<svg$1').replace(/<svg\b([^>]*?)\sheight="[^"]*"/, '<svg$1');
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; background: transparent; }
  body { width: ${size}px; height: ${size}px; overflow: hidden; }
  svg { display: block; position: absolute; left: ${margin}px; top: ${margin}px; width: ${inner}px; height: ${inner}px; }
</style></head><body>${sized}</body></html>`;
}

async function main(): Promise<void> {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  });
  try {
    for (const { size, margin } of SIZES) {
      const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const tab = await context.newPage();
      await tab.setContent(page(svg, size, margin));
      const png = await tab.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const { width, height } = pngSize(png);
      if (width !== size || height !== size) throw new Error(`${size}.png came out ${width}×${height}`);
      const file = path.join(OUT_DIR, `${size}.png`);
      writeFileSync(file, png);
      console.log(`${path.relative(ROOT, file)}  ${size}×${size}  ${png.length} bytes`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
