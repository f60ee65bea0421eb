import type { EntityId } from './entities';

/** Where a fact comes from: a paragraph of the essay and the words in it that say so. */
export interface Citation {
  /** An essay paragraph id ("p3"). */
  readonly paragraph: string;
  /** A verbatim run of that paragraph's text, typographic quotes and all. */
  readonly quote: string;
}

export interface Fact {
  /** A short statement, saying no more than the quote does. */
  readonly text: string;
  readonly cite: Citation;
  /** Gives away how the film ends; shown behind "Reveal" until the user says they have seen Heat. */
  readonly spoiler?: boolean;
}

export interface EntityNotes {
  /** One line, from the essay only: "plays Vincent Hanna", "director". */
  readonly role: string;
  readonly facts: readonly Fact[];
}

// Filled in from the essay; see tests/unit/catalog.test.ts for what every entry must satisfy.
export const NOTES = {} as Record<EntityId, EntityNotes>;
