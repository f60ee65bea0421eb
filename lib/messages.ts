import type { CardEntity } from '../data/card-entity';
import type { EntityId } from '../data/entities';

/**
 * The messages that cross between extension contexts. `mentions/get` and its answer are part of the
 * outside contract (CONTRACT.md): keep their shape exactly.
 */

export interface MentionReport {
  entity: EntityId;
  /** The name as it stands on the page, without a possessive 's / ’s. */
  text: string;
  /** Where `text` starts within the text of its block. */
  offset: number;
}

export interface ScanStats {
  /** All main-thread time the scan spent, summed over its slices. */
  scanMs: number;
  textNodes: number;
  chars: number;
}

export interface MentionsResponse {
  mentions: MentionReport[];
  stats: ScanStats;
}

/** Messages the top frame's content script answers, each with the type of its answer. */
export interface ContentMessages {
  'mentions/get': { request: { type: 'mentions/get' }; response: MentionsResponse };
}

/** Messages the background answers. */
export interface BackgroundMessages {
  /** What the card shows of an entity: the catalog stays out of every page's content script. */
  'entity/get': { request: { type: 'entity/get'; entity: EntityId }; response: CardEntity | undefined };
}

export type ContentMessage = ContentMessages[keyof ContentMessages]['request'];
export type BackgroundMessage = BackgroundMessages[keyof BackgroundMessages]['request'];

function hasType<T extends string>(value: unknown, type: T): value is { type: T } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

export function isContentMessage(value: unknown): value is ContentMessage {
  return hasType(value, 'mentions/get');
}

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  return hasType(value, 'entity/get') && typeof (value as { entity?: unknown }).entity === 'string';
}
