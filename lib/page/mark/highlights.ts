import { activeHighlightName, mentionHighlightName } from '../../core/highlight-names';
import type { HighlightColor, HighlightStyle } from '../../core/settings';

/**
 * Painting mentions with the CSS Custom Highlight API: ranges registered under our own names, styled
 * by `entrypoints/content/style.css` (`::highlight(heat-notes-…)`, one name per style and colour:
 * `lib/core/highlight-names.ts`). Nothing in the page's DOM changes. The registry is shared with the page,
 * which can read and clear it: names are prefixed, and `reassert` puts ours back.
 */

function registry(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function' ? CSS.highlights : undefined;
}

/** How many ranges `HighlightPainter.painting` adds in one step. */
const RANGES_PER_STEP = 256;

export class HighlightPainter {
  #mentions: Highlight | undefined;
  #active: Highlight | undefined;
  #activeRange: AbstractRange | undefined;
  /** The name mentions are painted under; undefined with the style "none" (cards still open). */
  #mentionName: string | undefined = mentionHighlightName('underline', 'amber');
  #activeName = activeHighlightName('amber');

  /**
   * Replaces the painted mentions (the browser lacks the API: nothing is painted, cards still work).
   * With none, nothing of ours stays in the registry, which the page shares: a page without our names
   * cannot tell Heat Notes is there.
   *
   * In steps that the caller spreads over slices, running it to its end: each range is a call into the
   * browser, and the 10 MB article's 3,002 took 10–15 ms (BENCHMARKS.md, eleventh session). What is
   * painted changes at the last step, all at once; a painting left unfinished changes nothing.
   */
  *painting(ranges: readonly AbstractRange[]): Generator<void, void, void> {
    // Nothing painted and nothing to paint (most pages): the registry is not even looked at.
    if (ranges.length === 0 && this.#mentions === undefined) return;
    const highlights = registry();
    if (!highlights) return;
    if (ranges.length === 0) {
      this.#mentions = undefined;
      if (this.#mentionName) highlights.delete(this.#mentionName);
      return;
    }
    const highlight = new Highlight();
    for (let i = 0; i < ranges.length; i++) {
      if (i > 0 && i % RANGES_PER_STEP === 0) yield;
      highlight.add(ranges[i]!);
    }
    this.#mentions = highlight;
    this.reassert();
  }

  /** Paints the same ranges in another style or colour (settings), at once. */
  setLook(style: HighlightStyle, color: HighlightColor): void {
    const mentionName = style === 'none' ? undefined : mentionHighlightName(style, color);
    const activeName = activeHighlightName(color);
    if (mentionName === this.#mentionName && activeName === this.#activeName) return;
    const highlights = registry();
    if (this.#mentionName) highlights?.delete(this.#mentionName);
    highlights?.delete(this.#activeName);
    this.#mentionName = mentionName;
    this.#activeName = activeName;
    this.reassert();
  }

  /** Marks one range as active (the pointer is on it, or its card is open), or none. */
  setActive(range: AbstractRange | undefined): void {
    if (range === this.#activeRange) return;
    this.#activeRange = range;
    const highlights = registry();
    if (!highlights) return;
    if (!range) {
      this.#active = undefined;
      highlights.delete(this.#activeName);
      return;
    }
    this.#active = new Highlight(range);
    this.#active.priority = 1;
    highlights.set(this.#activeName, this.#active);
  }

  /** Registers our highlights again if the page removed or replaced them; cheap when they are in place. */
  reassert(): void {
    const highlights = registry();
    if (!highlights) return;
    if (this.#mentions && this.#mentionName && highlights.get(this.#mentionName) !== this.#mentions) {
      highlights.set(this.#mentionName, this.#mentions);
    }
    if (this.#active && highlights.get(this.#activeName) !== this.#active) highlights.set(this.#activeName, this.#active);
  }

  /** Removes everything we registered. */
  clear(): void {
    const highlights = registry();
    this.#mentions = undefined;
    this.#active = undefined;
    this.#activeRange = undefined;
    if (!highlights) return;
    if (this.#mentionName) highlights.delete(this.#mentionName);
    highlights.delete(this.#activeName);
  }
}
