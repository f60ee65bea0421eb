import type { ComponentChildren } from 'preact';
import type { EntityId } from '../../data/catalog';
import type { EssayParagraph } from '../../data/essay';
import { detectMentions, type Mention } from '../../lib/core/detection';
import type { Span } from './essay-target';

/**
 * The essay's text as the essay view shows it: how long it takes to read, which names it marks, and
 * the paragraph's text with marks and the quoted words put in (the text itself untouched).
 */

/** Average silent reading speed used for the estimate above the essay. */
export const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read `words` at WORDS_PER_MINUTE, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * The mentions the essay view marks: the first of each entity in each paragraph (marking every
 * "Mann" and "Heat" would turn a paragraph into a row of links), never overlapping.
 */
export function essayMarks(paragraphs: readonly EssayParagraph[]): Mention[][] {
  return detectMentions(paragraphs.map((p) => ({ text: p.text }))).map((mentions) => {
    const seen = new Set<EntityId>();
    const kept: Mention[] = [];
    let end = 0;
    for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
      if (mention.start < end || seen.has(mention.entity)) continue;
      seen.add(mention.entity);
      kept.push(mention);
      end = mention.end;
    }
    return kept;
  });
}

/**
 * The paragraph's text with each mention replaced by `mark(mention, text)`, and the quoted span (if
 * any) wrapped in a `<mark class="hn-quote">`; the text itself is untouched. A mention that straddles
 * an end of the quote is left unmarked rather than split.
 */
export function renderMarked(
  paragraph: EssayParagraph,
  mentions: readonly Mention[],
  quote: Span | undefined,
  mark: (mention: Mention, text: string) => ComponentChildren,
): ComponentChildren[] {
  const { text } = paragraph;
  if (!quote) return markRange(text, 0, text.length, mentions, mark);
  const inside = mentions.filter((m) => m.start >= quote.start && m.end <= quote.end);
  const outside = mentions.filter((m) => m.end <= quote.start || m.start >= quote.end);
  return [
    ...markRange(text, 0, quote.start, outside, mark),
    <mark key="quote" class="hn-quote" data-quote="">
      {markRange(text, quote.start, quote.end, inside, mark)}
    </mark>,
    ...markRange(text, quote.end, text.length, outside, mark),
  ];
}

/** `text` from `from` to `to`, with the mentions that lie inside it replaced by marks. */
function markRange(
  text: string,
  from: number,
  to: number,
  mentions: readonly Mention[],
  mark: (mention: Mention, text: string) => ComponentChildren,
): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let at = from;
  for (const mention of mentions) {
    if (mention.start < at || mention.end > to) continue;
    if (mention.start > at) parts.push(text.slice(at, mention.start));
    parts.push(mark(mention, text.slice(mention.start, mention.end)));
    at = mention.end;
  }
  if (at < to) parts.push(text.slice(at, to));
  return parts;
}
