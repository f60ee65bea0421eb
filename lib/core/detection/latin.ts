/**
 * Expressions with Unicode property classes (`\p{L}`, `\p{Lu}`…), answered by a Latin twin where
 * the text allows. Detection tells names by their letters and capitals in any script, so its
 * expressions use those classes; but the engine builds each class from the whole of Unicode the first
 * time the expression runs, which a page that reaches detection pays for each of them (about 4 ms of
 * the 20 KB article's scan, BENCHMARKS.md). Most text is Latin.
 *
 * A twin has each class spelled out as its Latin-1 ranges and no `u` flag. On text made only of
 * Latin characters (`isLatin`) it answers exactly as the expression does: the classes hold the same
 * of those characters (tests/unit/latin.test.ts checks every one), those characters are single code
 * units, and `i` folds case among them alike with and without `u` (checked too; "ſ" and the Kelvin
 * sign, which fold with `u` only, are outside). Any other text gets the expression itself.
 */

/** The characters a twin answers for: Latin-1, general punctuation (’ “ — …) and currency signs. */
const OUTSIDE_LATIN = /[^\0-\u00FF\u2000-\u206F\u20A0-\u20C0]/;

/** The Unicode property classes detection uses, as ranges of Latin characters (`isLatin`). */
export const LATIN_CLASSES = {
  L: 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF',
  Lu: 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE',
  Ll: 'a-z\\u00B5\\u00DF-\\u00F6\\u00F8-\\u00FF',
  N: '0-9\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE',
} as const;

/** Whether a twin may answer for `text`. */
export function isLatin(text: string): boolean {
  return !OUTSIDE_LATIN.test(text);
}

/** `source` with each `\p{…}` spelled out: inside a class as ranges, elsewhere as a class of them. */
export function spellOutClasses(source: string): string {
  let spelled = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const property = /^\\p\{(\w+)\}/.exec(source.slice(i));
      if (property) {
        const ranges = LATIN_CLASSES[property[1] as keyof typeof LATIN_CLASSES];
        if (ranges === undefined) throw new Error(`no Latin ranges for \\p{${property[1]}}`);
        spelled += inClass ? ranges : `[${ranges}]`;
        i += property[0].length - 1;
      } else {
        spelled += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    spelled += char;
  }
  return spelled;
}

/** Every expression given a twin, as written, for tests/unit/latin.test.ts to hold each twin to it. */
export const TWINNED: Array<{ readonly source: string; readonly flags: string }> = [];

/**
 * An expression with the `u` flag, written as between the slashes of a literal (`String.raw`), made
 * the first time it is asked for: its Latin twin when `text`, which it is about to be run on, is Latin,
 * else the expression itself. Neither is made before then: making one with property classes costs the
 * engine a look-up of each class (0.1–0.6 ms apiece, BENCHMARKS.md), which a page without our names,
 * running none of detection, should not pay, and which Latin text never needs. A global expression's
 * `lastIndex` is the caller's, on whichever is returned.
 */
export function latinFirst(source: string, flags: string): (text: string) => RegExp {
  if (!flags.includes('u')) throw new Error(`/${source}/ has no u flag: it needs no twin`);
  // Syntax that means something else without `u`. Looked for as plain strings: an expression here
  // would be compiled at every page load, by the first module that makes a twin (0.25 ms).
  if (source.includes('\\P{') || source.includes('\\u{')) throw new Error(`/${source}/ cannot be spelled out`);
  TWINNED.push({ source, flags });
  let expression: RegExp | undefined;
  let twin: RegExp | undefined;
  return (text) =>
    isLatin(text) ? (twin ??= new RegExp(spellOutClasses(source), flags.replace('u', ''))) : (expression ??= new RegExp(source, flags));
}
