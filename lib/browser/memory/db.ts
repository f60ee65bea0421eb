import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * What Heat Notes remembers, in IndexedDB in the extension's own origin. Opened only by the
 * background and extension pages: a database opened in a content script would belong to the web
 * page's origin (docs/platform-notes.md), where the page could read it.
 *
 * Version history (an upgrade must keep every record of the versions before it):
 * - 1: `sightings`, keyed by [entity, url].
 * - 2: adds `corrections` ("Not this one"), and a `by-time` index on sightings for retention.
 */
export const DB_NAME = 'heat-notes';
export const DB_VERSION = 2;

/** Sightings kept at most; the oldest go first. */
export const MAX_SIGHTINGS = 5_000;
/** Sightings older than this are forgotten. */
export const MAX_SIGHTING_AGE_MS = 90 * 24 * 60 * 60 * 1000;
/** Most recent pages the popup lists per entity. */
export const RECENT_PAGES = 5;

export interface Sighting {
  entity: string;
  url: string;
  title: string;
  /** Epoch ms of the latest visit on which the entity was found there. */
  time: number;
  /** Mentions found on the latest visit. */
  count: number;
}

/** A dismissed match: this surface form of this entity is not to be marked on this site. */
export interface Correction {
  site: string;
  entity: string;
  /** The surface form, lower case ("mann"): part of the key, so one correction covers every case. */
  surface: string;
  /** The surface form as it stood on the page ("Mann"), to show; absent in records from before. */
  shown?: string;
  createdAt: number;
}

export interface MemorySchema extends DBSchema {
  sightings: {
    key: [string, string];
    value: Sighting;
    indexes: { 'by-time': number; 'by-entity': string };
  };
  corrections: {
    key: [string, string, string];
    value: Correction;
    indexes: { 'by-site': string };
  };
}

export type MemoryDb = IDBPDatabase<MemorySchema>;

export function openMemory(name = DB_NAME): Promise<MemoryDb> {
  return openDB<MemorySchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const sightings = db.createObjectStore('sightings', { keyPath: ['entity', 'url'] });
        sightings.createIndex('by-entity', 'entity');
      }
      if (oldVersion < 2) {
        transaction.objectStore('sightings').createIndex('by-time', 'time');
        const corrections = db.createObjectStore('corrections', { keyPath: ['site', 'entity', 'surface'] });
        corrections.createIndex('by-site', 'site');
      }
    },
  });
}

/** Records one visit: for each entity found on the page, its count, stamped `now`. */
export async function recordSightings(
  db: MemoryDb,
  page: { url: string; title: string },
  counts: ReadonlyMap<string, number>,
  now: number,
): Promise<void> {
  const tx = db.transaction('sightings', 'readwrite');
  for (const [entity, count] of counts) {
    await tx.store.put({ entity, url: page.url, title: page.title, time: now, count });
  }
  await tx.done;
  await pruneSightings(db, now);
}

/** Forgets sightings older than MAX_SIGHTING_AGE_MS, then the oldest beyond MAX_SIGHTINGS. */
export async function pruneSightings(db: MemoryDb, now: number, maxCount = MAX_SIGHTINGS): Promise<void> {
  const tx = db.transaction('sightings', 'readwrite');
  const byTime = tx.store.index('by-time');
  let excess = (await tx.store.count()) - maxCount;
  for (let cursor = await byTime.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.time >= now - MAX_SIGHTING_AGE_MS && excess <= 0) break;
    await cursor.delete();
    excess--;
  }
  await tx.done;
}

export interface EntitySightings {
  pages: number;
  recent: Sighting[];
}

/** How many pages an entity was seen on, and the most recent of them. */
export async function sightingsOf(db: MemoryDb, entity: string): Promise<EntitySightings> {
  const all = await db.getAllFromIndex('sightings', 'by-entity', entity);
  all.sort((a, b) => b.time - a.time);
  return { pages: all.length, recent: all.slice(0, RECENT_PAGES) };
}

export function allSightings(db: MemoryDb): Promise<Sighting[]> {
  return db.getAll('sightings');
}

export function clearSightings(db: MemoryDb): Promise<void> {
  return db.clear('sightings');
}

export async function addCorrection(db: MemoryDb, correction: Correction): Promise<void> {
  await db.put('corrections', { ...correction, shown: correction.shown ?? correction.surface, surface: correction.surface.toLowerCase() });
}

export async function removeCorrection(db: MemoryDb, correction: Pick<Correction, 'site' | 'entity' | 'surface'>): Promise<void> {
  await db.delete('corrections', [correction.site, correction.entity, correction.surface.toLowerCase()]);
}

export function correctionsForSite(db: MemoryDb, site: string): Promise<Correction[]> {
  return db.getAllFromIndex('corrections', 'by-site', site);
}

/** Every correction, the newest first (the options page lists them to undo). */
export async function allCorrections(db: MemoryDb): Promise<Correction[]> {
  const all = await db.getAll('corrections');
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** One entity's sightings, as the options page lists them. */
export interface SightingGroup {
  entity: string;
  /** Its pages, the most recent first. */
  pages: Sighting[];
  /** When it was last seen (the first page's time). */
  latest: number;
  /** Mentions over all its pages, each page counted at its latest visit. */
  mentions: number;
}

/** Sightings grouped by entity: the groups by most recent sighting, each group's pages newest first. Pure. */
export function groupSightings(sightings: readonly Sighting[]): SightingGroup[] {
  const byEntity = new Map<string, Sighting[]>();
  for (const sighting of sightings) {
    const pages = byEntity.get(sighting.entity);
    if (pages) pages.push(sighting);
    else byEntity.set(sighting.entity, [sighting]);
  }
  const groups: SightingGroup[] = [];
  for (const [entity, pages] of byEntity) {
    pages.sort((a, b) => b.time - a.time || a.url.localeCompare(b.url));
    groups.push({ entity, pages, latest: pages[0]!.time, mentions: pages.reduce((sum, page) => sum + page.count, 0) });
  }
  return groups.sort((a, b) => b.latest - a.latest || a.entity.localeCompare(b.entity));
}

/** How a correction's name is shown: as it stood on the page where it was dismissed. */
export function shownSurface(correction: Pick<Correction, 'surface' | 'shown'>): string {
  return correction.shown ?? correction.surface;
}
