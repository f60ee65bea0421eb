import { escapeForRegExp } from './regexp';
import { DECOYS, entityIds, entityNames, type EntityId, type SurfaceForm } from '../../../data/entities';

/**
 * Every string the matcher looks for, built from `data/entities.ts`: our forms and the decoys that
 * contain them, the one regular expression that finds them, and a cheaper test that can only say
 * "maybe here". Built once at build time (`wxt.config.ts` defines `__HEAT_NOTES_LEXICON__`), since
 * building it costs a page several milliseconds of cold code at every load; built here when absent
 * (unit tests, the eval script). The build writes it as JSON text, parsed on first use: the bundle
 * then holds no code to build it and no decoy list (the `typeof` test below is a constant there, and
 * the bundler drops the other branch), and no page builds its objects as the script loads.
 */

export type Lexeme =
  | { readonly kind: 'form'; readonly entity: EntityId; readonly form: SurfaceForm }
  | { readonly kind: 'decoy'; readonly competesWith: readonly EntityId[] };

/**
 * A spelling as plain data, by its lower-cased, whitespace-folded key (`normalizeForm`): one of our
 * forms (its entity, and its place in the entity's `forms`, which the bundle has already), or a decoy
 * and the entities whose forms stand inside it.
 */
export type LexemeSource = readonly [key: string, entity: EntityId, form: number] | readonly [key: string, competesWith: readonly EntityId[]];

/** The lexicon as plain data: what the build writes into the content script. */
export interface LexiconSource {
  readonly lexemes: readonly LexemeSource[];
  /** The matcher's pattern (flags `gi`): every spelling, longest first, as whole words. */
  readonly pattern: string;
  /** The "maybe" test (no flags): one word of each spelling, name-cased, anywhere (see `maybeSource`). */
  readonly maybe: string;
  /**
   * The words `maybe` leaves out as starting with another of its words, which the test for whole words
   * needs too (see `maybeSource`): most often none.
   */
  readonly maybeWholeMore: string;
}

/** Name particles that stay lower case inside a capitalised name ("Robert de Niro", "deNiro"). */
export const PARTICLES: ReadonlySet<string> = new Set(['de', 'of', 'the', 'and', 'international']);

/** Lower-cased, whitespace-folded spelling: the lookup key for a matched string. */
export function normalizeForm(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

export function buildLexiconSource(): LexiconSource {
  const lexemes = new Map<string, LexemeSource>();
  for (const entity of entityIds()) {
    (entityNames()[entity].forms as readonly SurfaceForm[]).forEach((form, index) => {
      const key = normalizeForm(form.text);
      lexemes.set(key, [key, entity, index]);
    });
  }
  const forms = [...lexemes.values()] as Array<readonly [string, EntityId, number]>;
  for (const decoy of DECOYS) {
    const key = normalizeForm(decoy);
    if (lexemes.has(key)) continue;
    // A decoy competes with every entity whose form stands inside it as whole words.
    const competesWith = forms
      .filter(([formKey]) => ` ${key.replace(/[.,]/g, ' ')} `.includes(` ${formKey.replace(/[.,]/g, ' ')} `))
      .map(([, entity]) => entity);
    lexemes.set(key, [key, [...new Set(competesWith)]]);
  }
  // The spellings as a trie, each step trying to go on before it may stop: at any position the
  // longest spelling that matches wins ("Michael Mann" over "Mann", "Miami Heat" over "Heat"), as a
  // longest-first alternation would, but the engine no longer tries every "Warner Bros. …" one by
  // one (BENCHMARKS.md).
  // Whole words only. The pattern's own boundaries are the cheap ASCII kind (`\b`, or an underscore
  // for Markdown's "_Heat_"), which V8 checks several times faster than Unicode lookarounds (see
  // BENCHMARKS.md); `matchBlock` then settles the rare hits exactly. A following apostrophe is fine,
  // which is how possessives ("Pacino's") leave the name unchanged. An "s" stuck to the end is
  // captured so that "De Niros thief" (an apostrophe lost on the way) can be judged.
  const pattern = `(?:\\b|(?<=_))(?:${trieSource([...lexemes.keys()])})(s?)(?![A-Za-z0-9\\u00C0-\\u024F])`;
  return { lexemes: [...lexemes.values()], pattern, ...maybeSource([...lexemes.keys()]) };
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  end: boolean;
}

/** An expression matching exactly `keys` (spaces as `\s+`), longer ones preferred at each step. */
function trieSource(keys: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const key of keys) {
    let node = root;
    for (const char of key) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([char, child]) => (char === ' ' ? '\\s+' : escapeForRegExp(char)) + source(child));
    // Stopping here is the last choice, so a longer spelling is tried first.
    if (node.end && branches.length > 0) branches.push('');
    return branches.length > 1 ? `(?:${branches.join('|')})` : (branches[0] ?? '');
  };
  return source(root);
}

/** The words of a spelling as name casing reads them (`hasNameCasing` splits on spaces and stops). */
function wordsOf(key: string): string[] {
  return key.split(/[\s.,]+/).filter((word) => /^\p{L}/u.test(word));
}

/**
 * A test that finds, anywhere in a text, one word of every spelling the matcher could accept: in an
 * accepted match every word that is not a particle starts with a capital, so one such word per
 * spelling, with its capital and the rest in any case, is enough. It has no word boundaries, so it
 * runs on `textContent`, which glues neighbouring blocks together ("…end.Heat…"): it may say "maybe"
 * where nothing is, never "no" where something is.
 *
 * Fewer and rarer words make a faster test that says "maybe" less often: a spelling of one word
 * ("Mann", "Pacino") must be in it anyway, and a longer spelling uses one of those when it has one
 * ("Thomas Mann", "Tom Sizemore"); otherwise the word it shares with most other spellings ("Warner"),
 * of four letters or more where it can ("Busan", not "Film").
 *
 * The test for whole words (`mayHoldWholeNames`) asks for the same words where a word ends, as the
 * matcher does: followed by anything but a letter or digit of its pattern's end, or by a single "s"
 * and then that ("Pacinos"). Every word of a spelling is whole in the spelling (`wordsOf` cuts at
 * spaces, full stops and commas), so "Studio", "Manning" or "Heather" holds no name. It says "no"
 * wrongly only where text from elsewhere is glued on right after a name, which a gap stands between
 * in the block's text: it is for text known to have no gap.
 */
function maybeSource(keys: readonly string[]): Pick<LexiconSource, 'maybe' | 'maybeWholeMore'> {
  const wordsOfKey = keys.map((key) => [...new Set(wordsOf(key).filter((word) => !PARTICLES.has(word)))]);
  const sharedBy = new Map<string, number>();
  for (const words of wordsOfKey) for (const word of words) sharedBy.set(word, (sharedBy.get(word) ?? 0) + 1);
  const chosen = new Set<string>();
  keys.forEach((key, i) => {
    const words = wordsOfKey[i]!;
    // A spelling made of particles alone would need them all; there is none, and the test says so.
    if (words.length === 0) throw new Error(`"${key}" has no word a name must capitalise`);
    if (words.length === 1) chosen.add(words[0]!);
  });
  wordsOfKey.forEach((words) => {
    if (words.some((word) => chosen.has(word))) return;
    const ranked = [...words].sort(
      (a, b) => Number(b.length >= 4) - Number(a.length >= 4) || sharedBy.get(b)! - sharedBy.get(a)! || b.length - a.length,
    );
    chosen.add(ranked[0]!);
  });
  const caseless = (text: string) =>
    [...text].map((char) => (char.toUpperCase() === char.toLowerCase() ? escapeForRegExp(char) : `[${char.toUpperCase()}${char.toLowerCase()}]`)).join('');
  const capitalised = (word: string) => escapeForRegExp(word[0]!.toUpperCase()) + caseless(word.slice(1));
  const alternativesOf = (words: Iterable<string>) => {
    const alternatives = new Set<string>();
    for (const word of words) {
      alternatives.add(capitalised(word));
      // "deNiro": name casing lets "de" stay small when a capital follows it.
      if (word.startsWith('de') && word.length > 2) alternatives.add(capitalised(word.slice(2)));
    }
    return [...alternatives].sort().join('|');
  };
  // A word that starts with another chosen word adds nothing ("Judds" after "Judd"), but where words
  // must end it does: "Juddss" is no "Judd".
  const startingWithAnother = [...chosen].filter((word) => [...chosen].some((other) => other !== word && word.startsWith(other)));
  for (const word of startingWithAnother) chosen.delete(word);
  return { maybe: alternativesOf(chosen), maybeWholeMore: alternativesOf(startingWithAnother) };
}

/** `LexiconSource` as JSON, where the build defines it. */
declare const __HEAT_NOTES_LEXICON__: string | undefined;

let source: LexiconSource | undefined;
const lexiconSource = (): LexiconSource =>
  (source ??= typeof __HEAT_NOTES_LEXICON__ === 'string' ? (JSON.parse(__HEAT_NOTES_LEXICON__) as LexiconSource) : buildLexiconSource());

export interface Lexicon {
  readonly lexemes: ReadonlyMap<string, Lexeme>;
  /** Global: callers set `lastIndex`. */
  readonly pattern: RegExp;
}

let lexicon: Lexicon | undefined;

/** The lexicon, made once per page. */
export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const { lexemes, pattern } = lexiconSource();
  const lexeme = (source: LexemeSource): Lexeme =>
    typeof source[1] === 'string'
      ? { kind: 'form', entity: source[1], form: (entityNames()[source[1]].forms as readonly SurfaceForm[])[source[2] as number]! }
      : { kind: 'decoy', competesWith: source[1] };
  lexicon = { lexemes: new Map(lexemes.map((source) => [source[0], lexeme(source)])), pattern: new RegExp(pattern, 'gi') };
  return lexicon;
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
  maybe ??= new RegExp(lexiconSource().maybe, 'g');
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
    const { maybe: words, maybeWholeMore: more } = lexiconSource();
    // As the matcher's pattern ends a name: maybe a plural "s", then no letter or digit.
    maybeWhole = new RegExp(`(?:${words}${more ? `|${more}` : ''})[sS]?(?![A-Za-z0-9\\u00C0-\\u024F])`);
  }
  return maybeWhole.test(text);
}
