/**
 * A string as a literal inside a regular expression. Its own module, free of the entity data, so the
 * card's script (`EntityCard`'s name pieces) can use it without carrying the lexicon. Pure.
 */
export function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
