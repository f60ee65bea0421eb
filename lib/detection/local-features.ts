import type { Span } from './index';

/** What the words right around a candidate say about it. Pure string work on one block's text. */
export interface LocalFeatures {
  /** First word of a sentence (or of the block): its capital letter proves nothing. */
  readonly sentenceStart: boolean;
  /** The block reads like a headline (most words capitalised): capitals prove nothing either. */
  readonly headline: boolean;
  /** Set off as a title: italics or emphasis exactly around it, or quotation marks. */
  readonly marked: boolean;
  /** A year in brackets right after it ("Heat (1995)", "Heat (Mann, 1995)"). */
  readonly year?: number;
  /** Right after the possessive of another name we know ("Mann’s Heat"). */
  readonly possessedByKnownName: boolean;
  /** Preceded by a lower-case "the" ("the Heat", "the Dark Knight"): used as a common noun. */
  readonly lowercaseThe: boolean;
  /**
   * For a person's surname: another capitalised given name stands right before it ("Joyce Kilmer",
   * "William “Bill” Hanna"). Always false for titles and studios.
   */
  readonly otherBearer: boolean;
  /** Followed by a small number: for a title, "Heat 6" is a race, not a film (a studio's "100 Films" is not). */
  readonly numbered: boolean;
  /** Its sentence holds words of another sense of the name (set once the block's sentences are known). */
  readonly otherSenseNearby: boolean;
  /** A short name before its own full name in one sentence: a relative ("Nolan and his brother Christopher Nolan"). */
  readonly beforeOwnFullName: boolean;
  /** Hyphenated to a capitalised word that is not one of ours: "Voight-Kampff", "Hanna-Barbera". */
  readonly hyphenatedToOtherName: boolean;
}

const QUOTES_BEFORE = /(?:["“‘'«‹`*_]|``|'')\s?$/;
const QUOTES_AFTER = /^(?:['’]s)?[,.!?:;]?\s?(?:["”’'»›*_]|''|``)/;
const YEAR_AFTER = /^(?:['’]s)?\s*[([]\s*(?:[^()[\]]{0,40}?[,;]\s*)?(\d{4})\s*[)\]]/u;

/**
 * Capitalised words that start sentences or stand before a name as a title: none of them is a given
 * name, so "When Pacino", "Detective Hanna" or "Director Mann" still mean our people.
 */
const NOT_GIVEN_NAMES = new Set(
  (
    'a an the and as at after although also because before both but by certainly co-star cop detective det director ' +
    'dr during earlier even filmmaker for from here however if in indeed instead lieutenant legend legendary like ' +
    'lt maybe meanwhile mr mrs ms now of officer on only perhaps producer sgt sergeant since so star still then ' +
    'there thief though thus to unlike when where whereas while with without writer yet young actor actress auteur ' +
    'captain chief agent veteran icon screen stars co-stars between alongside including featuring starring vs ' +
    'versus against opposite whether why what who how this that these those my his her their our your its'
  ).split(' '),
);

function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start).replace(/["“‘'([«\s*_]+$/u, '');
  return before === '' || /[.!?:;…]$/.test(before);
}

function isHeadline(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const longWords = words.filter((word) => word.length > 3);
  if (longWords.length < 3) return false;
  const capitalised = longWords.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / longWords.length >= 0.7;
}

function isEmphasised(start: number, end: number, emphasis: readonly Span[]): boolean {
  // The emphasised stretch is the name, give or take a possessive or punctuation.
  return emphasis.some((span) => span.start <= start && span.end >= end && span.end - span.start <= end - start + 3);
}

function hasOtherGivenName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  // A given name, optionally followed by a middle initial or a quoted nickname, then one space.
  const match = /(?:^|[\s(])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s+\p{Lu}\.)?(?:\s+[“"‘']\p{Lu}\p{Ll}+[”"’'])?\s$/u.exec(before);
  if (!match) return false;
  const word = match[1]!;
  if (/['’]s$/.test(word)) return false;
  return !NOT_GIVEN_NAMES.has(word.toLowerCase());
}

export function readLocalFeatures(
  text: string,
  start: number,
  end: number,
  emphasis: readonly Span[],
  previousCandidateEnd: number | undefined,
  isPersonName: boolean,
): LocalFeatures {
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 60);
  const yearMatch = YEAR_AFTER.exec(after);
  return {
    sentenceStart: isSentenceStart(text, start),
    headline: isHeadline(text),
    marked: isEmphasised(start, end, emphasis) || (QUOTES_BEFORE.test(before) && QUOTES_AFTER.test(after)),
    year: yearMatch ? Number(yearMatch[1]) : undefined,
    possessedByKnownName:
      previousCandidateEnd !== undefined && /^['’]s\s+$/.test(text.slice(previousCandidateEnd, start)),
    lowercaseThe: /(?:^|\s)the\s+$/.test(text.slice(Math.max(0, start - 5), start)) || text.startsWith('the ', start),
    otherBearer: isPersonName && hasOtherGivenName(text, start),
    numbered: /^\s?\d{1,3}(?!\d|[,.]\d)/.test(after),
    otherSenseNearby: false,
    beforeOwnFullName: false,
    hyphenatedToOtherName: false,
  };
}
