import { entityNames, type EntityId } from '../../../data/entities';
import { plausible, SUPPORT_WEIGHT, type EvidenceSummary } from './page-evidence';
import type { Candidate, MatchReason, Mention } from './types';
import { latinFirst } from './latin';

/**
 * How much support from the rest of the page a name needs (see SUPPORT_WEIGHT): a rare surname needs
 * another rare name or two film words; a common surname or a bare title in running text, about two; a title
 * whose capital proves nothing (sentence start, headline), more again.
 *
 * A title of several words that opens a sentence ("The Town", "The Dark Knight") sits in between: the
 * capital of its first word proves nothing, but those of the others still do; what it cannot show is
 * the "the" of an ordinary name ("the Town" a council calls itself, "the Dark Knight" for Batman). It
 * needs more than film words can give (they count at most 2): at least one other name of Heat's world.
 */
export const SUPPORT_NEEDED = {
  distinctive: 1,
  common: 3,
  /**
   * A title its own sentence calls a film ("The Town is Ben Affleck’s second film"), or a title of several
   * capitalised words in a list of other titles ("The Fighter and The Town"): the words around it show
   * what it is, so it is as sure as a rare surname, wherever it stands. A list proves less for a one-word
   * title, the name of too many things (a magazine, a team, a record), than its capital does.
   */
  shownTitle: 1,
  title: 2,
  openingTitle: 2.5,
  unprovenTitle: 3.5,
} as const;

/** Titles that are ordinary words too ("Heat", "The Town"); surnames are the other common forms. */
function isTitle(entity: EntityId): boolean {
  return entityNames()[entity].kind === 'film';
}

/** "The Town", "The Dark Knight": a word after the first is capitalised, in a name not all in capitals. */
function capitalisedBeyondFirstWord(text: string): boolean {
  return text !== text.toUpperCase() && SPACE_THEN_CAPITAL(text).test(text);
}

const SPACE_THEN_CAPITAL = latinFirst(String.raw`\s\p{Lu}`, 'u');

/** Decides which candidates of one block are mentions, given what the whole page says. */
export function decideBlock(candidates: readonly Candidate[], page: EvidenceSummary): Mention[] {
  const mentions: Mention[] = [];
  for (const candidate of candidates) {
    const reason = reasonToAccept(candidate, page);
    if (reason) {
      mentions.push({ entity: candidate.entity, start: candidate.start, end: candidate.end, text: candidate.text, reason });
    }
  }
  return mentions;
}

export function reasonToAccept(candidate: Candidate, page: EvidenceSummary): MatchReason | undefined {
  const { entity, form, local } = candidate;
  if (!plausible(candidate)) return undefined;
  const support = page.support(entity);
  // Another sense of the name fills the page (a climate scientist, a basketball team) and nothing
  // else on it amounts to one full name from Heat's world: even a full name is probably the other one.
  if (page.otherSenseDominates(entity) && support < SUPPORT_WEIGHT.unique) return undefined;

  if (form.strength === 'unique') return 'full-name';

  const markedTitle = isTitle(entity) && (local.marked || local.possessedByKnownName || local.year !== undefined);
  if (markedTitle && (!page.outnumbered(entity) || local.year !== undefined)) return 'marked-title';
  // The nearest earlier bearer of the name in this block is our full name: other bearers elsewhere
  // on the page (a father, a namesake) do not make this one doubtful.
  if (form.short && local.followsOwnFullName) return 'named-in-full';
  // Someone or something else on the page answers to this name: a bare name is a coin toss.
  if (page.contested(entity)) return undefined;

  if (form.short && page.namedInFull(entity)) return 'named-in-full';
  // "Nolan’s The Dark Knight": whoever owns one of our titles is ours, here and on the rest of the page.
  if (form.short && !isTitle(entity) && (local.possessesTitle || page.ownsTitle(entity))) return 'related-names';

  if (form.strength === 'distinctive') return support >= SUPPORT_NEEDED.distinctive ? 'related-names' : undefined;
  if (!isTitle(entity)) return support >= SUPPORT_NEEDED.common ? 'related-names' : undefined;
  const severalCapitals = capitalisedBeyondFirstWord(candidate.text);
  let needed: number = SUPPORT_NEEDED.title;
  if (local.calledFilm) needed = SUPPORT_NEEDED.shownTitle;
  else if (local.headline) needed = SUPPORT_NEEDED.unprovenTitle;
  else if (local.listedAmongTitles && severalCapitals) needed = SUPPORT_NEEDED.shownTitle;
  else if (local.sentenceStart) needed = severalCapitals ? SUPPORT_NEEDED.openingTitle : SUPPORT_NEEDED.unprovenTitle;
  return support >= needed ? 'related-names' : undefined;
}
