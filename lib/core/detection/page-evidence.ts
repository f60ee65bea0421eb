import { entityIds, entityNames, type EntityId } from '../../../data/entities';
import { markBlockRelations } from './local-features';
import type { BlockMatches, Candidate } from './types';

/**
 * How much one entity's presence says that a page is about the world of Heat. A full name is strong
 * evidence, a rare surname some, a common word little; a title set off as a title counts as strong.
 */
export const SUPPORT_WEIGHT = { unique: 2, distinctive: 1, common: 0.5, markedTitle: 1.5 } as const;

/** Film words count towards support, but a page about films in general is not a page about Heat. */
const FILM_CUE_WEIGHT = 0.5;
const FILM_CUE_CAP = 2;
/** A word of another sense ("NBA", "climatologist") weighs half a name of another bearer. */
const OTHER_SENSE_WORD_WEIGHT = 0.5;
/**
 * A word of the entity's own sense ("prequel" for Heat 2, "Chicago police" for Chuck Adamson), in a block
 * that names the entity, counts as a film word for that entity only, and at most two of them: such
 * words alone are not a page about Heat.
 */
const OWN_SENSE_WORD_WEIGHT = 0.5;
const OWN_SENSE_CAP = 1;

const FILM_CUES =
  /\b(?:films?|movies?|cinema|cinematic|director|directed|directing|filmmaker|screenplay|cast|starring|co-?stars?|actors?|actress|roles?|plays|played|scenes?|heist|thriller|crime drama|sequel|novel|remake|DVD|Blu-ray|box office|Oscars?|Academy Awards?|festival|premiere|1995)\b/gi;

export interface EvidenceSummary {
  /** How strongly the rest of the page (this entity aside) is about the world of Heat. */
  support(entity: EntityId): number;
  /** The entity's unique name ("Al Pacino") stands somewhere on the page. */
  namedInFull(entity: EntityId): boolean;
  /** The entity's surname owns one of our titles somewhere on the page ("Nolan’s The Dark Knight"). */
  ownsTitle(entity: EntityId): boolean;
  /**
   * Other bearers of the entity's name (decoys, other given names, half a point per word of their
   * sense) weigh at least as much as what
   * the page says for ours: its unmistakable mentions (in full, or a title set off as one) plus the
   * rest of the page's support, one mention per full name's worth.
   */
  contested(entity: EntityId): boolean;
  /** Other bearers outweigh what the page says for ours: even a title set off as one is doubtful. */
  outnumbered(entity: EntityId): boolean;
  /** The page's words speak of another sense of the name more than of films. */
  otherSenseDominates(entity: EntityId): boolean;
  readonly filmCues: number;
}

function strengthWeight(candidate: Candidate): number {
  if (candidate.form.strength === 'common' && (candidate.local.marked || candidate.local.possessedByKnownName)) {
    return SUPPORT_WEIGHT.markedTitle;
  }
  return SUPPORT_WEIGHT[candidate.form.strength];
}

/** A candidate its own words already rule out adds nothing to the page's evidence. */
export function plausible(candidate: Candidate): boolean {
  const { local } = candidate;
  if ((local.otherBearer || local.hyphenatedToOtherName) && candidate.form.short) return false;
  // "Heat 6" is a race's heat, but a number after a studio or a person says nothing about the name:
  // "Best of Warner Bros. 100 Film Collection", a footnote after "Michael Mann".
  if (local.numbered && entityNames()[candidate.entity].kind === 'film') return false;
  if (local.beforeOwnFullName) return false;
  if (candidate.form.strength !== 'unique' && local.otherSenseNearby) return false;
  if (candidate.form.strength === 'common' && local.lowercaseThe) return false;
  const year = (entityNames()[candidate.entity] as { year?: number }).year;
  return !(local.year !== undefined && year !== undefined && local.year !== year);
}

/** What one block adds to the page's evidence; computed once per block text. */
export interface BlockEvidence extends BlockMatches {
  readonly filmCues: number;
  readonly otherSenseWords: ReadonlyMap<EntityId, number>;
  readonly ownSenseWords: ReadonlyMap<EntityId, number>;
}

const NO_EVIDENCE: BlockEvidence = Object.freeze({
  candidates: [],
  competitors: [],
  filmCues: 0,
  otherSenseWords: new Map<EntityId, number>(),
  ownSenseWords: new Map<EntityId, number>(),
});

/** Each entity that has words of one kind, with them, and one test for any of them. */
interface SenseWords {
  readonly words: readonly [EntityId, RegExp][];
  /** Any word of any of them (case-insensitive, like each of them): most blocks hold none. */
  readonly any: RegExp;
}

function senseWords(field: 'otherSenses' | 'ownSenses'): SenseWords {
  const words = entityIds()
    .map((entity): [EntityId, RegExp | undefined] => [entity, (entityNames()[entity] as Partial<Record<typeof field, RegExp>>)[field]])
    .filter((entry): entry is [EntityId, RegExp] => entry[1] !== undefined);
  for (const [entity, expression] of words) if (!expression.ignoreCase) throw new Error(`${entity}'s sense words must be case-insensitive`);
  return { words, any: new RegExp(words.map(([, expression]) => `(?:${expression.source})`).join('|'), 'i') };
}

/** Made on the first block that names something: a page without our names never needs them. */
let senses: { other: SenseWords; own: SenseWords } | undefined;
const sensesOf = () => (senses ??= { other: senseWords('otherSenses'), own: senseWords('ownSenses') });

function countWords(text: string, kind: SenseWords, only?: readonly Candidate[]): Map<EntityId, number> {
  const counts = new Map<EntityId, number>();
  if (!kind.any.test(text)) return counts;
  for (const [entity, words] of kind.words) {
    if (only && !only.some((candidate) => candidate.entity === entity)) continue;
    const count = text.match(words)?.length ?? 0;
    if (count > 0) counts.set(entity, count);
  }
  return counts;
}

/**
 * Reads a block's cue words, but only in blocks that name something: page context comes from the
 * text around our names, and a page without any costs nothing beyond the match itself.
 */
export function readBlockEvidence(text: string, matches: BlockMatches): BlockEvidence {
  // Most blocks of most pages name nothing: they share one empty record instead of allocating.
  if (matches.candidates.length === 0 && matches.competitors.length === 0) return NO_EVIDENCE;
  markBlockRelations(text, matches.candidates);
  return {
    ...matches,
    filmCues: text.match(FILM_CUES)?.length ?? 0,
    otherSenseWords: countWords(text, sensesOf().other),
    // Words of an entity's own sense count only around it, in a block that names it: the read stays off
    // every other block, and "book" in a page's shop links says nothing about a race's "Heat 2".
    ownSenseWords: countWords(text, sensesOf().own, matches.candidates),
  };
}

/** Running totals over a page's blocks, kept up to date as blocks come and go. */
export class PageEvidence {
  /** Per entity, how many plausible candidates of each weight the page holds. */
  private readonly weights = new Map<EntityId, Map<number, number>>();
  private readonly fullNames = new Map<EntityId, number>();
  private readonly titleOwners = new Map<EntityId, number>();
  /** Full names plus titles set off as titles: mentions no competitor can claim. */
  private readonly unmistakable = new Map<EntityId, number>();
  private readonly competitors = new Map<EntityId, number>();
  private readonly otherSenseWords = new Map<EntityId, number>();
  private readonly ownSenseWords = new Map<EntityId, number>();
  private filmCues = 0;

  add(block: BlockEvidence): void {
    this.apply(block, 1);
  }

  remove(block: BlockEvidence): void {
    this.apply(block, -1);
  }

  summarize(): EvidenceSummary {
    const best = new Map<EntityId, number>();
    for (const [entity, counts] of this.weights) {
      const present = [...counts].filter(([, count]) => count > 0).map(([weight]) => weight);
      if (present.length > 0) best.set(entity, Math.max(...present));
    }
    const filmSupport = Math.min(this.filmCues * FILM_CUE_WEIGHT, FILM_CUE_CAP);
    let total = 0;
    for (const weight of best.values()) total += weight;
    const fullNames = (entity: EntityId) => this.fullNames.get(entity) ?? 0;
    const filmCues = this.filmCues;
    const ownSenseSupport = (entity: EntityId) =>
      Math.min((this.ownSenseWords.get(entity) ?? 0) * OWN_SENSE_WORD_WEIGHT, OWN_SENSE_CAP);
    const support = (entity: EntityId) => total - (best.get(entity) ?? 0) + filmSupport + ownSenseSupport(entity);
    // What speaks for our entity against other bearers of its name: its unmistakable mentions, and
    // the rest of the page's support counted as one mention per full name's worth.
    const ownWeight = (entity: EntityId) =>
      (this.unmistakable.get(entity) ?? 0) + support(entity) / SUPPORT_WEIGHT.unique;
    // What speaks for another bearer: its names on the page, and words of its sense.
    const otherWeight = (entity: EntityId) =>
      (this.competitors.get(entity) ?? 0) + (this.otherSenseWords.get(entity) ?? 0) * OTHER_SENSE_WORD_WEIGHT;
    return {
      filmCues,
      support,
      namedInFull: (entity) => fullNames(entity) > 0,
      ownsTitle: (entity) => (this.titleOwners.get(entity) ?? 0) > 0,
      contested: (entity) => otherWeight(entity) >= Math.max(1, ownWeight(entity)),
      outnumbered: (entity) => otherWeight(entity) > ownWeight(entity),
      otherSenseDominates: (entity) => {
        const other = this.otherSenseWords.get(entity) ?? 0;
        return other >= 2 && other > filmCues;
      },
    };
  }

  private apply(block: BlockEvidence, sign: 1 | -1): void {
    if (block === NO_EVIDENCE) return;
    const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + sign * by);
    for (const candidate of block.candidates) {
      if (!plausible(candidate)) continue;
      const counts = this.weights.get(candidate.entity) ?? new Map<number, number>();
      this.weights.set(candidate.entity, counts);
      bump(counts, strengthWeight(candidate));
      if (candidate.form.strength === 'unique') bump(this.fullNames, candidate.entity);
      if (candidate.local.possessesTitle) bump(this.titleOwners, candidate.entity);
      if (candidate.form.strength === 'unique' || strengthWeight(candidate) === SUPPORT_WEIGHT.markedTitle) {
        bump(this.unmistakable, candidate.entity);
      }
    }
    for (const entity of block.competitors) bump(this.competitors, entity);
    for (const [entity, count] of block.otherSenseWords) bump(this.otherSenseWords, entity, count);
    for (const [entity, count] of block.ownSenseWords) bump(this.ownSenseWords, entity, count);
    this.filmCues += sign * block.filmCues;
  }
}
