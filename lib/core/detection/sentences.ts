/**
 * Where sentences start and end: the one splitter for detection (evidence that needs the whole
 * sentence, `candidates.ts`) and the essay's timeline (the sentence around a year). Pure.
 */
import { latinFirst } from './latin';

/** Abbreviations whose full stop does not end a sentence (an initial: "L.A. Takedown"; "Warner Bros. Pictures"). */
const ABBREVIATION = latinFirst(String.raw`(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Lt|Sgt|St|Jr|Sr|vs|Bros|Det|No|Vol|approx|etc))\.$`, 'u');

const BOUNDARY = latinFirst(String.raw`[.!?…]["”’)\]]*\s+(?=["“‘([]?\p{Lu})`, 'gu');

/**
 * Where each sentence of a block starts: after . ! ? or … (and any closing quote or bracket) and a
 * space, before a capital (or an opening quote and a capital), unless the stop ends an abbreviation.
 * Good enough for prose, headlines and credits.
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const boundary = BOUNDARY(text);
  boundary.lastIndex = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const stop = text.slice(Math.max(0, match.index - 6), match.index + 1);
    if (!ABBREVIATION(stop).test(stop)) {
      starts.push(match.index + match[0].length);
    }
  }
  return starts;
}

/** The sentence holding offset `at`: from its start to its last character (the space after it left out). */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  const starts = sentenceStarts(text);
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= at) index++;
  const start = starts[index]!;
  const next = starts[index + 1] ?? text.length;
  return { start, end: start + text.slice(start, next).trimEnd().length };
}
