import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { answerBackgroundMessage, badgeText, type BackgroundEffects } from '../../lib/background/answer';
import { essayPath } from '../../lib/core/essay-address';
import { allSightings, openMemory, type MemoryDb } from '../../lib/browser/memory/db';
import { defaultSettings, type Settings } from '../../lib/core/settings';
import { stepDirection } from '../../lib/background/commands';
import type { CardEntity } from '../../data/card-entity';
import type { EssayPassage, PageRules } from '../../lib/core/messages';

let dbCount = 0;
const NOW = Date.UTC(2026, 10, 23);

function fakeEffects(
  stored: { settings?: Partial<Settings>; sites?: string[] } = {},
): BackgroundEffects & { calls: string[]; db: Promise<MemoryDb> } {
  const calls: string[] = [];
  const db = openMemory(`answer-test-${++dbCount}`);
  return {
    calls,
    db,
    openPage: vi.fn(async (path: string) => void calls.push(`open ${path}`)),
    setBadge: vi.fn(async (tabId: number, text: string) => void calls.push(`badge ${tabId} "${text}"`)),
    loadSettings: async () => ({ ...defaultSettings(), ...stored.settings }),
    loadSites: async () => stored.sites ?? [],
    memory: () => db,
    correctionsChanged: vi.fn(async () => void calls.push('corrections changed')),
    now: () => NOW,
  };
}

const page = (url: string, incognito = false) => ({ url, tab: { id: 3, incognito } });

describe('answerBackgroundMessage', () => {
  it('gives the card content of an entity as plain data that survives messaging', async () => {
    const entity = (await answerBackgroundMessage({ type: 'entity/get', entity: 'al-pacino' })) as CardEntity;
    expect(entity).toMatchObject({ id: 'al-pacino', kind: 'person', name: 'Al Pacino' });
    expect(entity.facts.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(entity))).toEqual(entity);
  });

  it('gives an essay paragraph with its number', async () => {
    const passage = (await answerBackgroundMessage({ type: 'essay/paragraph', paragraph: 'p3' })) as EssayPassage;
    expect(passage.number).toBe(3);
    expect(passage.text).toContain('Busan International Film Festival');
    expect(await answerBackgroundMessage({ type: 'essay/paragraph', paragraph: 'p99' })).toBeUndefined();
  });

  it('opens the essay at a paragraph with the quote, and badges the sending tab', async () => {
    const effects = fakeEffects();
    await answerBackgroundMessage({ type: 'essay/open', paragraph: 'p2', quote: 'L.A. Takedown' }, {}, effects);
    await answerBackgroundMessage({ type: 'essay/open', paragraph: 'nope' }, {}, effects);
    await answerBackgroundMessage({ type: 'mentions/changed', total: 12 }, { tab: { id: 7 } }, effects);
    await answerBackgroundMessage({ type: 'mentions/changed', total: 0 }, { tab: { id: 7 } }, effects);
    expect(effects.calls).toEqual(['open /essay.html?quote=L.A.%20Takedown#p2', 'badge 7 "12"', 'badge 7 ""']);
  });

  it('answers nothing for unknown entities or malformed messages, and leaves content messages alone', async () => {
    expect(await answerBackgroundMessage({ type: 'entity/get', entity: 'batman' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'mentions/get' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'mentions/changed', total: -1 })).toBeUndefined();
    expect(answerBackgroundMessage('entity/get')).toBeUndefined();
  });
});

describe('page rules, sightings and corrections', () => {
  it('keeps a page off where the site list says so, without telling the page the list', async () => {
    const never = fakeEffects({ sites: ['example.com'] });
    const rules = (await answerBackgroundMessage({ type: 'page/rules' }, page('https://news.example.com/a'), never)) as PageRules;
    expect(rules).toEqual({ siteAllowed: false, dismissed: [] });
    const only = fakeEffects({ settings: { siteMode: 'only' }, sites: ['example.com'] });
    expect(await answerBackgroundMessage({ type: 'page/rules' }, page('https://example.com/'), only)).toEqual({ siteAllowed: true, dismissed: [] });
    expect(await answerBackgroundMessage({ type: 'page/rules' }, page('https://other.org/'), only)).toEqual({ siteAllowed: false, dismissed: [] });
  });

  it('remembers "Not this one" for the sender\'s site only, and tells open tabs', async () => {
    const effects = fakeEffects();
    await answerBackgroundMessage({ type: 'corrections/add', entity: 'michael-mann', surface: ' Mann ' }, page('https://blog.example.com/x'), effects);
    expect(effects.calls).toEqual(['corrections changed']);
    const here = await answerBackgroundMessage({ type: 'page/rules' }, page('https://blog.example.com/y'), effects);
    expect(here).toEqual({ siteAllowed: true, dismissed: [{ entity: 'michael-mann', surface: 'mann' }] });
    const elsewhere = await answerBackgroundMessage({ type: 'page/rules' }, page('https://films.example.org/'), effects);
    expect(elsewhere).toEqual({ siteAllowed: true, dismissed: [] });
  });

  it('records sightings only when the user asked, never in a private window', async () => {
    const visit = { type: 'page/visited', title: 'A review', counts: { 'al-pacino': 3, heat: 1 } } as const;
    const off = fakeEffects();
    await answerBackgroundMessage(visit, page('https://example.com/review#top'), off);
    expect(await allSightings(await off.db)).toEqual([]);

    const on = fakeEffects({ settings: { rememberSightings: true } });
    await answerBackgroundMessage(visit, page('https://example.com/review#top', true), on);
    expect(await allSightings(await on.db)).toEqual([]);
    await answerBackgroundMessage(visit, page('https://example.com/review#top'), on);
    const kept = await allSightings(await on.db);
    expect(kept.map((s) => [s.entity, s.url, s.count])).toEqual([
      ['al-pacino', 'https://example.com/review', 3],
      ['heat', 'https://example.com/review', 1],
    ]);

    const never = fakeEffects({ settings: { rememberSightings: true }, sites: ['example.com'] });
    await answerBackgroundMessage(visit, page('https://example.com/review'), never);
    expect(await allSightings(await never.db)).toEqual([]);
  });

  it('refuses malformed visits and corrections', () => {
    expect(answerBackgroundMessage({ type: 'page/visited', title: 'x', counts: { heat: -1 } })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'page/visited', title: 'x', counts: 'heat' })).toBeUndefined();
    expect(answerBackgroundMessage({ type: 'corrections/add', entity: 'heat', surface: '  ' })).toBeUndefined();
  });
});

describe('badge and paths', () => {
  it('keeps the badge short', () => {
    expect([badgeText(0), badgeText(7), badgeText(100)]).toEqual(['', '7', '99+']);
  });

  it('escapes the quote in the essay address', () => {
    expect(essayPath('p1', 'Mann’s Heat & co')).toBe('/essay.html?quote=Mann%E2%80%99s%20Heat%20%26%20co#p1');
  });
});

describe('commands', () => {
  it('maps the shortcuts to a direction and ignores others', () => {
    expect([stepDirection('next-mention'), stepDirection('previous-mention'), stepDirection('toString')]).toEqual([
      'next',
      'previous',
      undefined,
    ]);
  });
});
