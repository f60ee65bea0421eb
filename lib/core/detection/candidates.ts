import { entityNames, type EntityId } from '../../../data/entities';
import { getLexicon, normalizeForm, PARTICLES } from './lexicon';
import { readLocalFeatures } from './local-features';
import { sentenceStarts } from './sentences';
import type { BlockMatches, Candidate, Span } from './types';
import { latinFirst } from './latin';

/**
 * Names are capitalised. A form matches when every word starts with a capital (particles and a
 * leading "the" may not), or when the whole name is in capitals ("HEAT" in credits and headlines).
 */
function hasNameCasing(text: string): boolean {
  if (text === text.toUpperCase()) return CAPITAL(text).test(text);
  return text.split(/[\s.]+/).every((word) => {
    if (word === '' || !STARTS_WITH_LETTER(word).test(word)) return true;
    if (PARTICLES.has(word.toLowerCase()) || DE_THEN_CAPITAL(word).test(word)) return true;
    return STARTS_WITH_CAPITAL(word).test(word);
  });
}

const CAPITAL = latinFirst(String.raw`\p{Lu}`, 'u');
const STARTS_WITH_LETTER = latinFirst(String.raw`^\p{L}`, 'u');
const STARTS_WITH_CAPITAL = latinFirst(String.raw`^\p{Lu}`, 'u');
const DE_THEN_CAPITAL = latinFirst(String.raw`^de\p{Lu}`, 'u');
const LETTER_OR_DIGIT = latinFirst(String.raw`[\p{L}\p{N}]`, 'u');

/** No letter or digit, in any script, touches the match on either side. */
function isWholeWord(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  return !LETTER_OR_DIGIT(before).test(before) && !LETTER_OR_DIGIT(after).test(after);
}

/** Whether [start, end) overlaps a marker, or has a place where a block or unread content stood inside it. */
function crossesGap(gaps: readonly Span[], start: number, end: number): boolean {
  for (const gap of gaps) if (gap.start < end && gap.end > start) return true;
  return false;
}

/** The text with every marker (a footnote's "3", "[4]") blanked to spaces: same length, same offsets. */
function maskMarkers(text: string, gaps: readonly Span[]): string {
  let masked = '';
  let from = 0;
  for (const gap of gaps) {
    if (gap.end <= gap.start) continue;
    masked += text.slice(from, gap.start) + ' '.repeat(gap.end - gap.start);
    from = gap.end;
  }
  return from === 0 ? text : masked + text.slice(from);
}

/**
 * The stretches of a block's text between the places where a nested block or unread content stood
 * (the gaps with no length), as [from, to) offsets: the text stops at each of those places and goes
 * on after it.
 */
function stretchesBetweenBlocks(gaps: readonly Span[], length: number): Array<readonly [number, number]> {
  const stretches: Array<readonly [number, number]> = [];
  let from = 0;
  for (const gap of gaps) {
    if (gap.end > gap.start || gap.start <= from || gap.start >= length) continue;
    stretches.push([from, gap.start]);
    from = gap.start;
  }
  stretches.push([from, length]);
  return stretches;
}

/**
 * Every known form in a block's text, leftmost-longest, with decoys turned into competitors. `gaps`
 * (ascending, not overlapping) are stretches that are not words of the text: markers such as footnote
 * numbers, read as spaces (so "Mann³" is "Mann"), and, with no length, the places where a nested block
 * or unread content stood. No name crosses a gap, and each stretch between blocks is matched on its
 * own: a name that ends or starts at a nested block is a whole word there ("<li>Al Pacino<ul>…", as
 * JSX writes it, reads "Al Pacino" and then the text after the list, with nothing between).
 */
export function matchBlock(
  blockText: string,
  emphasis: readonly Span[] = [],
  gaps: readonly Span[] = [],
  breaks: readonly number[] = [],
): BlockMatches {
  if (breaks.length > 0) return matchWithBreaks(blockText, emphasis, gaps, breaks);
  const { pattern, lexemes } = getLexicon();
  const text = gaps.length > 0 ? maskMarkers(blockText, gaps) : blockText;
  const candidates: Candidate[] = [];
  const competitors: EntityId[] = [];
  for (const [from, to] of gaps.length > 0 ? stretchesBetweenBlocks(gaps, text.length) : [[0, text.length] as const]) {
    const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(stretch); match; match = pattern.exec(stretch)) {
      const suffix = match[1] ?? '';
      const name = match[0].slice(0, match[0].length - suffix.length);
      const lexeme = lexemes.get(normalizeForm(name));
      // A stuck-on "s" reads as a lost apostrophe only after a name that cannot be a plural noun.
      const suffixOk = suffix === '' || (lexeme?.kind === 'form' && lexeme.form.strength !== 'common') || /\s/.test(name);
      const start = from + match.index;
      const matchEnd = start + match[0].length;
      if (
        !lexeme ||
        !suffixOk ||
        !hasNameCasing(name) ||
        !isWholeWord(stretch, match.index, match.index + match[0].length) ||
        (gaps.length > 0 && crossesGap(gaps, start, matchEnd))
      ) {
        // "heat wave" in lower case is neither the film nor a decoy: look again one character on, so
        // a capitalised name inside an ill-cased longer match is still found.
        pattern.lastIndex = match.index + 1;
        continue;
      }
      if (lexeme.kind === 'decoy') {
        competitors.push(...lexeme.competesWith);
        continue;
      }
      const end = start + name.length;
      const kind = entityNames()[lexeme.entity].kind;
      const local = readLocalFeatures(text, start, end, emphasis, candidates.at(-1)?.end, kind);
      if (local.otherBearer && lexeme.form.short) competitors.push(lexeme.entity);
      candidates.push({ entity: lexeme.entity, form: lexeme.form, start, end, text: name, local });
    }
  }
  if (candidates.length > 0) {
    markSentenceContext(text, candidates);
    markHyphenatedNames(text, candidates);
  }
  return { candidates, competitors };
}

/**
 * `matchBlock` for a text with line breaks (`br`): matched with a space where each stands, so that
 * "Al Pacino<br>Robert De Niro" is two names and "Al<br>Pacino" one, then given back in the block's
 * own offsets. A name across a break is there as its text nodes hold it ("AlPacino").
 */
function matchWithBreaks(blockText: string, emphasis: readonly Span[], gaps: readonly Span[], breaks: readonly number[]): BlockMatches {
  let spacedText = '';
  let from = 0;
  for (const at of breaks) {
    spacedText += blockText.slice(from, at) + ' ';
    from = at;
  }
  spacedText += blockText.slice(from);
  // A place in the block's text, in the spaced one: a stretch that starts at a break starts after its
  // space, one that ends there ends before it (an empty one stays empty). Breaks, spans and names are
  // all ascending, so each mapping moves one cursor: linear, on a block of many lines too.
  const spaced = (spans: readonly Span[]): Span[] => {
    let passed = 0;
    const past = (offset: number, atBreakToo: boolean) => {
      while (passed < breaks.length && (breaks[passed]! < offset || (atBreakToo && breaks[passed] === offset))) passed++;
      return offset + passed;
    };
    return spans.map(({ start, end }) => ({ start: past(start, true), end: past(end, end === start) }));
  };
  // And back: a name neither starts nor ends on a space, so each space before a place moves it one back.
  let spacesBefore = 0;
  const blockOffset = (offset: number) => {
    while (spacesBefore < breaks.length && breaks[spacesBefore]! + spacesBefore < offset) spacesBefore++;
    return offset - spacesBefore;
  };
  const found = matchBlock(spacedText, spaced(emphasis), spaced(gaps));
  const candidates = found.candidates.map((candidate) => {
    const start = blockOffset(candidate.start);
    const end = blockOffset(candidate.end);
    return { ...candidate, start, end, text: blockText.slice(start, end) };
  });
  return { candidates, competitors: found.competitors };
}

const HYPHEN_THEN_CAPITAL = latinFirst(String.raw`^-\p{Lu}`, 'u');
const CAPITALISED_THEN_HYPHEN = latinFirst(String.raw`\p{Lu}\p{L}*-$`, 'u');

/** "Voight-Kampff" is a test and "Hanna-Barbera" a studio; "the Pacino-De Niro scene" is ours twice. */
function markHyphenatedNames(text: string, candidates: Candidate[]): void {
  candidates.forEach((candidate, index) => {
    const after = text.slice(candidate.end, candidate.end + 2);
    const before = text.slice(Math.max(0, candidate.start - 20), candidate.start);
    const joinedAfter = HYPHEN_THEN_CAPITAL(after).test(after);
    const joinedBefore = CAPITALISED_THEN_HYPHEN(before).test(before);
    const next = candidates[index + 1];
    const previous = candidates[index - 1];
    const partnerIsOurs =
      (joinedAfter && next?.start === candidate.end + 1) || (joinedBefore && previous?.end === candidate.start - 1);
    (candidate.local as { hyphenatedToOtherName: boolean }).hyphenatedToOtherName =
      (joinedAfter || joinedBefore) && !partnerIsOurs;
  });
}

const senseTesters = new Map<EntityId, RegExp | undefined>();

/** The entity's other-sense words as a plain, stateless test (the data's pattern is global, for counting). */
function senseTester(entity: EntityId): RegExp | undefined {
  if (!senseTesters.has(entity)) {
    const senses = (entityNames()[entity] as { otherSenses?: RegExp }).otherSenses;
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
