import { describe, expect, it } from 'vitest';
import { buildLexiconSource, countMaybeNames, mayHoldWholeNames } from '../../lib/core/detection/lexicon';
import { matchBlock } from '../../lib/core/detection/candidates';
import { escapeForRegExp } from '../../lib/core/detection/regexp';
import { detectMentions } from '../../lib/core/detection/index';
import { prng } from '../fuzz';

/** Every spelling the matcher knows, as a page may write it: as listed, in capitals, name-cased. */
function renderings(key: string): string[] {
  const titled = key.replace(/\p{L}+/gu, (word) => (['de', 'of', 'the', 'and'].includes(word) ? word : word[0]!.toUpperCase() + word.slice(1)));
  return [titled, key.toUpperCase(), titled.replace(/ /g, '\n  ')];
}

/** Whether the maybe test finds any place in `text`. */
const mayHoldNames = (text: string) => countMaybeNames(text) > 0;

describe('the native "maybe" test', () => {
  const { lexemes } = buildLexiconSource();

  it('says maybe for every name and decoy the matcher accepts, glued to other text or not', () => {
    for (const [key] of lexemes) {
      for (const text of renderings(key)) {
        expect(mayHoldNames(`end of a paragraph.${text}`), text).toBe(true);
      }
    }
  });

  it('says no for ordinary lower-case words that share letters with our names', () => {
    expect(mayHoldNames('the heat of the day, a town square, a dark knight, manners, a hanna-style cut')).toBe(false);
    expect(mayHoldNames('portmanteau, wheat, downtown, judder, studio lighting')).toBe(false);
  });

  it('lets "deNiro" through, which name casing accepts', () => {
    expect(mayHoldNames('robert deNiro')).toBe(true);
    expect(detectMentions([{ text: 'A still of Robert deNiro on set.' }])[0]!.map((m) => m.entity)).toEqual(['robert-de-niro']);
  });

  it('counts no more places in two stretches than in the text they come from (the walk’s budget)', () => {
    // "MANN" and "NOLAN" share an N: both places count.
    expect(countMaybeNames('MANNOLAN')).toBe(2);
    const rng = prng(1971);
    const words = buildLexiconSource().maybe.split('|').map((alternative) => alternative.replace(/\[(.)(.)\]/g, (_, upper, lower) => (rng.chance(0.5) ? upper : lower)));
    for (let run = 0; run < 2000; run++) {
      const text = Array.from({ length: 6 }, () => rng.pick([rng.pick(words), rng.pick(words).toUpperCase(), 'x', ' ', 'an'])).join('');
      const cut = rng.int(text.length + 1);
      expect(countMaybeNames(text.slice(0, cut)) + countMaybeNames(text.slice(cut)), `${text} at ${cut}`).toBeLessThanOrEqual(countMaybeNames(text));
    }
  });

  it('stays small: one word per spelling, shared words once', () => {
    const words = buildLexiconSource().maybe.split('|');
    expect(words.length).toBeLessThan(lexemes.length / 2);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('the whole-word "maybe" test, for text without gaps', () => {
  const { lexemes } = buildLexiconSource();

  it('says maybe for every name and decoy as the matcher accepts it: alone, possessive, plural, before punctuation', () => {
    for (const [key] of lexemes) {
      for (const text of renderings(key)) {
        for (const after of ['', ' ', "'s", '’s', 's ', '.', ',', ')', '_']) expect(mayHoldWholeNames(`Said:${text}${after}`), text + after).toBe(true);
      }
    }
  });

  it('says no where every maybe is part of a longer word', () => {
    expect(mayHoldNames('Studio lights over Mannheim, Heather Manning and the Townsends')).toBe(true);
    expect(mayHoldWholeNames('Studio lights over Mannheim, Heather Manning and the Townsends')).toBe(false);
    expect(mayHoldWholeNames('KILMERS2 and Pacino9')).toBe(false);
  });

  it('never says no where the matcher finds a name or a decoy (random text)', () => {
    const keys = lexemes.map(([key]) => key);
    const rng = prng(1995);
    const joins = [' ', '', 's', 'o', 'er', "'s ", '2', '.', '\n', '-', 'é', '_', 'S ', 'ing '];
    for (let run = 0; run < 2000; run++) {
      const parts: string[] = [];
      for (let i = 0; i < 3; i++) {
        const key = rng.pick(keys);
        const titled = key.replace(/\p{L}+/gu, (word) => (rng.chance(0.2) ? word : word[0]!.toUpperCase() + word.slice(1)));
        parts.push(rng.chance(0.2) ? titled.toUpperCase() : titled, rng.pick(joins));
      }
      const text = parts.join('');
      const { candidates, competitors } = matchBlock(text);
      if (candidates.length > 0 || competitors.length > 0) expect(mayHoldWholeNames(text), text).toBe(true);
    }
  });
});

describe('the matcher’s expression, built as a trie', () => {
  it('finds what a longest-first alternation of the same spellings finds, at the same places', () => {
    const { lexemes, pattern } = buildLexiconSource();
    const keys = lexemes.map(([key]) => key);
    const escape = (text: string) => escapeForRegExp(text).replace(/ /g, '\\s+');
    const alternation = keys
      .slice()
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
    const flat = new RegExp(`(?:\\b|(?<=_))(?:${alternation})(s?)(?![A-Za-z0-9\\u00C0-\\u024F])`, 'gi');
    const trie = new RegExp(pattern, 'gi');
    const rng = prng(2026);
    for (let run = 0; run < 300; run++) {
      const parts: string[] = [];
      for (let i = 0; i < 12; i++) {
        const key = rng.pick(keys);
        const cut = rng.chance(0.2) ? key.slice(0, 1 + rng.int(key.length)) : key;
        parts.push(rng.chance(0.3) ? cut.toUpperCase() : cut, rng.pick([' ', '  ', '\n', 's ', "'s ", ', ', '_', 'x ']));
      }
      const text = parts.join('');
      const all = (re: RegExp) => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
      expect(all(trie), text).toEqual(all(flat));
    }
  });
});

describe('the lexicon the build writes', () => {
  it('comes back from its JSON text whole, as the content script parses it (wxt.config.ts)', () => {
    // A field JSON cannot hold (a RegExp, a Map, undefined) would reach the bundle empty or missing.
    const source = buildLexiconSource();
    expect(JSON.parse(JSON.stringify(source))).toStrictEqual(source);
  });
});
