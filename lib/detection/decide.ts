import type { Candidate } from './candidates';
import type { EvidenceSummary } from './page-evidence';
import type { Mention, TextBlock } from './index';

export type MatchReason = 'full-name' | 'named-in-full-on-page' | 'film-page';

/** Decides which candidates of one block are mentions, given what the whole page says. */
export function decideBlock(block: TextBlock, candidates: readonly Candidate[], page: EvidenceSummary): Mention[] {
  const mentions: Mention[] = [];
  for (const candidate of candidates) {
    const reason = reasonToAccept(candidate, page);
    if (reason) {
      mentions.push({ entity: candidate.entity, start: candidate.start, end: candidate.end, text: candidate.text, reason });
    }
  }
  void block;
  return mentions;
}

function reasonToAccept(candidate: Candidate, page: EvidenceSummary): MatchReason | undefined {
  if (candidate.form.strength === 'unique') return 'full-name';
  if (page.namedInFull.has(candidate.entity)) return 'named-in-full-on-page';
  const aboutFilms = page.namedInFull.size >= 1 && page.filmCues >= 1;
  if (candidate.form.strength === 'distinctive' && aboutFilms) return 'film-page';
  if (candidate.form.strength === 'common' && page.namedInFull.size >= 2 && page.filmCues >= 2) return 'film-page';
  return undefined;
}
