import { entityNames, type EntityId, type EntityKind } from '../../../data/entities';
import type { Candidate, LocalFeatures, Span } from './types';
import { latinFirst } from './latin';

const QUOTES_BEFORE = /(?:["“‘'«‹`*_]|``|'')\s?$/;
const QUOTES_AFTER = /^(?:['’]s)?[,.!?:;]?\s?(?:["”’'»›*_]|''|``)/;
const YEAR_AFTER = /^(?:['’]s)?\s*[([]\s*(?:[^()[\]]{0,40}?[,;]\s*)?(\d{4})\s*[)\]]/u;

/**
 * Capitalised words that start sentences or stand before a name as a title: none of them is a given
 * name, so "When Pacino", "Detective Hanna" or "Director Mann" still mean our people. Made the first
 * time a name is read: a page without our names would pay 0.2 ms of its start for it.
 */
let notGivenNames: ReadonlySet<string> | undefined;
const notGivenName = (word: string): boolean =>
  (notGivenNames ??= new Set(
    (
      'a an the and as at after although also because before both but by certainly co-star cop detective det director ' +
      'dr during earlier even filmmaker for from here however if in indeed instead lieutenant legend legendary like ' +
      'lt maybe meanwhile mr mrs ms now of officer on only perhaps producer sgt sergeant since so star still then ' +
      'there thief though thus to unlike when where whereas while with without writer yet young actor actress auteur ' +
      'captain chief agent veteran icon screen stars co-stars between alongside including featuring starring vs ' +
      'versus against opposite whether why what who how this that these those my his her their our your its'
    ).split(' '),
  )).has(word);

function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start).replace(/["“‘'([«\s*_]+$/u, '');
  return before === '' || /[.!?:;…]$/.test(before);
}

const WORD = latinFirst(String.raw`\p{L}[\p{L}'’-]*`, 'gu');
const STARTS_WITH_CAPITAL = latinFirst(String.raw`^\p{Lu}`, 'u');

/** The last block asked about: every candidate of a block asks about the same whole text. */
let lastHeadline: { text: string; headline: boolean } | undefined;

function isHeadline(text: string): boolean {
  if (lastHeadline?.text === text) return lastHeadline.headline;
  const words = text.match(WORD(text)) ?? [];
  const longWords = words.filter((word) => word.length > 3);
  const capitalised = longWords.filter((word) => STARTS_WITH_CAPITAL(word).test(word)).length;
  const headline = longWords.length >= 3 && capitalised / longWords.length >= 0.7;
  lastHeadline = { text, headline };
  return headline;
}

function isEmphasised(start: number, end: number, emphasis: readonly Span[]): boolean {
  // The emphasised stretch is the name, give or take a possessive or punctuation.
  return emphasis.some((span) => span.start <= start && span.end >= end && span.end - span.start <= end - start + 3);
}

/** A given name, optionally followed by a middle initial or a quoted nickname, then one space. */
const GIVEN_NAME_BEFORE = latinFirst(String.raw`(?:^|[\s(])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:\s+\p{Lu}\.)?(?:\s+[“"‘']\p{Lu}\p{Ll}+[”"’'])?\s$`, 'u');

function hasOtherGivenName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const match = GIVEN_NAME_BEFORE(before).exec(before);
  if (!match) return false;
  const word = match[1]!;
  if (/['’]s$/.test(word)) return false;
  return !notGivenName(word.toLowerCase());
}

export function readLocalFeatures(
  text: string,
  start: number,
  end: number,
  emphasis: readonly Span[],
  previousCandidateEnd: number | undefined,
  kind: EntityKind,
): LocalFeatures {
  const isPersonName = kind === 'person' || kind === 'character';
  const before = text.slice(Math.max(0, start - 3), start);
  const after = text.slice(end, end + 60);
  const yearMatch = YEAR_AFTER.exec(after);
  return {
    sentenceStart: isSentenceStart(text, start),
    // Only a title's decision reads it (`decide.ts`), and counting a block's words is not free.
    headline: kind === 'film' && isHeadline(text),
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
    followsOwnFullName: false,
    possessesTitle: false,
    listedAmongTitles: false,
    calledFilm: false,
  };
}

/** Words that join a noun to another phrase rather than describe it: "a problem in the film" is no film. */
const JOINING_WORDS = 'for|of|in|on|to|about|with|from|after|before|at|by|into|than|like|as|and|or|but|nor';

/**
 * The possessive of a name, then at most four lower-case words or numbers that describe the title
 * ("’s masterpiece", "’s 1995 crime epic"), then maybe an opening quote. No joining word: "Nolan’s
 * screenplay for The Dark Knight" owns a screenplay, not the film, and a co-writer could own it.
 */
const POSSESSIVE_THEN_TITLE = latinFirst(String.raw`^['’]s?\s+(?:(?!(?:${JOINING_WORDS})\b)[\p{Ll}\p{N}][\p{L}\p{N}'’-]*,?\s+){0,4}["“‘]?$`, 'u');

/**
 * "is a 1995 crime film", "was Ben Affleck’s second movie", ", the thriller that…": a verb of being or an
 * apposition, then at most five words that describe (no joining word), then the noun as the head of the
 * phrase: followed by punctuation or a word that starts a new part of the sentence, so neither its
 * possessive ("Heat is the film’s subject") nor a compound ("Heat, the film industry…") counts.
 */
const CALLED_FILM = latinFirst(
  String.raw`^(?:['’]s)?(?:\s*,|\s+(?:is|was|remains))\s+((?:(?!(?:${JOINING_WORDS})\b)[\p{L}\p{N}'’-]+,?\s+){0,5}?)` +
    String.raw`(?:film|movie|motion picture|thriller|crime drama|heist drama|sequel|remake|prequel)` +
    String.raw`(?=[.,;:!?)\]—–"”]|\s*$|\s+(?:that|which|where|who|whose|${JOINING_WORDS}|directed|starring|written|made|released|set|based|is|was|ever|since|I|we|you|he|she|they|it)\b)`,
  'iu',
);

/** A capitalised "The", "A" or "An" title (or one in quotes), then the comma or "and" of a list, before ours. */
const TITLE_ITEM_BEFORE = latinFirst(String.raw`(?:^|[\s(])["“]?(?:The|A|An)\s+\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:of|the|and|in|on|at|to|for|a|an|\p{Lu}[\p{L}\p{N}'’.-]*))*,?["”]?(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)["“]?$`, 'u');
/** The joint of a list right before a title: a comma, "and", "or" or "&", maybe an opening quote. */
const LIST_JOINT_BEFORE = /(?:,|\s(?:and|or|&))\s+["“]?$/;
/** …or the list goes on after ours with such a title. */
const TITLE_ITEM_AFTER = latinFirst(String.raw`^["”]?(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)["“]?(?:The|A|An)\s+\p{Lu}`, 'u');

type Relations = { followsOwnFullName: boolean; possessesTitle: boolean; listedAmongTitles: boolean; calledFilm: boolean };

/**
 * Evidence that a candidate's neighbours in the block give. Runs once per block text, only for blocks
 * with candidates, and reads only the short stretches between and around candidates.
 */
export function markBlockRelations(text: string, candidates: readonly Candidate[]): void {
  /** Per entity, its latest candidate so far in the block, and whether that one is surely ours. */
  const latest = new Map<EntityId, { end: number; ours: boolean }>();
  candidates.forEach((candidate, index) => {
    const local = candidate.local as LocalFeatures & Relations;
    const kind = entityNames()[candidate.entity].kind;
    const earlier = latest.get(candidate.entity);
    if (candidate.form.short && earlier?.ours) {
      // The stretch since our full name must not hold the name for anyone else ("Robert De Niro Sr.").
      local.followsOwnFullName = !text.slice(earlier.end, candidate.start).toLowerCase().includes(candidate.text.toLowerCase());
    }
    latest.set(candidate.entity, {
      end: candidate.end,
      ours:
        candidate.form.strength === 'unique' ||
        (local.followsOwnFullName && !local.otherBearer && !local.hyphenatedToOtherName),
    });
    const next = candidates[index + 1];
    if (candidate.form.short && (kind === 'person' || kind === 'character') && next && entityNames()[next.entity].kind === 'film') {
      const title = next.local;
      const between = text.slice(candidate.end, next.start);
      local.possessesTitle =
        !title.lowercaseThe && !title.numbered && !title.otherSenseNearby && POSSESSIVE_THEN_TITLE(between).test(between);
    }
    if (kind === 'film') {
      // The list's comma or "and" right before the title is checked first, on a few characters, so most
      // titles never run the longer look back for the item before it.
      const itemBefore = text.slice(Math.max(0, candidate.start - 80), candidate.start);
      const itemAfter = text.slice(candidate.end, candidate.end + 40);
      const after = text.slice(candidate.end, candidate.end + 80);
      local.listedAmongTitles =
        (LIST_JOINT_BEFORE.test(text.slice(Math.max(0, candidate.start - 6), candidate.start)) && TITLE_ITEM_BEFORE(itemBefore).test(itemBefore)) ||
        TITLE_ITEM_AFTER(itemAfter).test(itemAfter);
      const called = CALLED_FILM(after).exec(after);
      const year = (entityNames()[candidate.entity] as { year?: number }).year;
      const statedYear = called && /\b(?:18|19|20)\d\d\b/.exec(called[1]!)?.[0];
      local.calledFilm = called !== null && (!statedYear || year === undefined || Number(statedYear) === year);
    }
  });
}
