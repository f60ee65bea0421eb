import type { CardEntity } from '../../../data/card-entity';
import type { EntityId } from '../../../data/entities';

/**
 * What the cards show of each entity, asked of the background once per entity per page: a card
 * reopens at once, and the question goes out as soon as the pointer lands on a name, so the rest
 * delay hides the round trip. A failed or empty answer is forgotten, so the next card asks again.
 */
export class EntityCache {
  readonly #entities = new Map<EntityId, Promise<CardEntity | undefined>>();
  readonly #lookup: (entity: EntityId) => Promise<CardEntity | undefined>;

  constructor(lookup: (entity: EntityId) => Promise<CardEntity | undefined>) {
    this.#lookup = lookup;
  }

  get(id: EntityId): Promise<CardEntity | undefined> {
    let pending = this.#entities.get(id);
    if (!pending) {
      pending = this.#lookup(id).catch(() => undefined);
      this.#entities.set(id, pending);
      void pending.then((entity) => {
        if (!entity) this.#entities.delete(id);
      });
    }
    return pending;
  }
}
