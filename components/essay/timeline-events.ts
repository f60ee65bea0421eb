/**
 * The essay's dated facts, for the timeline picture. Derived, not written down: every four-digit year
 * in the essay's text is an event, belonging to the entity named nearest to it in the same sentence
 * ("1995’s Heat", "L.A. Takedown in 1989", "the 2025 Busan International Film Festival", "Heat 2 in
 * 2025"), described by that entity's fact that quotes the year (or its role line, or the sentence
 * itself), and citing the paragraph. Pure: data in, events out.
 */
import { CATALOG, type Entity, type EntityId } from '../../data/catalog';
import { ESSAY, type EssayParagraph } from '../../data/essay';
import { detectMentions, type Mention } from '../../lib/core/detection';
import { sentenceAround } from '../../lib/core/detection/sentences';
import { t } from '../../lib/browser/i18n';

export interface TimelineEvent {
  year: number;
  entity: EntityId;
  /** The entity's display name. */
  name: string;
  /** A name short enough for the picture's label (`labelName`). */
  label: string;
  /** The paragraph the year stands in ("p2"). */
  paragraph: string;
  /** What happened, in the catalog's words: the fact that quotes the year, else the role, else the essay's sentence. */
  note: string;
  /** A further fact about the same entity from the same paragraph ("United Artists saw…"), if there is one. */
  more?: string;
  /** The essay's sentence holding the year, verbatim. */
  sentence: string;
}

/** Years a film essay may name: 1880 (the first films) to 2099. Not "$60 million", not "30 years". */
const YEAR = /(?<![\p{L}\p{N}$])(18[89]\d|19\d\d|20\d\d)(?![\p{N}])/gu;

/** Characters between a mention and the year (0 if they touch). */
function gap(mention: Mention, start: number, end: number): number {
  if (mention.end <= start) return start - mention.end;
  if (mention.start >= end) return mention.start - end;
  return 0;
}

function quoteOverlaps(quote: string, text: string, sentence: { start: number; end: number }, yearText: string): boolean {
  const at = text.indexOf(quote);
  if (at < 0) return false;
  return at < sentence.end && at + quote.length > sentence.start && quote.includes(yearText);
}

export function timelineEvents(
  paragraphs: readonly EssayParagraph[] = ESSAY,
  catalog: Readonly<Record<EntityId, Entity>> = CATALOG,
): TimelineEvent[] {
  const mentions = detectMentions(paragraphs.map((p) => ({ text: p.text })));
  const events: TimelineEvent[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((paragraph, index) => {
    const { text } = paragraph;
    for (const match of text.matchAll(YEAR)) {
      const yearText = match[0];
      const start = match.index;
      const end = start + yearText.length;
      const sentence = sentenceAround(text, start);
      const nearest = (mentions[index] ?? [])
        .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
        .sort((a, b) => gap(a, start, end) - gap(b, start, end) || a.start - b.start)[0];
      if (!nearest) continue;
      const year = Number(yearText);
      const key = `${year}:${nearest.entity}`;
      if (seen.has(key)) continue;
      seen.add(key);

      const entity = catalog[nearest.entity];
      const here = entity.facts.filter((fact) => fact.cite.paragraph === paragraph.id);
      const dated = here.find((fact) => quoteOverlaps(fact.cite.quote, text, sentence, yearText));
      const sentenceText = text.slice(sentence.start, sentence.end).trim();
      const note = dated?.text ?? (entity.role.includes(yearText) ? `${capitalise(entity.role)}.` : sentenceText);
      const more = here.find((fact) => fact !== dated && fact.cite.quote !== dated?.cite.quote && !fact.spoiler)?.text;
      events.push({ year, entity: nearest.entity, name: entity.name, label: labelName(entity), paragraph: paragraph.id, note, more, sentence: sentenceText });
    }
  });
  // By year; within a year, in the essay's order (a stable sort keeps it).
  return events.sort((a, b) => a.year - b.year);
}

/** Past this many characters a label takes the entity's shortest full form ("Busan Film Festival"). */
const LONG_LABEL = 24;

/** The display name, or for a long one the shortest unique form of more than one word. */
export function labelName(entity: Pick<Entity, 'name' | 'forms'>): string {
  if (entity.name.length <= LONG_LABEL) return entity.name;
  const shorter = entity.forms
    .filter((form) => form.strength === 'unique' && /\s/.test(form.text) && form.text.length < entity.name.length)
    .sort((a, b) => a.text.length - b.text.length)[0];
  return shorter?.text ?? entity.name;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------------
// Layout: a proportional year axis, each event a dot with its year and name above or below.

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  items: {
    event: TimelineEvent;
    x: number;
    /** Where the label's two lines sit: the year on `yearY`, the name on `nameY`. */
    yearY: number;
    nameY: number;
    /** The stem from the dot to the label. */
    stemY: number;
    anchor: 'start' | 'end';
    side: 'above' | 'below';
  }[];
  /** Long gaps between consecutive years, labelled on the axis ("30 years"): centre and ends. */
  gaps: { x: number; from: number; to: number; label: string }[];
}

/** Average advance of a label character at the label's font size, as a share of it (system sans). */
const CHAR_WIDTH = 0.56;
const NAME_SIZE = 13;
const LINE = 16;
/** Height of one label (year and name) plus the room between stacked labels. */
const LEVEL = 2 * LINE + 8;
/** A gap in years at least this long is labelled on the axis. */
const LONG_GAP_YEARS = 10;

export function layoutTimeline(events: readonly TimelineEvent[], width: number): TimelineLayout {
  const pad = 14;
  if (events.length === 0) return { width, height: 0, axisY: 0, items: [], gaps: [] };
  const first = events[0]!.year;
  const last = events[events.length - 1]!.year;
  const span = Math.max(1, last - first);
  const x = (year: number) => pad + ((year - first) / span) * (width - 2 * pad);

  // Each label hangs from its dot toward the middle of the picture, so it never runs off an edge;
  // labels alternate above and below, and take the next level out when one would overlap another.
  const levels = { above: [] as Array<[number, number]>[], below: [] as Array<[number, number]>[] };
  const placed = events.map((event, index) => {
    const at = x(event.year);
    const anchor: 'start' | 'end' = at <= width / 2 ? 'start' : 'end';
    const textWidth = Math.max(event.label.length, String(event.year).length) * NAME_SIZE * CHAR_WIDTH + 6;
    const extent: [number, number] = anchor === 'start' ? [at - 4, at + textWidth] : [at - textWidth, at + 4];
    const free = (side: 'above' | 'below') => {
      const found = levels[side].findIndex((row) => row.every(([a, b]) => extent[1] < a || extent[0] > b));
      return found < 0 ? levels[side].length : found;
    };
    // The side where it sits nearest the axis; on a tie, the other side from the label before it.
    const preferred: 'above' | 'below' = index % 2 === 0 ? 'above' : 'below';
    const other = preferred === 'above' ? 'below' : 'above';
    const side = free(other) < free(preferred) ? other : preferred;
    const level = free(side);
    (levels[side][level] ??= []).push(extent);
    return { event, x: at, anchor, side, level };
  });

  const above = levels.above.length;
  const below = levels.below.length;
  const axisY = 10 + above * LEVEL + 10;
  const height = axisY + 10 + below * LEVEL + 6;
  const items = placed.map(({ event, x: at, anchor, side, level }) => {
    if (side === 'above') {
      const nameY = axisY - 14 - level * LEVEL;
      return { event, x: at, anchor, side, yearY: nameY - LINE, nameY, stemY: nameY + 5 };
    }
    const yearY = axisY + 14 + level * LEVEL + 12;
    return { event, x: at, anchor, side, yearY, nameY: yearY + LINE, stemY: yearY - 12 };
  });


  const years = [...new Set(events.map((e) => e.year))];
  const gaps: TimelineLayout['gaps'] = [];
  for (let i = 1; i < years.length; i++) {
    const a = years[i - 1]!;
    const b = years[i]!;
    if (b - a >= LONG_GAP_YEARS) gaps.push({ x: (x(a) + x(b)) / 2, from: x(a), to: x(b), label: t('timelineYears', b - a) });
  }
  return { width, height, axisY, items, gaps };
}
