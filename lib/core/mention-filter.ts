import { entityNames, type EntityId } from '../../data/entities';
import type { Category } from './settings';
import { categoryOf } from './site-rules';

/**
 * Which accepted mentions a page shows, by the user's choices: categories switched off, matches
 * dismissed with "Not this one" on this site, and "first mention only". Pure; the content script
 * gives it the mentions in document order and paints what it keeps.
 */

/** A dismissed match: this entity, named this way (any case), is not marked on the site. */
export interface Dismissal {
  readonly entity: string;
  readonly surface: string;
}

export interface MentionChoices {
  readonly categories: Readonly<Record<Category, boolean>>;
  readonly dismissed: readonly Dismissal[];
  readonly firstMentionOnly: boolean;
}

interface HasMention {
  readonly mention: { readonly entity: EntityId; readonly text: string };
}

const dismissalKey = (entity: string, surface: string) => `${entity}\n${surface.toLowerCase()}`;

/** The mentions to show, in the order given (document order, for "first mention only"). */
export function chooseMentions<T extends HasMention>(ordered: readonly T[], choices: MentionChoices): T[] {
  const dismissed = new Set(choices.dismissed.map((d) => dismissalKey(d.entity, d.surface)));
  const seen = new Set<EntityId>();
  const chosen: T[] = [];
  for (const placed of ordered) {
    const { entity, text } = placed.mention;
    if (!choices.categories[categoryOf(entityNames()[entity].kind)]) continue;
    if (dismissed.has(dismissalKey(entity, text))) continue;
    if (choices.firstMentionOnly) {
      if (seen.has(entity)) continue;
      seen.add(entity);
    }
    chosen.push(placed);
  }
  return chosen;
}

/** Whether the choices keep every mention (the scanner can skip filtering). */
export function choosesAll(choices: MentionChoices): boolean {
  return !choices.firstMentionOnly && choices.dismissed.length === 0 && Object.values(choices.categories).every(Boolean);
}
