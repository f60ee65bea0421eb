/**
 * Is the page dark where the mention is? With the "system" theme the card follows the user's
 * preference and also turns dark on a dark page, so a white card does not flash on a dark site.
 * The colour arithmetic is pure; `darkBehind` reads computed styles.
 */

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0–1 */
  readonly a: number;
}

/**
 * Relative luminance (WCAG) under which white text has more contrast than black: sqrt(1.05 × 0.05)
 * − 0.05. A background darker than this is a dark page.
 */
export const DARK_LUMINANCE = 0.179;

/** The canvas colour of a page whose root asks for a dark colour scheme (Chromium's). */
const DARK_CANVAS: Rgba = { r: 18, g: 18, b: 18, a: 1 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

const channel = (text: string, scale: number) => (text.endsWith('%') ? (parseFloat(text) / 100) * scale : parseFloat(text));

/**
 * A CSS colour as computed styles give it (`rgb(…)`, `rgba(…)`, comma or space syntax, `color(srgb …)`,
 * `transparent`) or as hex; undefined for anything else (`oklch(…)` and friends are left unread).
 */
export function parseColor(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((digit) => digit + digit) : hex.match(/../g)!;
    const [r, g, b, a = 'ff'] = digits;
    return { r: parseInt(r!, 16), g: parseInt(g!, 16), b: parseInt(b!, 16), a: parseInt(a, 16) / 255 };
  }
  const fn = /^(rgba?|color)\((.*)\)$/.exec(text);
  if (!fn) return undefined;
  let parts = fn[2]!.split(/[\s,/]+/).filter(Boolean);
  let scale = 255;
  if (fn[1] === 'color') {
    if (parts[0] !== 'srgb') return undefined;
    parts = parts.slice(1);
    scale = 1;
  }
  if (parts.length < 3 || parts.length > 4) return undefined;
  const [r, g, b] = parts.slice(0, 3).map((part) => (channel(part, scale) * 255) / scale);
  const a = parts[3] === undefined ? 1 : channel(parts[3], 1);
  if ([r, g, b, a].some((number) => !Number.isFinite(number))) return undefined;
  return { r: r!, g: g!, b: b!, a: Math.max(0, Math.min(1, a)) };
}

/** WCAG relative luminance of an opaque colour, 0 (black) – 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Paints `layers` (innermost first, as found walking up the tree) over `base`. */
export function composite(layers: readonly Rgba[], base: Rgba): Rgba {
  let { r, g, b } = base;
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index]!;
    r = layer.r * layer.a + r * (1 - layer.a);
    g = layer.g * layer.a + g * (1 - layer.a);
    b = layer.b * layer.a + b * (1 - layer.a);
  }
  return { r, g, b, a: 1 };
}

export function isDarkColor(color: Rgba): boolean {
  return relativeLuminance(color) < DARK_LUMINANCE;
}

/**
 * Whether the background behind `element` is dark: the background colours from the element up to the
 * root (through shadow hosts), until an opaque one, over the canvas.
 */
export function darkBehind(element: Element | null, view: Window): boolean {
  const layers: Rgba[] = [];
  let base: Rgba | undefined;
  for (let current = element; current; current = current.parentElement ?? (current.getRootNode() as ShadowRoot).host ?? null) {
    const color = parseColor(view.getComputedStyle(current).backgroundColor);
    if (!color || color.a === 0) continue;
    if (color.a >= 1) {
      base = color;
      break;
    }
    layers.push(color);
  }
  if (!base) {
    const root = view.document.documentElement;
    const scheme = root ? view.getComputedStyle(root).colorScheme : '';
    const dark = /\bdark\b/.test(scheme) && (!/\blight\b/.test(scheme) || view.matchMedia('(prefers-color-scheme: dark)').matches);
    base = dark ? DARK_CANVAS : WHITE;
  }
  return isDarkColor(composite(layers, base));
}
