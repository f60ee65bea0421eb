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

/** Messages the top frame's content script answers. */
export type ContentMessage = { type: 'mentions/get' };

export function isContentMessage(value: unknown): value is ContentMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'mentions/get';
}
