import { cardEntity, isEntityId } from '../../data/catalog';
import { ESSAY, paragraphNumber } from '../../data/essay';
import { isBackgroundMessage, type BackgroundMessages, type EssayPassage, type PageRules } from '../core/messages';
import { addCorrection, correctionsForSite, recordSightings, type MemoryDb } from '../browser/memory/db';
import { mayRecordSightings, sightingUrl } from '../browser/memory/sighting-policy';
import type { Settings } from '../core/settings';
import { siteAllowed, siteOf } from '../core/site-rules';
import { essayPath } from '../core/essay-address';

/** What answering may do beyond replying; the background passes the browser's, tests pass fakes. */
export interface BackgroundEffects {
  /** Opens an extension page (a path such as "/essay.html?quote=…#p3") in a new tab. */
  openPage(path: string): Promise<void>;
  /** Sets the toolbar badge of one tab ("" clears it). */
  setBadge(tabId: number, text: string): Promise<void>;
  loadSettings(): Promise<Settings>;
  loadSites(): Promise<string[]>;
  /** The extension's IndexedDB (opened once, on first use). */
  memory(): Promise<MemoryDb>;
  /** Tells open tabs to read their corrections again. */
  correctionsChanged(): Promise<void>;
  now(): number;
}

/** What the browser says about a message's sender: `url` is the sending frame's address. */
export interface MessageSender {
  tab?: { id?: number; incognito?: boolean };
  url?: string;
}

type Response = BackgroundMessages[keyof BackgroundMessages]['response'];

/** A badge is short: past 99 it says "99+". */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(Math.floor(total));
}

function passage(paragraph: string): EssayPassage | undefined {
  const found = ESSAY.find((p) => p.id === paragraph);
  return found && { paragraph: found.id, number: paragraphNumber(found.id), text: found.text };
}

/**
 * The background's answers. Returns `undefined` (no answer) for messages that are not the
 * background's, so that other listeners may answer them.
 */
export function answerBackgroundMessage(
  message: unknown,
  sender: MessageSender = {},
  effects?: BackgroundEffects,
): Promise<Response> | undefined {
  if (!isBackgroundMessage(message)) return undefined;
  switch (message.type) {
    case 'entity/get':
      return Promise.resolve(isEntityId(message.entity) ? cardEntity(message.entity) : undefined);
    case 'essay/paragraph':
      return Promise.resolve(passage(message.paragraph));
    case 'essay/open':
      if (!passage(message.paragraph) || !effects) return Promise.resolve(undefined);
      return effects.openPage(essayPath(message.paragraph, message.quote));
    case 'mentions/changed': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !effects) return Promise.resolve(undefined);
      return effects.setBadge(tabId, badgeText(message.total));
    }
    case 'page/rules':
      return effects ? pageRules(sender.url, effects) : Promise.resolve({ siteAllowed: true, dismissed: [] });
    case 'page/visited':
      return effects ? recordVisit(sender, message.title, message.counts, effects) : Promise.resolve(undefined);
    case 'corrections/add': {
      const site = sender.url === undefined ? undefined : siteOf(sender.url);
      if (!effects || site === undefined || !isEntityId(message.entity)) return Promise.resolve(undefined);
      const correction = { site, entity: message.entity, surface: message.surface.trim(), createdAt: effects.now() };
      return effects
        .memory()
        .then((db) => addCorrection(db, correction))
        .then(() => effects.correctionsChanged());
    }
  }
}

async function pageRules(url: string | undefined, effects: BackgroundEffects): Promise<PageRules> {
  const site = url === undefined ? undefined : siteOf(url);
  const [settings, sites] = await Promise.all([effects.loadSettings(), effects.loadSites()]);
  // Only the site list: the switch and the pause are the content script's to follow (it reads the settings).
  if (url !== undefined && !siteAllowed(settings, sites, site)) return { siteAllowed: false, dismissed: [] };
  if (site === undefined) return { siteAllowed: true, dismissed: [] };
  const corrections = await correctionsForSite(await effects.memory(), site);
  return { siteAllowed: true, dismissed: corrections.map(({ entity, surface }) => ({ entity, surface })) };
}

async function recordVisit(
  sender: MessageSender,
  title: string,
  counts: Record<string, number>,
  effects: BackgroundEffects,
): Promise<void> {
  const url = sender.url;
  if (url === undefined) return;
  const [settings, sites] = await Promise.all([effects.loadSettings(), effects.loadSites()]);
  const now = effects.now();
  if (!mayRecordSightings({ settings, sites, url, incognito: sender.tab?.incognito === true, now })) return;
  const found = new Map(Object.entries(counts).filter(([entity]) => isEntityId(entity)));
  if (found.size === 0) return;
  await recordSightings(await effects.memory(), { url: sightingUrl(url), title: title.slice(0, 300) }, found, now);
}
