/**
 * Every word the UI shows comes from `public/_locales/<locale>/messages.json` through the browser's
 * own `i18n.getMessage`: synchronous, the browser picks the locale, and no message file is bundled
 * into any script (the content script has a size budget). See CONTRIBUTING.md, "Adding a UI string".
 *
 * Call these only while rendering or handling events, never at a module's top level: WXT imports
 * entrypoints in Node at build time, where there is no browser.
 */
import { browser } from 'wxt/browser';
// Types only: erased from the build, so the messages stay out of every bundle.
import type messages from '../../public/_locales/en/messages.json';

type Messages = typeof messages;

/** The name of a message in `public/_locales/en/messages.json`; a typo fails to compile. */
export type MessageKey = keyof Messages;

/** A message that takes substitutions (it has `placeholders`). */
export type KeyWithPlaceholders = { [K in MessageKey]: Messages[K] extends { placeholders: object } ? K : never }[MessageKey];

/** A message without placeholders. */
export type PlainKey = Exclude<MessageKey, KeyWithPlaceholders>;

export type Substitution = string | number;

interface PlainI18n {
  getMessage(name: string, substitutions?: string[]): string;
}

/** At least one substitution for a message with placeholders, none for one without. */
type SubstitutionsFor<K extends MessageKey> = K extends KeyWithPlaceholders ? [Substitution, ...Substitution[]] : [];

/**
 * The message `key` in the browser's language, with `substitutions` for its `$1`…`$9` in order
 * (`t('otpShown', 'Al Pacino')` → "Al Pacino: shown on the page.").
 */
export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsFor<K>): string {
  // Through a plain signature: WXT's generated overloads know only the keys of its last `prepare`.
  return (browser.i18n as PlainI18n).getMessage(key, substitutions.map(String));
}

/**
 * A count in words, from a pair of messages (the i18n API has no plural rules): `one` for exactly 1,
 * `many` otherwise, each with the count as `$1` (`plural(3, 'pagesOne', 'pagesMany')` → "3 pages").
 */
export function plural(count: number, one: KeyWithPlaceholders, many: KeyWithPlaceholders, shown: Substitution = count): string {
  return t(count === 1 ? one : many, shown);
}

/** Private-use characters that stand for the parts of `tParts` while the browser fills in the message. */
const PART_BASE = 0xe000;

/**
 * The message with elements in it: its text split around the substitutions, which are returned as
 * given (`tParts('sitePausedUntil', <time>…</time>)` → ["Paused until ", <time>…</time>]), so a
 * translation can put them anywhere.
 */
export function tParts<T>(key: KeyWithPlaceholders, ...parts: [T, ...T[]]): Array<string | T> {
  const markers = parts.map((_, index) => String.fromCharCode(PART_BASE + index)) as [string, ...string[]];
  return t(key, ...markers)
    .split(/([\ue000-\ue008])/)
    .filter(Boolean)
    .map((piece) => parts[piece.charCodeAt(0) - PART_BASE] ?? piece);
}
