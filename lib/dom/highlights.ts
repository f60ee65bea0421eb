/**
 * Painting mentions with the CSS Custom Highlight API: ranges registered under our own names, styled
 * by `entrypoints/content/style.css` (`::highlight(heat-notes-…)`). Nothing in the page's DOM changes.
 * The registry is shared with the page, which can read and clear it: names are prefixed, and every
 * paint re-asserts them.
 */

/** Every accepted mention. */
export const MENTION_HIGHLIGHT = 'heat-notes-mention';
/** The mention under the pointer or whose card is open; painted over the other. */
export const ACTIVE_HIGHLIGHT = 'heat-notes-active';

function registry(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function' ? CSS.highlights : undefined;
}

export class HighlightPainter {
  #mentions: Highlight | undefined;
  #active: Highlight | undefined;
  #activeRange: AbstractRange | undefined;

  /** Replaces the painted mentions (the browser lacks the API: nothing is painted, cards still work). */
  paint(ranges: Iterable<AbstractRange>): void {
    const highlights = registry();
    if (!highlights) return;
    const highlight = new Highlight();
    for (const range of ranges) highlight.add(range);
    this.#mentions = highlight;
    highlights.set(MENTION_HIGHLIGHT, highlight);
    this.#reassertActive(highlights);
  }

  /** Marks one range as active (the pointer is on it, or its card is open), or none. */
  setActive(range: AbstractRange | undefined): void {
    if (range === this.#activeRange) return;
    this.#activeRange = range;
    const highlights = registry();
    if (!highlights) return;
    if (!range) {
      this.#active = undefined;
      highlights.delete(ACTIVE_HIGHLIGHT);
      return;
    }
    this.#active = new Highlight(range);
    this.#active.priority = 1;
    highlights.set(ACTIVE_HIGHLIGHT, this.#active);
  }

  /** Registers our highlights again if the page removed or replaced them. */
  reassert(): void {
    const highlights = registry();
    if (!highlights) return;
    if (this.#mentions && highlights.get(MENTION_HIGHLIGHT) !== this.#mentions) highlights.set(MENTION_HIGHLIGHT, this.#mentions);
    this.#reassertActive(highlights);
  }

  /** Removes everything we registered. */
  clear(): void {
    const highlights = registry();
    this.#mentions = undefined;
    this.#active = undefined;
    this.#activeRange = undefined;
    if (!highlights) return;
    highlights.delete(MENTION_HIGHLIGHT);
    highlights.delete(ACTIVE_HIGHLIGHT);
  }

  #reassertActive(highlights: HighlightRegistry): void {
    if (this.#active && highlights.get(ACTIVE_HIGHLIGHT) !== this.#active) highlights.set(ACTIVE_HIGHLIGHT, this.#active);
  }
}
