/**
 * One palette (components/shared/tokens.css) for the accent and the highlight colours. The page's marks
 * (entrypoints/content/style.css) cannot take our custom properties, so they repeat the colours as
 * literals: these checks fail when a `::highlight()` rule's colour is not the palette's, and when any
 * other stylesheet writes a palette colour out instead of naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { activeHighlightName, mentionHighlightName } from '../../lib/core/highlight-names';
import { HIGHLIGHT_COLORS } from '../../lib/core/settings';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKENS = 'components/shared/tokens.css';
const HIGHLIGHTS = 'entrypoints/content/style.css';
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** "rgb(217, 119, 6)", "rgba(217, 119, 6, 0.8)" or "#a8461b" as "217,119,6". */
function rgbOf(colour: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((part) => parseInt(part, 16)).join(',');
  const rgb = /^rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (rgb) return rgb.slice(1).join(',');
  throw new Error(`not a colour: ${colour}`);
}

/** The palette's custom properties, by name, as "r,g,b". */
function palette(): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [, name, value] of read(TOKENS).matchAll(/(--hn-[\w-]+):\s*([^;]+);/g)) tokens.set(name!, rgbOf(value!.trim()));
  return tokens;
}

/** Every `::highlight(name) { … }` rule of a stretch of CSS, by name, with the colours it uses. */
function highlightRules(css: string): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const [, name, body] of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    rules.set(name!, [...body!.matchAll(/rgba?\([^)]*\)/g)].map((match) => rgbOf(match[0])));
  }
  return rules;
}

/** The content script's rules for a light page, and those under `prefers-color-scheme: dark`. */
function schemes(): { light: string; dark: string } {
  const css = read(HIGHLIGHTS);
  const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
  const darkEnd = css.indexOf('@media', darkAt + 1);
  expect(darkAt, 'a block for dark pages').toBeGreaterThan(0);
  return { light: css.slice(0, darkAt), dark: css.slice(darkAt, darkEnd < 0 ? undefined : darkEnd) };
}

function cssFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.join(folder, file));
}

describe('palette', () => {
  it('paints every ::highlight rule in the palette’s colour, on light pages and dark ones', () => {
    const tokens = palette();
    const { light, dark } = schemes();
    for (const [scheme, css, suffix] of [['light', light, ''], ['dark', dark, '-dark']] as const) {
      const rules = highlightRules(css);
      for (const color of HIGHLIGHT_COLORS) {
        const expected = tokens.get(`--hn-highlight-${color}${suffix}`);
        expect(expected, `${TOKENS} defines --hn-highlight-${color}${suffix}`).toBeDefined();
        const names = [mentionHighlightName('underline', color), mentionHighlightName('background', color), activeHighlightName(color)];
        for (const name of names) {
          const colours = rules.get(name);
          expect(colours?.length, `${scheme}: ${name} has a colour`).toBeGreaterThan(0);
          for (const colour of colours ?? []) expect(colour, `${scheme}: ${name}`).toBe(expected);
        }
      }
    }
  });

  it('is the only place the accent and highlight colours are written out', () => {
    const colours = new Set(palette().values());
    const repeats: string[] = [];
    for (const file of [...cssFiles('components'), ...cssFiles('entrypoints')]) {
      if (file === TOKENS || file === HIGHLIGHTS) continue;
      for (const [literal] of read(file).matchAll(/#[0-9a-f]{6}\b|rgba?\([^)]*\)/gi)) {
        if (colours.has(rgbOf(literal))) repeats.push(`${file}: ${literal}`);
      }
    }
    expect(repeats, `name these with the custom properties of ${TOKENS}`).toEqual([]);
  });
});
