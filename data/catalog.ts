import { entityIds, entityNames, type EntityId, type EntityKind, type SurfaceForm } from './entities';
import type { CardEntity } from './card-entity';
import { NOTES, type Fact } from './facts';

export type { EntityId, EntityKind } from './entities';
export type { CardEntity } from './card-entity';
export type { Citation, Fact } from './facts';

/** Everything Heat Notes knows about one entity: how pages name it and what the essay says of it. */
export interface Entity {
  readonly id: EntityId;
  readonly kind: EntityKind;
  readonly name: string;
  readonly role: string;
  readonly forms: readonly SurfaceForm[];
  readonly facts: readonly Fact[];
}

export const CATALOG: Readonly<Record<EntityId, Entity>> = Object.fromEntries(
  entityIds().map((id) => [id, { id, ...entityNames()[id], role: NOTES[id]?.role ?? '', facts: NOTES[id]?.facts ?? [] }]),
) as Record<EntityId, Entity>;

export function isEntityId(value: unknown): value is EntityId {
  return typeof value === 'string' && Object.hasOwn(entityNames(), value);
}

/** What a card shows of an entity: plain data, so it can cross from the background to a page. */
export function cardEntity(id: EntityId): CardEntity {
  const { kind, name, role, facts } = CATALOG[id];
  return { id, kind, name, role, facts };
}
