/**
 * `npm start`: builds Heat Notes, serves the demo pages (tests/fixtures/pages) on 127.0.0.1 and opens
 * Chromium with the extension loaded on them.
 *
 * - With a display (DISPLAY set, not CI): a normal browser window with the demo pages in tabs; it stays
 *   open until you close the browser or press Ctrl-C.
 * - Without one: headless. It opens each demo page, prints what was found, rests the pointer on a name
 *   in the review, and writes screenshots of the marked page and the open card to demo-output/.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { MentionsResponse } from '../lib/core/messages';
import { checkPrerequisites, getMentions, launchWithExtension, type ExtensionBrowser } from './lib/extension-browser';
import { startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { restPointerOn, screenshot, waitForCard } from './lib/page-readers';
import { ROOT } from './lib/paths';

const DEMO_PAGES = ['review.html', 'forum.html', 'miami-heat.html'] as const;
const OUTPUT_DIR = path.join(ROOT, 'demo-output');
/** The name the headless run rests the pointer on, and whose card it photographs. */
const HOVER = { page: 'review.html', text: 'Al Pacino', entity: 'al-pacino' } as const;

function build(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** "16 mentions in 3.2 ms: heat ×3 (Heat), michael-mann ×2 (Michael Mann, Mann), …" */
function describeMentions(found: MentionsResponse): string {
  const byEntity = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const mention of found.mentions) {
    if (!byEntity.has(mention.entity)) byEntity.set(mention.entity, new Set());
    byEntity.get(mention.entity)!.add(mention.text);
    counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
  }
  const head = `${found.mentions.length} mention${found.mentions.length === 1 ? '' : 's'} (scan ${found.stats.scanMs.toFixed(1)} ms, ${found.stats.textNodes} text nodes)`;
  if (byEntity.size === 0) return `${head}: none`;
  const parts = [...byEntity].map(([entity, texts]) => `${entity} ×${counts.get(entity)} (${[...texts].join(', ')})`);
  return `${head}:\n    ${parts.join('\n    ')}`;
}

async function headed(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  const [first] = browser.context.pages();
  for (const [index, name] of DEMO_PAGES.entries()) {
    const page = index === 0 && first ? first : await browser.context.newPage();
    await page.goto(server.url(name));
  }
  await browser.context.pages()[0]?.bringToFront();
  console.log(`\nHeat Notes is loaded (extension id ${browser.extensionId}).`);
  console.log(`Demo pages: ${server.url('index.html')}`);
  console.log('Rest the pointer on a marked name to open its card. Close the browser or press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    browser.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function headless(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const written: string[] = [];
  for (const name of DEMO_PAGES) {
    const page = await browser.context.newPage();
    await page.goto(server.url(name));
    const found = await getMentions(browser, page);
    console.log(`\n${name}: ${describeMentions(found)}`);
    const base = name.replace(/\.html$/, '');
    written.push(await screenshot(page, `${base}-marked`, { dir: OUTPUT_DIR }));
    if (name === HOVER.page) {
      await restPointerOn(page, HOVER.text);
      const { ok } = await waitForCard(page, (card) => card?.entity === HOVER.entity);
      if (!ok) console.warn(`  (no card opened on "${HOVER.text}"; the screenshot shows the page without one)`);
      written.push(await screenshot(page, `${base}-card`, { dir: OUTPUT_DIR }));
    }
    await page.close();
  }
  console.log(`\nScreenshots in ${OUTPUT_DIR}:`);
  for (const file of written) console.log(`  ${path.basename(file)}`);
}

async function main(): Promise<number> {
  console.log('Building the extension (wxt build)…');
  const code = await build();
  if (code !== 0) {
    console.error(`wxt build failed (exit ${code}).`);
    return 1;
  }
  checkPrerequisites();
  const withDisplay = Boolean(process.env.DISPLAY) && !process.env.CI;
  const server = await startFixtureServer();
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension({ headless: !withDisplay, viewport: withDisplay ? null : undefined });
    if (withDisplay) await headed(browser, server);
    else await headless(browser, server);
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
