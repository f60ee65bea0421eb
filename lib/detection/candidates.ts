import { DECOYS, ENTITY_NAMES, ENTITY_IDS, type EntityId, type SurfaceForm } from '../../data/entities';
import { readLocalFeatures, type LocalFeatures } from './local-features';
import type { Span } from './index';

/** A place in a block's text where a known form stands, with what its surroundings say about it. */
export interface Candidate {
  readonly entity: EntityId;
  readonly form: SurfaceForm;
  /** UTF-16 offsets in the block's text; `end` is exclusive and excludes any possessive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly local: LocalFeatures;
}

/** What matching one block found: candidates, and names of other things that compete with ours. */
export interface BlockMatches {
  readonly candidates: Candidate[];
  /**
   * Entities whose name the block also uses for someone or something else: a decoy ("Miami Heat",
   * "Aimee Mann") or another first name before one of our surnames ("Joyce Kilmer").
   */
  readonly competitors: EntityId[];
}

type Lexeme =
  | { kind: 'form'; entity: EntityId; form: SurfaceForm }
  | { kind: 'decoy'; competesWith: EntityId[] };

/** Lower-cased, whitespace-folded spelling: the lookup key for a matched string. */
export function normalizeForm(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Name particles that stay lower case inside a capitalised name ("Robert de Niro", "deNiro"). */
const PARTICLES = new Set(['de', 'of', 'the', 'and', 'international']);

/**
 * Names are capitalised. A form matches when every word starts with a capital (particles and a
 * leading "the" may not), or when the whole name is in capitals ("HEAT" in credits and headlines).
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
    const forms = [...this.lexemes];
    for (const decoy of DECOYS) {
      const key = normalizeForm(decoy);
      if (this.lexemes.has(key)) continue;
      // A decoy competes with every entity whose form stands inside it as whole words.
      const competesWith = forms
        .filter(([formKey]) => ` ${key.replace(/[.,]/g, ' ')} `.includes(` ${formKey.replace(/[.,]/g, ' ')} `))
        .map(([, lexeme]) => (lexeme.kind === 'form' ? lexeme.entity : undefined))
        .filter((entity): entity is EntityId => entity !== undefined);
      this.lexemes.set(key, { kind: 'decoy', competesWith: [...new Set(competesWith)] });
    }
    // Longest first: a JS alternation takes the first alternative that matches at a position, so
    // "Michael Mann" wins over "Mann" and "Miami Heat" over "Heat".
    const alternatives = [...this.lexemes.keys()]
      .sort((a, b) => b.length - a.length)
      .map((key) => escapeForRegExp(key).replace(/ /g, '\\s+'));
    // Whole words only. The pattern's own boundaries are the cheap ASCII kind (`\b`, or an underscore
    // for Markdown's "_Heat_"), which V8 checks several times faster than Unicode lookarounds (see
    // BENCHMARKS.md); `isWholeWord` then settles the rare hits exactly. A following apostrophe is
    // fine, which is how possessives ("Pacino's") leave the name unchanged. An "s" stuck to the end
    // is captured so that "De Niros thief" (an apostrophe lost on the way) can be judged.
    this.pattern = new RegExp(`(?:\\b|(?<=_))(?:${alternatives.join('|')})(s?)(?![A-Za-z0-9\\u00C0-\\u024F])`, 'gi');
  }
}

let lexicon: Lexicon | undefined;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** No letter or digit, in any script, touches the match on either side. */
function isWholeWord(text: string, start: number, end: number): boolean {
  return !LETTER_OR_DIGIT.test(text.charAt(start - 1)) && !LETTER_OR_DIGIT.test(text.charAt(end));
}

/** Every known form in a block's text, leftmost-longest, with decoys turned into competitors. */
export function matchBlock(text: string, emphasis: readonly Span[] = []): BlockMatches {
  lexicon ??= new Lexicon();
  const { pattern, lexemes } = lexicon;
  const candidates: Candidate[] = [];
  const competitors: EntityId[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const suffix = match[1] ?? '';
    const name = match[0].slice(0, match[0].length - suffix.length);
    const lexeme = lexemes.get(normalizeForm(name));
    // A stuck-on "s" reads as a lost apostrophe only after a name that cannot be a plural noun.
    const suffixOk = suffix === '' || (lexeme?.kind === 'form' && lexeme.form.strength !== 'common') || /\s/.test(name);
    if (!lexeme || !suffixOk || !hasNameCasing(name) || !isWholeWord(text, match.index, match.index + match[0].length)) {
      // "heat wave" in lower case is neither the film nor a decoy: look again one character on, so
      // a capitalised name inside an ill-cased longer match is still found.
      pattern.lastIndex = match.index + 1;
      continue;
    }
    if (lexeme.kind === 'decoy') {
      competitors.push(...lexeme.competesWith);
      continue;
    }
    const start = match.index;
    const end = start + name.length;
    const kind = ENTITY_NAMES[lexeme.entity].kind;
    const isPersonName = kind === 'person' || kind === 'character';
    const local = readLocalFeatures(text, start, end, emphasis, candidates.at(-1)?.end, isPersonName);
    if (local.otherBearer && lexeme.form.short) competitors.push(lexeme.entity);
    candidates.push({ entity: lexeme.entity, form: lexeme.form, start, end, text: name, local });
  }
  if (candidates.length > 0) {
    markSentenceContext(text, candidates);
    markHyphenatedNames(text, candidates);
  }
  return { candidates, competitors };
}

/** "Voight-Kampff" is a test and "Hanna-Barbera" a studio; "the Pacino-De Niro scene" is ours twice. */
function markHyphenatedNames(text: string, candidates: Candidate[]): void {
  candidates.forEach((candidate, index) => {
    const joinedAfter = /^-\p{Lu}/u.test(text.slice(candidate.end, candidate.end + 2));
    const joinedBefore = /\p{Lu}\p{L}*-$/u.test(text.slice(Math.max(0, candidate.start - 20), candidate.start));
    const next = candidates[index + 1];
    const previous = candidates[index - 1];
    const partnerIsOurs =
      (joinedAfter && next?.start === candidate.end + 1) || (joinedBefore && previous?.end === candidate.start - 1);
    (candidate.local as { hyphenatedToOtherName: boolean }).hyphenatedToOtherName =
      (joinedAfter || joinedBefore) && !partnerIsOurs;
  });
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Lt|Sgt|St|Jr|Sr|vs|Bros|Det|No|Vol|approx|etc))\.$/u;

/** Where each sentence of a block starts; good enough for prose, headlines and credits. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const boundary = /[.!?…]["”’)\]]*\s+(?=["“‘([]?\p{Lu})/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (!ABBREVIATION.test(text.slice(Math.max(0, match.index - 6), match.index + 1))) {
      starts.push(match.index + match[0].length);
    }
  }
  return starts;
}

const senseTesters = new Map<EntityId, RegExp | undefined>();

/** The entity's other-sense words as a plain, stateless test (the data's pattern is global, for counting). */
function senseTester(entity: EntityId): RegExp | undefined {
  if (!senseTesters.has(entity)) {
    const senses = (ENTITY_NAMES[entity] as { otherSenses?: RegExp }).otherSenses;
    senseTesters.set(entity, senses && new RegExp(senses.source, 'i'));
  }
  return senseTesters.get(entity);
}

/**
 * Evidence that needs the whole sentence: words of another sense of the name next to it ("the Burt
 * Reynolds movie called Heat"), and a surname that comes before its own full name in the same
 * sentence, which is how writers name a relative ("Nolan worked with his brother Christopher Nolan").
 */
function markSentenceContext(text: string, candidates: Candidate[]): void {
  const starts = sentenceStarts(text);
  const sentenceOf = (offset: number) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
    return index;
  };
  const sentenceText = (index: number) => text.slice(starts[index], starts[index + 1] ?? text.length);
  for (const candidate of candidates) {
    const sentence = sentenceOf(candidate.start);
    const senses = senseTester(candidate.entity);
    const local = candidate.local as { otherSenseNearby: boolean; beforeOwnFullName: boolean };
    local.otherSenseNearby = senses !== undefined && senses.test(sentenceText(sentence));
    local.beforeOwnFullName =
      candidate.form.short === true &&
      candidates.some(
        (other) =>
          other.entity === candidate.entity &&
          other.form.strength === 'unique' &&
          other.start > candidate.start &&
          sentenceOf(other.start) === sentence,
      );
  }
}
