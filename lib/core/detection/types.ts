import type { EntityId, SurfaceForm } from '../../../data/entities';

/**
 * The shapes detection works with, from a block's text to a decided mention. This module imports
 * nothing else from detection, so every step can use these types without depending on the others
 * (or on `index.ts`, which puts the steps together).
 */

/** A stretch of a block's text inside an element that marks a title or a name: `i`, `em`, `cite`, `q`… */
export interface Span {
  start: number;
  end: number;
}

/** The text of one block (see docs/contract.md: text nodes concatenated in tree order). */
export interface TextBlock {
  readonly text: string;
  /** Emphasised stretches (italics, quotes, citations): local evidence that a name is a title. */
  readonly emphasis?: readonly Span[];
  /**
   * Stretches that are not words (footnote markers, read as spaces) and, with no length, places where
   * a nested block or unread content stood: no name crosses one. Ascending.
   */
  readonly gaps?: readonly Span[];
  /**
   * Places where a line break stands (`br`), ascending: it adds no character to the text, but the
   * words on either side are apart, as if a space stood there ("Al Pacino<br>Robert De Niro").
   */
  readonly breaks?: readonly number[];
}

/** A place in a block's text where a known form stands, with what its surroundings say about it. */
export interface Candidate {
  readonly entity: EntityId;
  readonly form: SurfaceForm;
  /** UTF-16 offsets in the block's text; `end` is exclusive and excludes any possessive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly local: LocalFeatures;
}

/** What matching one block found: candidates, and names of other things that compete with ours. */
export interface BlockMatches {
  readonly candidates: Candidate[];
  /**
   * Entities whose name the block also uses for someone or something else: a decoy ("Miami Heat",
   * "Aimee Mann") or another first name before one of our surnames ("Joyce Kilmer").
   */
  readonly competitors: EntityId[];
}

/** What the words right around a candidate say about it. Pure string work on one block's text. */
export interface LocalFeatures {
  /** First word of a sentence (or of the block): its capital letter proves nothing. */
  readonly sentenceStart: boolean;
  /** The block reads like a headline (most words capitalised): capitals prove nothing either. Asked of titles only. */
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
  /**
   * The rest are set by `markBlockRelations`, from the other candidates of the block.
   *
   * Writers name a person in full, then by surname: a short name whose nearest earlier bearer in the
   * block is its own full name (or a short name that follows it in turn), with no one else's use of the
   * name in between ("Robert De Niro … De Niro", but not "Robert De Niro … Robert De Niro Sr. … De Niro").
   */
  readonly followsOwnFullName: boolean;
  /** A person's surname whose possessive stands before one of our titles: "Nolan’s masterpiece The Dark Knight". */
  readonly possessesTitle: boolean;
  /** A title in a list of titles: "The Insider, Heat and Collateral", "The Fighter and The Town". */
  readonly listedAmongTitles: boolean;
  /**
   * A title its own sentence calls a film: "The Town is Ben Affleck’s second film", "Heat, the movie
   * that…", "The Dark Knight is a 2008 superhero film" (a year there must be the film's).
   */
  readonly calledFilm: boolean;
}

/**
 * Why a name was accepted, for the card's "why this matched" line:
 * - `full-name`: a name that only means this entity ("Al Pacino", "L.A. Takedown").
 * - `marked-title`: a title set off as one — italics, quotes, "(1995)", "Mann’s Heat".
 * - `named-in-full`: a short name ("Pacino") on a page that also gives the full one.
 * - `related-names`: a short or common name on a page that names enough of Heat's world.
 */
export type MatchReason = 'full-name' | 'marked-title' | 'named-in-full' | 'related-names';

export interface Mention {
  readonly entity: EntityId;
  readonly start: number;
  readonly end: number;
  /** The name as it stands on the page, without a possessive. */
  readonly text: string;
  /** Why it was accepted; the card's "why this matched" line. */
  readonly reason: MatchReason;
}
