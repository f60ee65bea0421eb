/**
 * What the side panel's essay shows for a card open on the page: the paragraph the card's first shown
 * fact cites, with its quoted words. Pure.
 */
import { CATALOG, isEntityId } from '../../data/catalog';
import type { EssayTarget } from '../essay/essay-target';

/** The passage the card cites first, or undefined (an unknown entity, or no fact shown). */
export function citedPassage(entity: string, facts: readonly number[]): EssayTarget | undefined {
  if (!isEntityId(entity)) return undefined;
  const all = CATALOG[entity].facts;
  const fact = facts.map((index) => all[index]).find((found) => found !== undefined);
  return fact && { paragraph: fact.cite.paragraph, quote: fact.cite.quote };
}
