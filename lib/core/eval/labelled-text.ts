/**
 * The labelled-passage format of the evaluation data: `[[surface|entity-id]]` marks a mention, and
 * removing the marks gives back the passage as published. Pure, so the scoring tests in Node.
 */

export interface GoldMention {
  entity: string;
  text: string;
  /** Offset within its block (a passage paragraph). */
  start: number;
}

export interface LabelledBlock {
  text: string;
  gold: GoldMention[];
}

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

/** Splits a labelled passage into blocks (one per paragraph) with their plain text and gold mentions. */
export function parseLabelledPassage(labelled: string): LabelledBlock[] {
  return labelled
    .split(/\n+/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => {
      const gold: GoldMention[] = [];
      let text = '';
      let last = 0;
      for (const match of paragraph.matchAll(MARK)) {
        text += paragraph.slice(last, match.index);
        gold.push({ entity: match[2]!, text: match[1]!, start: text.length });
        text += match[1];
        last = match.index + match[0].length;
      }
      text += paragraph.slice(last);
      return { text, gold };
    });
}

export interface Found {
  entity: string;
  text: string;
  start: number;
}

/** How far apart a found and a labelled mention may start and still be the same mention. */
export const START_TOLERANCE = 3;

/**
 * Pairs found mentions with labelled ones: same entity, same text in any case, starts within
 * START_TOLERANCE characters; each labelled mention pairs at most once.
 */
export function scoreBlock(found: readonly Found[], gold: readonly GoldMention[]) {
  const unmatchedGold = [...gold];
  const truePositives: Found[] = [];
  const falsePositives: Found[] = [];
  for (const mention of found) {
    const index = unmatchedGold.findIndex(
      (g) =>
        g.entity === mention.entity &&
        g.text.toLowerCase() === mention.text.toLowerCase() &&
        Math.abs(g.start - mention.start) <= START_TOLERANCE,
    );
    if (index >= 0) {
      truePositives.push(mention);
      unmatchedGold.splice(index, 1);
    } else {
      falsePositives.push(mention);
    }
  }
  return { truePositives, falsePositives, falseNegatives: unmatchedGold };
}
