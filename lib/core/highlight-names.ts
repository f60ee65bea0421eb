import type { HighlightColor, HighlightStyle } from './settings';

/**
 * The `::highlight()` names mentions are painted under. Highlight styles cannot be computed at run time
 * (docs/platform-notes.md, "Painting marks"), so `entrypoints/content/style.css` declares one rule per
 * style and colour, and the painter picks the name the settings ask for. With the style "none", mentions
 * are not painted at all (cards still open); the one under the pointer still shows, so the user sees
 * what the card is about.
 */
export const HIGHLIGHT_PREFIX = 'heat-notes';

export function mentionHighlightName(style: Exclude<HighlightStyle, 'none'>, color: HighlightColor): string {
  return `${HIGHLIGHT_PREFIX}-${style}-${color}`;
}

export function activeHighlightName(color: HighlightColor): string {
  return `${HIGHLIGHT_PREFIX}-active-${color}`;
}
