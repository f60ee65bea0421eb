import type { EntityId } from '../../data/entities';
import type { Candidate } from './candidates';

/** What the whole page says about itself, summed over its blocks. */
export interface EvidenceSummary {
  /** Entities named on the page by a unique form ("Al Pacino", "L.A. Takedown"). */
  readonly namedInFull: ReadonlySet<EntityId>;
  /** Entities whose short form (surname, bare title) stands on the page. */
  readonly namedShort: ReadonlySet<EntityId>;
  /** Words that say the page is about films (film, movie, director, cast, 1995, heist…). */
  readonly filmCues: number;
}

const FILM_CUES =
  /\b(?:films?|movies?|cinema|cinematic|director|directed|directs|filmmaker|screenplay|screen|cast|starring|stars?|co-stars?|actors?|actress|role|roles|plays|played|scenes?|heist|thriller|crime|sequel|remake|DVD|Blu-ray|box office|Oscars?|festival|premiere|1995|1989)\b/gi;

export class PageEvidence {
  private readonly fullCounts = new Map<EntityId, number>();
  private readonly shortCounts = new Map<EntityId, number>();
  private filmCues = 0;

  add(text: string, candidates: readonly Candidate[]): void {
    this.apply(text, candidates, 1);
  }

  remove(text: string, candidates: readonly Candidate[]): void {
    this.apply(text, candidates, -1);
  }

  summarize(): EvidenceSummary {
    const present = (counts: Map<EntityId, number>) =>
      new Set([...counts].filter(([, count]) => count > 0).map(([entity]) => entity));
    return { namedInFull: present(this.fullCounts), namedShort: present(this.shortCounts), filmCues: this.filmCues };
  }

  private apply(text: string, candidates: readonly Candidate[], sign: 1 | -1): void {
    for (const candidate of candidates) {
      const counts = candidate.form.strength === 'unique' ? this.fullCounts : this.shortCounts;
      counts.set(candidate.entity, (counts.get(candidate.entity) ?? 0) + sign);
    }
    if (candidates.length > 0 || this.filmCues > 0 || sign < 0) {
      this.filmCues += sign * (text.match(FILM_CUES)?.length ?? 0);
    }
  }
}
