import type { MaybeNamesSource } from './lexicon';

/**
 * The test that can only say "maybe here", apart from the lexicon: the content script runs it on
 * every page, and carries only its words (`__HEAT_NOTES_MAYBE_NAMES__`, written by the build from
 * `lexicon.ts`), never the matcher, which is loaded with the rest of detection where the test says
 * maybe (`lib/page/scan/lazy-detection.ts`).
 */

declare const __HEAT_NOTES_MAYBE_NAMES__: MaybeNamesSource | undefined;

function maybeNamesSource(): MaybeNamesSource {
  if (typeof __HEAT_NOTES_MAYBE_NAMES__ !== 'object') {
    throw new Error('__HEAT_NOTES_MAYBE_NAMES__ is written by the build: see buildTimeDefines() in lexicon.ts');
  }
  return __HEAT_NOTES_MAYBE_NAMES__;
}

let maybe: RegExp | undefined;

/**
 * How many places in `text` may hold a name or a decoy the matcher would accept: 0 means it holds
 * none. A place is a position where the test matches, overlapping ones too, so a stretch of a text
 * counts no more places than the text has inside that stretch: the walk stops testing a block's
 * children once theirs add up to the block's (`page-text.ts`). Used on `textContent` before anything
 * is read, so a page without our names compiles only this small expression, never the matcher's.
 */
export function countMaybeNames(text: string): number {
  maybe ??= new RegExp(maybeNamesSource().maybe, 'g');
  maybe.lastIndex = 0;
  let count = 0;
  for (let match = maybe.exec(text); match; match = maybe.exec(text)) {
    count++;
    maybe.lastIndex = match.index + 1;
  }
  return count;
}

let maybeWhole: RegExp | undefined;

/**
 * The maybe test (`countMaybeNames`) for a text with no gap in it (no nested block, unread content or
 * marker): only words that end where a name's word would ("Studio" holds no "Studi"). False means it
 * holds none.
 */
export function mayHoldWholeNames(text: string): boolean {
  if (!maybeWhole) {
    const { maybe: words, maybeWholeMore: more } = maybeNamesSource();
    // As the matcher's pattern ends a name: maybe a plural "s", then no letter or digit.
    maybeWhole = new RegExp(`(?:${words}${more ? `|${more}` : ''})[sS]?(?![A-Za-z0-9\\u00C0-\\u024F])`);
  }
  return maybeWhole.test(text);
}
