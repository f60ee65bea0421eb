import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  MAX_SIGHTING_AGE_MS,
  addCorrection,
  allCorrections,
  allSightings,
  clearSightings,
  correctionsForSite,
  groupSightings,
  openMemory,
  pruneSightings,
  recordSightings,
  removeCorrection,
  shownSurface,
  sightingsOf,
} from '../../lib/browser/memory/db';

let dbCount = 0;
const freshName = () => `heat-notes-test-${++dbCount}`;
const page = (n: number) => ({ url: `https://example.com/${n}`, title: `Page ${n}` });

describe('database upgrade', () => {
  it('keeps version-1 sightings when opened as version 2', async () => {
    const name = freshName();
    // Version 1 exactly as it shipped: one store, one index.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('sightings', { keyPath: ['entity', 'url'] }).createIndex('by-entity', 'entity');
      },
    });
    await v1.put('sightings', { entity: 'al-pacino', url: 'https://a.example/', title: 'A', time: 5, count: 2 });
    v1.close();

    const v2 = await openMemory(name);
    expect(await allSightings(v2)).toEqual([{ entity: 'al-pacino', url: 'https://a.example/', title: 'A', time: 5, count: 2 }]);
    // And the new store and index work on the upgraded database.
    await addCorrection(v2, { site: 'a.example', entity: 'michael-mann', surface: 'Mann', createdAt: 1 });
    expect(await correctionsForSite(v2, 'a.example')).toHaveLength(1);
    expect(await v2.getAllFromIndex('sightings', 'by-time')).toHaveLength(1);
    v2.close();
  });
});

describe('sightings', () => {
  it('counts pages per entity, newest first, one record per page', async () => {
    const db = await openMemory(freshName());
    const now = Date.now();
    await recordSightings(db, page(1), new Map([['heat', 3], ['al-pacino', 1]]), now - 2000);
    await recordSightings(db, page(2), new Map([['heat', 1]]), now - 1000);
    await recordSightings(db, page(1), new Map([['heat', 5]]), now);
    const heat = await sightingsOf(db, 'heat');
    expect(heat.pages).toBe(2);
    expect(heat.recent.map((s) => [s.url, s.count])).toEqual([
      [page(1).url, 5],
      [page(2).url, 1],
    ]);
    await clearSightings(db);
    expect((await sightingsOf(db, 'heat')).pages).toBe(0);
    db.close();
  });

  it('forgets sightings past the age limit and the oldest past the count limit', async () => {
    const db = await openMemory(freshName());
    const now = Date.now();
    await recordSightings(db, page(0), new Map([['heat', 1]]), now - MAX_SIGHTING_AGE_MS - 60_000);
    for (let n = 1; n <= 4; n++) await recordSightings(db, page(n), new Map([['heat', 1]]), now - 100 + n);
    expect((await allSightings(db)).map((s) => s.url)).not.toContain(page(0).url);
    await pruneSightings(db, now, 2);
    expect((await allSightings(db)).map((s) => s.url).sort()).toEqual([page(3).url, page(4).url]);
    db.close();
  });
});

describe('corrections', () => {
  it('stores a dismissal per site, entity and surface form, and undoes it', async () => {
    const db = await openMemory(freshName());
    await addCorrection(db, { site: 'a.example', entity: 'michael-mann', surface: 'Mann', createdAt: 1 });
    await addCorrection(db, { site: 'a.example', entity: 'michael-mann', surface: 'MANN', createdAt: 2 });
    const [kept] = await correctionsForSite(db, 'a.example');
    expect(kept).toMatchObject({ surface: 'mann', shown: 'MANN' });
    expect(shownSurface(kept!)).toBe('MANN');
    expect(shownSurface({ surface: 'mann' })).toBe('mann'); // a record from before `shown`
    expect(await correctionsForSite(db, 'b.example')).toHaveLength(0);
    await removeCorrection(db, { site: 'a.example', entity: 'michael-mann', surface: 'Mann' });
    expect(await correctionsForSite(db, 'a.example')).toHaveLength(0);
    db.close();
  });
});

describe('options page reads', () => {
  it('lists every correction, the newest first', async () => {
    const db = await openMemory(freshName());
    await addCorrection(db, { site: 'a.example', entity: 'michael-mann', surface: 'Mann', createdAt: 1 });
    await addCorrection(db, { site: 'b.example', entity: 'heat', surface: 'Heat', createdAt: 3 });
    await addCorrection(db, { site: 'a.example', entity: 'heat', surface: 'heat', createdAt: 2 });
    expect((await allCorrections(db)).map((c) => [c.site, c.entity, c.surface])).toEqual([
      ['b.example', 'heat', 'heat'],
      ['a.example', 'heat', 'heat'],
      ['a.example', 'michael-mann', 'mann'],
    ]);
    db.close();
  });

  it('groups sightings by entity: groups by latest sighting, pages newest first, mentions summed', () => {
    const s = (entity: string, url: string, time: number, count = 1) => ({ entity, url, title: url, time, count });
    const groups = groupSightings([s('heat', 'https://a/', 10, 2), s('al-pacino', 'https://b/', 30), s('heat', 'https://c/', 20, 3)]);
    expect(groups.map((g) => [g.entity, g.latest, g.mentions, g.pages.map((p) => p.url)])).toEqual([
      ['al-pacino', 30, 1, ['https://b/']],
      ['heat', 20, 5, ['https://c/', 'https://a/']],
    ]);
    expect(groupSightings([])).toEqual([]);
  });
});
