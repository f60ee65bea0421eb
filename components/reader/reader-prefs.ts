import { isRecord } from '../../lib/core/settings';

/**
 * How the essay is set for reading: a theme and a text size, shared by the popup and the essay page.
 * Pure: the storage wrapper is `reader-store.ts`; this file tests in plain Node.
 *
 * Stored in `storage.local` under `reader` (not `storage.sync` with the settings: a text size that
 * suits one screen need not suit another).
 */

export const READER_KEY = 'reader';

/** `system` follows the browser's light or dark preference. */
export const READER_THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type ReaderTheme = (typeof READER_THEMES)[number];
/** What a page is actually painted with, once `system` is resolved. */
export type ResolvedTheme = Exclude<ReaderTheme, 'system'>;

/**
 * Text sizes, smallest first, each a factor on the essay's base size. Five steps: enough to suit a
 * small laptop and a tired reader, few enough that each press visibly changes something. Their
 * names are UI words: `textSizeLabel` (components/shared/labels.ts).
 */
export const TEXT_SIZES = [
  { id: 'small', scale: 0.9 },
  { id: 'medium', scale: 1 },
  { id: 'large', scale: 1.12 },
  { id: 'larger', scale: 1.25 },
  { id: 'largest', scale: 1.4 },
] as const;
export type TextSize = (typeof TEXT_SIZES)[number]['id'];

export interface ReaderPrefs {
  theme: ReaderTheme;
  size: TextSize;
}

export const DEFAULT_READER: Readonly<ReaderPrefs> = Object.freeze({ theme: 'system', size: 'medium' });

function isTheme(value: unknown): value is ReaderTheme {
  return typeof value === 'string' && (READER_THEMES as readonly string[]).includes(value);
}

function sizeIndex(size: unknown): number {
  return TEXT_SIZES.findIndex((step) => step.id === size);
}

/** Whatever is stored, as valid prefs: each unknown or missing field falls back to its default. */
export function parseReaderPrefs(stored: unknown): ReaderPrefs {
  const record = isRecord(stored) ? stored : {};
  return {
    theme: isTheme(record.theme) ? record.theme : DEFAULT_READER.theme,
    size: sizeIndex(record.size) >= 0 ? (record.size as TextSize) : DEFAULT_READER.size,
  };
}

/** One step bigger (+1) or smaller (-1), stopping at either end. */
export function stepTextSize(size: TextSize, direction: 1 | -1): TextSize {
  const at = Math.max(0, sizeIndex(size));
  const next = Math.min(TEXT_SIZES.length - 1, Math.max(0, at + direction));
  return TEXT_SIZES[next]!.id;
}

export function canStep(size: TextSize, direction: 1 | -1): boolean {
  return stepTextSize(size, direction) !== size;
}

export function textScale(size: TextSize): number {
  return TEXT_SIZES[Math.max(0, sizeIndex(size))]!.scale;
}

export function resolveTheme(theme: ReaderTheme, prefersDark: boolean): ResolvedTheme {
  if (theme !== 'system') return theme;
  return prefersDark ? 'dark' : 'light';
}

/** The attributes a view's root element carries; the CSS (`reader.css`) keys its colours and size on them. */
export function readerAttributes(prefs: ReaderPrefs, prefersDark: boolean): { theme: ResolvedTheme; scale: string } {
  return { theme: resolveTheme(prefs.theme, prefersDark), scale: String(textScale(prefs.size)) };
}

/**
 * Paints `root` (the document element) with the prefs: `data-reader-theme` and `--hn-reader-scale`.
 * `color-scheme` follows, so scrollbars and form controls match the theme.
 */
export function applyReaderPrefs(root: HTMLElement, prefs: ReaderPrefs, prefersDark: boolean): void {
  const { theme, scale } = readerAttributes(prefs, prefersDark);
  root.dataset.readerTheme = theme;
  root.dataset.readerSize = prefs.size;
  root.style.setProperty('--hn-reader-scale', scale);
}
