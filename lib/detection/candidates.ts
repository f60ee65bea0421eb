import { DECOYS, ENTITY_NAMES, ENTITY_IDS, type EntityId, type SurfaceForm } from '../../data/entities';

/** A place in a block's text where a known form (or a decoy) stands. Offsets are UTF-16 indices. */
export interface Candidate {
  readonly entity: EntityId;
  readonly form: SurfaceForm;
  readonly start: number;
  /** Exclusive; the name only, never a following possessive. */
  readonly end: number;
  readonly text: string;
  /** The name starts with a lower-case "the" ("the Dark Knight"): a hint it is used as a noun. */
  readonly lowercaseArticle: boolean;
}

type Lexeme = { kind: 'form'; entity: EntityId; form: SurfaceForm } | { kind: 'decoy'; text: string };

/** Lower-cased, whitespace-folded spelling used as the lookup key for a matched string. */
export function normalizeForm(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Name particles that stay lower case inside a capitalised name ("Robert de Niro", "deNiro"). */
const PARTICLES = new Set(['de', 'of', 'the', 'and']);

/**
 * Names are capitalised. A form matches when every word starts with a capital (particles may not),
 * or when the whole name is in capitals ("HEAT", "MICHAEL MANN" in credits and headlines).
 */
function hasNameCasing(text: string): boolean {
  if (text === text.toUpperCase()) return /\p{Lu}/u.test(text);
  return text.split(/[\s.]+/).every((word) => {
    if (word === '' || !/^\p{L}/u.test(word)) return true;
    if (PARTICLES.has(word.toLowerCase()) || /^de\p{Lu}/u.test(word)) return true;
    return /^\p{Lu}/u.test(word);
  });
}

class Lexicon {
  readonly pattern: RegExp;
  readonly lexemes = new Map<string, Lexeme>();

  constructor() {
    for (const entity of ENTITY_IDS) {
      for (const form of ENTITY_NAMES[entity].forms as readonly SurfaceForm[]) {
        this.lexemes.set(normalizeForm(form.text), { kind: 'form', entity, form });
      }
    }
    for (const decoy of DECOYS) {
      const key = normalizeForm(decoy);
      if (!this.lexemes.has(key)) this.lexemes.set(key, { kind: 'decoy', text: decoy });
    }
    // Longest first: a JS alternation takes the first alternative that matches at a position, so
    // "Michael Mann" wins over "Mann" and "Miami Heat" over "Heat".
    const alternatives = [...this.lexemes.keys()]
      .sort((a, b) => b.length - a.length)
      .map((key) => escapeForRegExp(key).replace(/ /g, '\\s+'));
    // Whole words only: no letter, digit or underscore on either side. A following apostrophe is
    // fine, which is how possessives ("Pacino's") leave the name unchanged.
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }
}

let lexicon: Lexicon | undefined;

/** Every known form in `text`, leftmost-longest, decoys consumed and dropped. */
export function findCandidates(text: string): Candidate[] {
  lexicon ??= new Lexicon();
  const { pattern, lexemes } = lexicon;
  const found: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const matched = match[0];
    const lexeme = lexemes.get(normalizeForm(matched));
    const casingOk = lexeme !== undefined && hasNameCasing(matched);
    if (!lexeme || !casingOk) {
      // "heat wave" in lower case is neither the film nor a decoy: look again one character on, so a
      // capitalised name inside an ill-cased longer match is still found.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    if (lexeme.kind === 'decoy') continue;
    found.push({
      entity: lexeme.entity,
      form: lexeme.form,
      start: match.index,
      end: match.index + matched.length,
      text: matched,
      lowercaseArticle: matched.startsWith('the '),
    });
  }
  return found;
}
