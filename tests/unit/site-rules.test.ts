import { describe, expect, it } from 'vitest';
import { chooseMentions, choosesAll, type MentionChoices } from '../../lib/core/mention-filter';
import { mayRecordSightings, sightingUrl } from '../../lib/browser/memory/sighting-policy';
import { defaultSettings, type Settings } from '../../lib/core/settings';
import { categoryOf, inactiveReason, listCovers, setSiteOn, siteOf } from '../../lib/core/site-rules';
import type { EntityId } from '../../data/entities';

const settings = (changes: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...changes });
const NOW = 1_000_000;

describe('where Heat Notes runs', () => {
  it('names a page by its host, without www, and only for web pages', () => {
    expect(siteOf('https://www.Example.com:8080/a?b#c')).toBe('example.com');
    expect(siteOf('http://127.0.0.1:4000/x')).toBe('127.0.0.1');
    expect(siteOf('file:///home/me/notes.html')).toBeUndefined();
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
  });

  it('lets a list entry cover its subdomains but not look-alike hosts', () => {
    expect(listCovers(['example.com'], 'news.example.com')).toBe(true);
    expect(listCovers(['example.com'], 'badexample.com')).toBe(false);
    expect(listCovers(['news.example.com'], 'example.com')).toBe(false);
  });

  it('says why a page is left alone: off, paused, or the site list', () => {
    const url = 'https://news.example.com/story';
    expect(inactiveReason(settings(), [], url, NOW)).toBeUndefined();
    expect(inactiveReason(settings({ enabled: false }), [], url, NOW)).toBe('off');
    expect(inactiveReason(settings({ pausedUntil: NOW + 1 }), [], url, NOW)).toBe('paused');
    expect(inactiveReason(settings({ pausedUntil: NOW - 1 }), [], url, NOW)).toBeUndefined();
    expect(inactiveReason(settings(), ['example.com'], url, NOW)).toBe('never-list');
    expect(inactiveReason(settings({ siteMode: 'only' }), ['example.com'], url, NOW)).toBeUndefined();
    expect(inactiveReason(settings({ siteMode: 'only' }), ['other.org'], url, NOW)).toBe('not-on-only-list');
  });

  it('turns one site off and on again whichever way the list reads', () => {
    const never = settings();
    const off = setSiteOn(never, ['a.org'], 'news.example.com', false);
    expect(off).toEqual(['a.org', 'news.example.com']);
    expect(inactiveReason(never, off, 'https://news.example.com/', NOW)).toBe('never-list');
    // Back on: an entry covering it from above goes too, or the site would stay off.
    expect(setSiteOn(never, ['example.com', 'a.org'], 'news.example.com', true)).toEqual(['a.org']);

    const only = settings({ siteMode: 'only' });
    expect(setSiteOn(only, ['a.org'], 'b.org', true)).toEqual(['a.org', 'b.org']);
    expect(setSiteOn(only, ['a.org', 'b.org'], 'b.org', false)).toEqual(['a.org']);
  });

  it('puts each kind of entity in its category', () => {
    expect([categoryOf('film'), categoryOf('person'), categoryOf('character'), categoryOf('organization'), categoryOf('event')]).toEqual([
      'films',
      'people',
      'characters',
      'studios',
      'studios',
    ]);
  });
});

describe('which mentions a page shows', () => {
  const at = (entity: EntityId, text: string) => ({ mention: { entity, text } });
  const page = [at('heat', 'Heat'), at('al-pacino', 'Pacino'), at('michael-mann', 'Mann'), at('al-pacino', 'Al Pacino'), at('heat', 'HEAT')];
  const all: MentionChoices = { categories: defaultSettings().categories, dismissed: [], firstMentionOnly: false };
  const texts = (choices: MentionChoices) => chooseMentions(page, choices).map((p) => p.mention.text);

  it('keeps everything by default', () => {
    expect(texts(all)).toEqual(['Heat', 'Pacino', 'Mann', 'Al Pacino', 'HEAT']);
    expect(choosesAll(all)).toBe(true);
  });

  it('drops a category switched off', () => {
    const choices = { ...all, categories: { ...all.categories, people: false } };
    expect(texts(choices)).toEqual(['Heat', 'HEAT']);
    expect(choosesAll(choices)).toBe(false);
  });

  it('drops a dismissed match in any case, but not the same entity named otherwise', () => {
    expect(texts({ ...all, dismissed: [{ entity: 'al-pacino', surface: 'pacino' }] })).toEqual(['Heat', 'Mann', 'Al Pacino', 'HEAT']);
    expect(texts({ ...all, dismissed: [{ entity: 'heat', surface: 'heat' }] })).toEqual(['Pacino', 'Mann', 'Al Pacino']);
  });

  it('keeps only the first mention of each entity when asked', () => {
    expect(texts({ ...all, firstMentionOnly: true })).toEqual(['Heat', 'Pacino', 'Mann']);
    // A dismissed first mention leaves the next one as the first shown.
    expect(texts({ ...all, firstMentionOnly: true, dismissed: [{ entity: 'al-pacino', surface: 'Pacino' }] })).toEqual([
      'Heat',
      'Mann',
      'Al Pacino',
    ]);
  });
});

describe('whether a visit is remembered', () => {
  const visit = { settings: settings({ rememberSightings: true }), sites: [] as string[], url: 'https://example.com/a', incognito: false, now: NOW };

  it('remembers only when asked, and never in a private window', () => {
    expect(mayRecordSightings(visit)).toBe(true);
    expect(mayRecordSightings({ ...visit, settings: settings() })).toBe(false);
    expect(mayRecordSightings({ ...visit, incognito: true })).toBe(false);
  });

  it('never where Heat Notes is off, paused, or kept away by the site list', () => {
    expect(mayRecordSightings({ ...visit, settings: settings({ rememberSightings: true, enabled: false }) })).toBe(false);
    expect(mayRecordSightings({ ...visit, settings: settings({ rememberSightings: true, pausedUntil: NOW + 5 }) })).toBe(false);
    expect(mayRecordSightings({ ...visit, sites: ['example.com'] })).toBe(false);
    expect(mayRecordSightings({ ...visit, url: 'file:///tmp/a.html' })).toBe(false);
  });

  it('keeps the address without its fragment', () => {
    expect(sightingUrl('https://example.com/a?x=1#section')).toBe('https://example.com/a?x=1');
  });
});
