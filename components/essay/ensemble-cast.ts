/**
 * Heat's cast as the essay gives it, for the ensemble picture: every person whose role line says they
 * are in the cast ("in Heat’s ensemble cast") or play someone ("plays Vincent Hanna"). Those who play a
 * character the catalog knows are the leads. Order is the essay's: where each is first named. Pure.
 */
import { CATALOG, type Entity, type EntityId } from '../../data/catalog';
import { ESSAY, type EssayParagraph } from '../../data/essay';
import { detectMentions } from '../../lib/core/detection';

export interface CastMember {
  entity: EntityId;
  name: string;
  /** The character they play, for the leads. */
  plays?: { entity: EntityId; name: string };
}

export interface Ensemble {
  leads: CastMember[];
  /** Everyone else in the cast, in the essay's order. */
  cast: CastMember[];
  /** The paragraph that sets the leads against each other (a lead's fact that names their character). */
  leadsParagraph?: string;
  /** The paragraph most of the cast's facts cite (the cast list). */
  castParagraph?: string;
}

const IN_CAST = /\b(?:cast|plays)\b/i;
const PLAYS = /^plays\s+(.+)$/i;

export function buildEnsemble(
  catalog: Readonly<Record<EntityId, Entity>> = CATALOG,
  paragraphs: readonly EssayParagraph[] = ESSAY,
): Ensemble {
  const entities = Object.values(catalog);
  const characters = new Map(entities.filter((e) => e.kind === 'character').map((e) => [e.name.toLowerCase(), e]));

  // Where each entity is first named in the essay: [paragraph index, offset].
  const firstSeen = new Map<EntityId, number>();
  detectMentions(paragraphs.map((p) => ({ text: p.text }))).forEach((mentions, index) => {
    for (const mention of mentions) {
      const at = index * 1e6 + mention.start;
      if (!firstSeen.has(mention.entity) || at < firstSeen.get(mention.entity)!) firstSeen.set(mention.entity, at);
    }
  });
  const order = (a: CastMember, b: CastMember) =>
    (firstSeen.get(a.entity) ?? Infinity) - (firstSeen.get(b.entity) ?? Infinity) || a.name.localeCompare(b.name);

  const members = entities
    .filter((e) => e.kind === 'person' && IN_CAST.test(e.role))
    .map((e): CastMember => {
      const character = characters.get(PLAYS.exec(e.role.trim())?.[1]?.trim().toLowerCase() ?? '');
      return { entity: e.id, name: e.name, plays: character && { entity: character.id, name: character.name } };
    });
  const leads = members.filter((m) => m.plays).sort(order);
  const cast = members.filter((m) => !m.plays).sort(order);

  const leadsParagraph = leads
    .flatMap((lead) => catalog[lead.entity].facts.filter((fact) => lead.plays && fact.cite.quote.includes(lead.plays.name)))
    .map((fact) => fact.cite.paragraph)[0];
  const castParagraph = mostCommon(cast.flatMap((member) => catalog[member.entity].facts.map((fact) => fact.cite.paragraph)));
  return { leads, cast, leadsParagraph, castParagraph };
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** "AP" for Al Pacino, "RD" for Robert De Niro: the first letters of the first two words. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

// ---------------------------------------------------------------------------------------------------
// Layout: the two leads face each other across the top; the ensemble in columns below.

export interface EnsembleLayout {
  width: number;
  height: number;
  leads: { member: CastMember; cx: number; cy: number; r: number; nameY: number; playsY: number }[];
  /** The line between the leads. */
  between?: { x1: number; x2: number; y: number };
  castTitleY: number;
  cast: { member: CastMember; x: number; y: number }[];
}

const COLUMN_MIN = 158;
const ROW = 24;

export function layoutEnsemble(ensemble: Ensemble, width: number): EnsembleLayout {
  const r = 27;
  const cy = 12 + r;
  const nameY = cy + r + 22;
  const playsY = nameY + 18;
  const count = ensemble.leads.length;
  const leads = ensemble.leads.map((member, index) => ({
    member,
    cx: ((index + 0.5) / Math.max(1, count)) * width,
    cy,
    r,
    nameY,
    playsY,
  }));
  const between =
    leads.length === 2 ? { x1: leads[0]!.cx + r + 10, x2: leads[1]!.cx - r - 10, y: cy } : undefined;

  const top = leads.length ? playsY + 34 : 8;
  const castTitleY = top;
  const columns = Math.max(2, Math.min(4, Math.floor(width / COLUMN_MIN)));
  const rows = Math.ceil(ensemble.cast.length / columns);
  const columnWidth = width / columns;
  // Column-major, so the essay's order reads down each column.
  const cast = ensemble.cast.map((member, index) => ({
    member,
    x: Math.floor(index / rows) * columnWidth + 6,
    y: castTitleY + 26 + (index % rows) * ROW,
  }));
  const height = castTitleY + 26 + rows * ROW - 6;
  return { width, height, leads, between, castTitleY, cast };
}
