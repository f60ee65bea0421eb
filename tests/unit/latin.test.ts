/**
 * The Latin twins of detection's Unicode expressions (lib/core/detection/latin.ts) answer exactly as
 * the expressions do on Latin text: their classes hold the same Latin characters, case folds alike
 * with and without `u` among them, and each twin finds the same matches on random Latin text.
 */
import { describe, expect, it } from 'vitest';
import { LATIN_CLASSES, TWINNED, isLatin, latinFirst, spellOutClasses } from '../../lib/core/detection/latin';
import { detectMentions } from '../../lib/core/detection/index';
import { readBlocks } from '../../lib/page/read/page-text';
import { prng } from '../fuzz';

void detectMentions; // loads every detection module, whose twins register themselves
void readBlocks; // and the footnote test's

/** Every character `isLatin` lets a twin answer for. */
function latinCharacters(): string[] {
  const characters: string[] = [];
  for (let code = 0; code <= 0x20c0; code++) {
    const character = String.fromCharCode(code);
    if (isLatin(character)) characters.push(character);
  }
  return characters;
}

const LATIN = latinCharacters();
const escape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

describe('Latin classes', () => {
  it('cover Latin-1, general punctuation and currency signs, and nothing past them', () => {
    expect(LATIN).toHaveLength(256 + 0x70 + 0x21);
    expect(isLatin('Robert De Niro’s “Heat” — 1995 … Zoë, Beyoncé, 5 €')).toBe(true);
    expect(isLatin('Ἀθῆναι')).toBe(false);
    expect(isLatin('ſ')).toBe(false);
    expect(isLatin('\u212a')).toBe(false); // the Kelvin sign, which /k/iu matches
  });

  for (const [property, ranges] of Object.entries(LATIN_CLASSES)) {
    it(`\\p{${property}} holds exactly its ranges, of the Latin characters`, () => {
      const unicode = new RegExp(`\\p{${property}}`, 'u');
      const spelled = new RegExp(`[${ranges}]`);
      const differing = LATIN.filter((character) => unicode.test(character) !== spelled.test(character));
      expect(differing.map(escape)).toEqual([]);
    });
  }

  it('fold case alike with and without u, and \\w and \\b read them alike', () => {
    const differing: string[] = [];
    for (const pattern of LATIN) {
      const withU = new RegExp(`^${escape(pattern)}$`, 'iu');
      const withoutU = new RegExp(`^${escape(pattern)}$`, 'i');
      for (const text of LATIN) if (withU.test(text) !== withoutU.test(text)) differing.push(`${escape(pattern)}~${escape(text)}`);
    }
    expect(differing).toEqual([]);
    for (const flags of ['', 'i']) {
      for (const character of LATIN) {
        expect(new RegExp('\\w', `${flags}u`).test(character), escape(character)).toBe(new RegExp('\\w', flags).test(character));
        expect(new RegExp('\\bx', `${flags}u`).test(`${character}x`), escape(character)).toBe(new RegExp('\\bx', flags).test(`${character}x`));
      }
    }
  });
});

describe('spelling out', () => {
  it('puts ranges in a class, and a class of them elsewhere', () => {
    expect(spellOutClasses('^\\p{Lu}[\\p{L}\\p{N}\'-]*\\.$')).toBe(`^[${LATIN_CLASSES.Lu}][${LATIN_CLASSES.L}${LATIN_CLASSES.N}'-]*\\.$`);
  });

  it('refuses what it cannot spell out, and an expression that needs no twin', () => {
    expect(() => spellOutClasses('\\p{Sc}')).toThrow(/Sc/);
    expect(() => latinFirst(String.raw`\P{L}`, 'u')).toThrow(/cannot be spelled out/);
    expect(() => latinFirst(String.raw`\u{1F3AC}\p{L}`, 'u')).toThrow(/cannot be spelled out/);
    expect(() => latinFirst('[A-Z]', '')).toThrow(/no u flag/);
  });

  it('hands non-Latin text the expression itself', () => {
    const pick = latinFirst(String.raw`^\p{Lu}`, 'u');
    const expression = pick('Ἀθῆναι');
    expect([expression.source, expression.flags]).toEqual([String.raw`^\p{Lu}`, 'u']);
    expect(pick('Ἄργος'), 'made once').toBe(expression);
    expect(pick('Athens')).not.toBe(expression);
    expect(pick('Athens').flags).toBe('');
  });
});

describe('every twin', () => {
  const words = [
    'The', 'A', 'An', 'Al', 'Pacino', 'De', 'Niro', 'deNiro', 'Mann', 'Heat', 'film', 'movie', 'is', 'was', 'a', '1995',
    'Zoë', 'Émile', 'ÉCOLE', 'straße', 'ÿes', 'Øresund', 'µm', 'ª', 'º', '²', '¼', '×', '÷', 'Mr', 'Dr', 'L', 'Bros',
    'Voight-Kampff', 'Jean-Luc', 'O’Brien', "d'Artagnan", 'NBA', 'the', 'of', 'and', 'crime', 'thriller', 'masterpiece',
    'remains', 'sequel', '-Kampff', '(a)', '[b]', '3', '†', 'Ünter', 'Æon',
  ];
  const joints = [' ', '  ', '\n', ', ', '. ', '.', '! ', '? ', '… ', '’s ', "'s ", ' “', '” ', ' (', ') ', '-', ' — ', ' & ', '[1]', '\u00a0', '; '];

  it('registered: detection’s and the footnote test’s', () => {
    expect(TWINNED.length).toBeGreaterThanOrEqual(15);
  });

  it('finds what its expression finds on random Latin text', () => {
    const rng = prng(1995);
    for (const { source, flags } of [...TWINNED]) {
      const expression = new RegExp(source, flags);
      const twin = latinFirst(source, flags)('Latin');
      expect(twin.flags).toBe(flags.replace('u', ''));
      for (let run = 0; run < 150; run++) {
        const parts: string[] = [];
        for (let i = 0, n = 1 + rng.int(8); i < n; i++) parts.push(rng.pick(words), rng.pick(joints));
        const whole = parts.join('');
        expect(isLatin(whole), whole).toBe(true);
        // Every stretch that starts or ends at a part's edge: detection runs most of them on the few
        // characters before or after a name.
        const edges = parts.map((_, i) => parts.slice(0, i).join('').length);
        for (const text of [...edges.map((edge) => whole.slice(edge)), ...edges.map((edge) => whole.slice(0, edge))]) {
          const all = (re: RegExp) => (re.global ? [...text.matchAll(re)] : [re.exec(text)]).map((m) => (m ? `${m.index}:${[...m].join('|')}` : null));
          expect(all(twin), `/${expression.source}/ on ${JSON.stringify(text)}`).toEqual(all(expression));
        }
      }
    }
  });
});
