import type { CardEntity } from '../../data/card-entity';
import type { EntityId } from '../../data/entities';
import type { Dismissal } from './mention-filter';
import { isRecord } from './settings';

/**
 * The messages that cross between extension contexts. `mentions/get` and its answer are part of the
 * outside contract (docs/contract.md): keep their shape exactly.
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
  /** Text nodes read: only blocks that may hold a name are read. */
  textNodes: number;
  /** Characters of the blocks read. */
  chars: number;
  /**
   * From the content script's start (its first module's top-level code) until it listens for messages:
   * every module's set-up included (beyond the contract).
   */
  startupMs?: number;
  /** From the content script's start until the page's marks were first painted (beyond the contract). */
  markedAfterMs?: number;
}

export interface MentionsResponse {
  mentions: MentionReport[];
  stats: ScanStats;
}

/** Which way `mentions/step` goes through the page's mentions. */
export type StepDirection = 'next' | 'previous';

/** Where a step or a reveal landed, among the mentions it goes through. */
export interface StepAnswer {
  /** 1-based: the position the live region announces ("Mention 3 of 12"). */
  readonly index: number;
  readonly total: number;
}

/** Messages the top frame's content script answers, each with the type of its answer. */
export interface ContentMessages {
  'mentions/get': { request: { type: 'mentions/get' }; response: MentionsResponse };
  /**
   * Steps to the next or previous mention from the current one (or from the top of the viewport):
   * scrolls it into view, outlines it, opens its card and announces "Mention 3 of 12: …". The keyboard
   * shortcuts send it through the background.
   */
  'mentions/step': {
    request: { type: 'mentions/step'; direction: StepDirection };
    response: StepAnswer | undefined;
  };
  /** Scrolls to the first mention of an entity (the next one on a repeat) and flashes it: the popup's "On this page". */
  'mentions/reveal': {
    request: { type: 'mentions/reveal'; entity: EntityId };
    response: StepAnswer | undefined;
  };
  /** The page's site as the site list names it (the popup has no `tabs` permission to read the URL). */
  'page/site': { request: { type: 'page/site' }; response: { site: string | undefined } };
}

/** A paragraph of the essay with the quoted sentence to mark, for "More from the essay" and links. */
export interface EssayPassage {
  paragraph: string;
  number: number;
  text: string;
}

/** Messages the background answers. */
export interface BackgroundMessages {
  /** What the card shows of an entity: the catalog stays out of every page's content script. */
  'entity/get': { request: { type: 'entity/get'; entity: EntityId }; response: CardEntity | undefined };
  /** One essay paragraph, for the card's "More from the essay". */
  'essay/paragraph': { request: { type: 'essay/paragraph'; paragraph: string }; response: EssayPassage | undefined };
  /** Opens the essay page at a paragraph, with the quoted words marked ("Read in the essay"). */
  'essay/open': { request: { type: 'essay/open'; paragraph: string; quote?: string }; response: void };
  /** The content script's mention count changed: the toolbar badge shows it for that tab. */
  'mentions/changed': { request: { type: 'mentions/changed'; total: number }; response: void };
  /**
   * What applies to the sender's page beyond the settings it reads itself: whether the site list lets
   * Heat Notes run there, and the matches dismissed on that site. The list itself stays out of pages.
   */
  'page/rules': { request: { type: 'page/rules' }; response: PageRules };
  /** The mentions on the sender's page, per entity: remembered as sightings if the user asked for it. */
  'page/visited': { request: { type: 'page/visited'; title: string; counts: Record<string, number> }; response: void };
  /** "Not this one" on a card: this entity, named this way, is not to be marked on the sender's site. */
  'corrections/add': { request: { type: 'corrections/add'; entity: EntityId; surface: string }; response: void };
}

/**
 * What a page's content script tells the extension's pages (the side panel) as the reader uses the
 * page: sent with `runtime.sendMessage`, which reaches every extension page; the background ignores
 * them and nobody answers. Only ids cross: never the page's text or address.
 */
export interface PageEvents {
  /**
   * A card opened on the page (pointer, keyboard or touch): its entity, and the indices in that
   * entity's facts (`CardEntity.facts`) of the facts it shows, spoilers left out unless revealed.
   */
  'card/shown': { request: { type: 'card/shown'; entity: EntityId; facts: number[] }; response: void };
}

export interface PageRules {
  siteAllowed: boolean;
  dismissed: Dismissal[];
}

export type ContentMessage = ContentMessages[keyof ContentMessages]['request'];
export type BackgroundMessage = BackgroundMessages[keyof BackgroundMessages]['request'];
export type PageEvent = PageEvents[keyof PageEvents]['request'];

function isCounts(value: unknown): value is Record<string, number> {
  return (
    isRecord(value) &&
    Object.values(value).every((count) => typeof count === 'number' && Number.isInteger(count) && count > 0)
  );
}

export function isContentMessage(value: unknown): value is ContentMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'mentions/get':
      return true;
    case 'mentions/step':
      return value.direction === 'next' || value.direction === 'previous';
    case 'mentions/reveal':
      return typeof value.entity === 'string';
    case 'page/site':
      return true;
    default:
      return false;
  }
}

function isFactIndices(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((index) => typeof index === 'number' && Number.isInteger(index) && index >= 0);
}

export function isPageEvent(value: unknown): value is PageEvent {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'card/shown':
      return typeof value.entity === 'string' && isFactIndices(value.facts);
    default:
      return false;
  }
}

export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'entity/get':
      return typeof value.entity === 'string';
    case 'essay/paragraph':
      return typeof value.paragraph === 'string';
    case 'essay/open':
      return typeof value.paragraph === 'string' && (value.quote === undefined || typeof value.quote === 'string');
    case 'mentions/changed':
      return typeof value.total === 'number' && Number.isFinite(value.total) && value.total >= 0;
    case 'page/rules':
      return true;
    case 'page/visited':
      return typeof value.title === 'string' && isCounts(value.counts);
    case 'corrections/add':
      return typeof value.entity === 'string' && typeof value.surface === 'string' && value.surface.trim() !== '';
    default:
      return false;
  }
}
