import type { EntityId, EntityKind } from './entities';
import type { Fact } from './facts';

/**
 * What the card shows of an entity. Plain data (no patterns), because in a web page it arrives as a
 * message from the background: the content script does not carry the essay's facts itself.
 */
export interface CardEntity {
  readonly id: EntityId;
  readonly kind: EntityKind;
  readonly name: string;
  readonly role: string;
  readonly facts: readonly Fact[];
}
