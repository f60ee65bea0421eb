import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG, type Entity } from '../../data/catalog';
import { DECOYS, entityIds } from '../../data/entities';
import { ESSAY } from '../../data/essay';
import { NOTES } from '../../data/facts';

/** The shared eval set lives beside the repo (`../shared`), not in it: a user's clone has no copy. */
const SHARED_ENTITIES = fileURLToPath(new URL('../../../shared/eval/entities.json', import.meta.url));
const HAS_SHARED = existsSync(SHARED_ENTITIES);
const SKIP_SHARED = `skipped: ${SHARED_ENTITIES} is absent (the shared eval set is not part of a clone)`;

/** Longest statement the card is laid out for. */
const MAX_FACT_CHARS = 160;
/** A role is one short line under the name on the card. */
const MAX_ROLE_CHARS = 48;

/** How the matcher compares names: lower case, runs of whitespace folded to one space. */
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

const entities: Entity[] = entityIds().map((id) => CATALOG[id]);
const allFacts = entities.flatMap((entity) => entity.facts.map((fact) => ({ entity: entity.id, fact })));
const paragraphText = new Map(ESSAY.map((p) => [p.id, p.text]));

const occurrences = (haystack: string, needle: string): number => {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
};

describe('catalog entries', () => {
  it('has notes for exactly the entities that have names', () => {
    expect(Object.keys(NOTES).sort()).toEqual([...entityIds()].sort());
    expect(entityIds()).toHaveLength(29);
  });

  it.each(entities.map((e) => [e.id, e] as const))('%s has a name, forms, a role and facts', (_id, entity) => {
    expect(entity.name.trim()).not.toBe('');
    expect(entity.forms.length).toBeGreaterThan(0);
    for (const form of entity.forms) expect(form.text.trim()).not.toBe('');
    expect(entity.role.trim()).not.toBe('');
    expect(entity.role.length).toBeLessThanOrEqual(MAX_ROLE_CHARS);
    expect(entity.role).not.toMatch(/\n/);
    expect(entity.facts.length).toBeGreaterThan(0);
  });

  it('gives the film, its director and the two leads several facts', () => {
    expect(CATALOG.heat.facts.length).toBeGreaterThanOrEqual(6);
    expect(CATALOG['michael-mann'].facts.length).toBeGreaterThanOrEqual(5);
    for (const id of ['al-pacino', 'robert-de-niro', 'vincent-hanna', 'neil-mccauley', 'warner-bros'] as const) {
      expect(CATALOG[id].facts.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps facts short, plain and distinct within an entity', () => {
    for (const { entity, fact } of allFacts) {
      expect(fact.text.trim(), entity).not.toBe('');
      expect(fact.text.length, `${entity}: ${fact.text}`).toBeLessThanOrEqual(MAX_FACT_CHARS);
      expect(fact.text, entity).not.toMatch(/\n/);
    }
    for (const entity of entities) {
      const texts = entity.facts.map((f) => f.text);
      expect(new Set(texts).size, entity.id).toBe(texts.length);
    }
  });
});

describe('citations', () => {
  it('cite paragraphs that exist', () => {
    for (const { entity, fact } of allFacts) {
      expect(paragraphText.has(fact.cite.paragraph), `${entity} cites ${fact.cite.paragraph}`).toBe(true);
    }
  });

  it('quote their paragraph verbatim, exactly once, so the essay view can mark the words', () => {
    for (const { entity, fact } of allFacts) {
      const text = paragraphText.get(fact.cite.paragraph) ?? '';
      const where = `${entity} → ${fact.cite.paragraph}: ${fact.cite.quote}`;
      expect(fact.cite.quote.trim(), where).toBe(fact.cite.quote);
      expect(fact.cite.quote.length, where).toBeGreaterThan(0);
      expect(occurrences(text, fact.cite.quote), where).toBe(1);
    }
  });

  it('keep the essay’s typographic quotes (no straight quotes retyped)', () => {
    for (const { entity, fact } of allFacts) expect(fact.cite.quote, entity).not.toMatch(/['"]/);
  });
});

describe('spoilers', () => {
  const ending = 'only one man will make it out alive at the end of the film';

  it('flag every fact that cites how the film ends', () => {
    const aboutEnding = allFacts.filter(({ fact }) => fact.cite.quote.includes(ending));
    expect(aboutEnding.map(({ entity }) => entity)).toContain('heat');
    for (const { entity, fact } of aboutEnding) expect(fact.spoiler, entity).toBe(true);
  });

  it('flag nothing that does not quote the ending', () => {
    // The essay gives away the ending in one sentence only; a spoiler flag anywhere else would hide a
    // harmless fact behind "Reveal".
    for (const { entity, fact } of allFacts.filter(({ fact }) => fact.spoiler)) {
      expect(fact.cite.quote, entity).toContain(ending);
    }
  });

  it('never open a card on a spoiler', () => {
    for (const entity of entities) expect(entity.facts[0]?.spoiler ?? false, entity.id).toBe(false);
  });
});

describe('surface forms', () => {
  it('belong to one entity each', () => {
    const owner = new Map<string, string>();
    for (const entity of entities) {
      for (const form of entity.forms) {
        const key = normalize(form.text);
        const previous = owner.get(key);
        expect(previous === undefined || previous === entity.id, `"${form.text}": ${previous} and ${entity.id}`).toBe(true);
        owner.set(key, entity.id);
      }
    }
  });

  it('are never also a decoy', () => {
    const decoys = new Set(DECOYS.map(normalize));
    for (const entity of entities) {
      for (const form of entity.forms) expect(decoys.has(normalize(form.text)), `${entity.id}: "${form.text}"`).toBe(false);
    }
  });
});

interface SharedEntity {
  readonly kind: string;
  readonly name: string;
  readonly note?: string;
}

describe('agreement with ../shared/eval/entities.json', () => {
  const load = (): Record<string, SharedEntity> =>
    JSON.parse(readFileSync(SHARED_ENTITIES, 'utf8')) as Record<string, SharedEntity>;

  it('looks for the shared file beside the repo root', () => {
    const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
    expect(existsSync(join(repoRoot, 'package.json'))).toBe(true);
    expect(SHARED_ENTITIES).toBe(resolve(repoRoot, '../shared/eval/entities.json'));
  });

  it.skipIf(!HAS_SHARED)(`uses the same ids (${HAS_SHARED ? 'shared file found' : SKIP_SHARED})`, () => {
    expect(Object.keys(CATALOG).sort()).toEqual(Object.keys(load()).sort());
  });

  it.skipIf(!HAS_SHARED)(`uses the same kinds and display names (${HAS_SHARED ? 'shared file found' : SKIP_SHARED})`, () => {
    const shared = load();
    for (const entity of entities) {
      expect(entity.kind, entity.id).toBe(shared[entity.id]?.kind);
      expect(entity.name, entity.id).toBe(shared[entity.id]?.name);
    }
  });
});
