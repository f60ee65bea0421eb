import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, defaultSettings, isPaused, parseSettings } from '../../lib/core/settings';
import {
  EXPORT_FORMAT,
  MAX_IMPORT_BYTES,
  SIGHTINGS_EXPORT_FORMAT,
  exportFileName,
  exportSettings,
  exportSightings,
  importSettings,
  importSizeProblem,
} from '../../lib/core/settings-file';
import { normalizeSite } from '../../lib/core/site-rules';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored, without a notice', () => {
    expect(parseSettings(undefined)).toEqual({ settings: defaultSettings(), invalidFields: [] });
  });

  it('migrates version 1 (enabled only) forward, keeping what the user set', () => {
    const { settings, invalidFields } = parseSettings({ version: 1, enabled: false });
    expect(settings).toEqual({ ...defaultSettings(), enabled: false, version: SETTINGS_VERSION });
    expect(invalidFields).toEqual([]);
  });

  it('falls back field by field, naming each invalid field', () => {
    const { settings, invalidFields } = parseSettings({
      version: 2,
      enabled: 'yes',
      highlightColor: 'pink',
      openDelayMs: 5000,
      theme: 'neon',
      categories: { films: false, people: 'no' },
    });
    expect(settings.enabled).toBe(true);
    expect(settings.highlightColor).toBe('pink');
    expect(settings.openDelayMs).toBe(DEFAULT_SETTINGS.openDelayMs);
    expect(settings.theme).toBe('system');
    expect(settings.categories).toEqual({ films: false, people: true, characters: true, studios: true });
    expect(invalidFields.sort()).toEqual(['categories.people', 'enabled', 'openDelayMs', 'theme']);
  });

  it('drops unknown keys and survives hostile shapes', () => {
    expect(parseSettings({ version: 2, __proto__: { enabled: false }, extra: 1 }).settings).toEqual(defaultSettings());
    expect(parseSettings([1, 2]).invalidFields).toEqual(['settings']);
    expect(parseSettings('true').settings).toEqual(defaultSettings());
    expect(parseSettings({ categories: null }).invalidFields).toEqual(['categories']);
  });

  it('never hands out the frozen defaults', () => {
    const { settings } = parseSettings(undefined);
    settings.categories.films = false;
    expect(DEFAULT_SETTINGS.categories.films).toBe(true);
  });
});

describe('isPaused', () => {
  it('is paused until the stored time', () => {
    const settings = { ...defaultSettings(), pausedUntil: 1_000 };
    expect(isPaused(settings, 999)).toBe(true);
    expect(isPaused(settings, 1_000)).toBe(false);
  });
});

describe('normalizeSite', () => {
  it('keeps the hostname of whatever the user types', () => {
    expect(normalizeSite('https://www.Example.com/path?q=1')).toBe('example.com');
    expect(normalizeSite(' news.example.org ')).toBe('news.example.org');
    expect(normalizeSite('localhost')).toBe('localhost');
    expect(normalizeSite('not a site')).toBeUndefined();
    expect(normalizeSite('')).toBeUndefined();
  });
});

describe('export and import', () => {
  it('round-trips settings and sites', () => {
    const settings = { ...defaultSettings(), highlightStyle: 'background' as const, spoilersRevealed: true };
    const result = importSettings(exportSettings(settings, ['example.com']));
    expect(result).toEqual({ ok: true, settings, sites: ['example.com'], notices: [] });
  });

  it('refuses a file that is not JSON, not ours, empty of settings, too new or too large, with the reason', () => {
    const refusal = (text: string) => {
      const result = importSettings(text);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refusal('{not json')).toMatch(/not valid JSON/);
    expect(refusal(JSON.stringify({ enabled: false }))).toMatch(/not a Heat Notes settings file/);
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT }))).toMatch(/no settings/);
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, settings: { version: 99 } }))).toMatch(/newer version/);
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, settings: {}, sites: 'a.com' }))).toMatch(/not a list/);
    expect(refusal(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatch(/too large/);
  });

  it('accepts a valid file with bad fields, resetting them and saying which', () => {
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      settings: { version: 2, enabled: false, trigger: 42 },
      sites: ['Example.com', 'example.com', 7, '<script>'],
    });
    const result = importSettings(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.enabled).toBe(false);
    expect(result.settings.trigger).toBe('hover');
    expect(result.sites).toEqual(['example.com']);
    expect(result.notices).toHaveLength(3);
    // In the words of the options page, not the field's name in code.
    expect(result.notices[0]).toBe('Not valid in the file, so set to its default: how a card opens.');
  });
});

describe('options page files', () => {
  it('refuses a file by its size before reading it, with the same reason as importSettings', () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeUndefined();
    expect(importSizeProblem(10 * 1024 * 1024)).toMatch(/too large \(10240 KB\)/);
  });

  it('exports sightings newest first, with readable dates, as a file of its own kind', () => {
    const text = exportSightings(
      [
        { entity: 'heat', url: 'https://a.example/', title: 'A', time: Date.UTC(2026, 0, 1), count: 2 },
        { entity: 'al-pacino', url: 'https://b.example/', title: 'B', time: Date.UTC(2026, 0, 2), count: 1 },
      ],
      new Date(Date.UTC(2026, 0, 3)),
    );
    const file = JSON.parse(text);
    expect(file.format).toBe(SIGHTINGS_EXPORT_FORMAT);
    expect(file.exportedAt).toBe('2026-01-03T00:00:00.000Z');
    expect(file.sightings).toEqual([
      { entity: 'al-pacino', url: 'https://b.example/', title: 'B', time: '2026-01-02T00:00:00.000Z', count: 1 },
      { entity: 'heat', url: 'https://a.example/', title: 'A', time: '2026-01-01T00:00:00.000Z', count: 2 },
    ]);
    // Not a settings file: importing it is refused.
    expect(importSettings(text)).toMatchObject({ ok: false });
  });

  it('names export files by kind and day', () => {
    expect(exportFileName('settings', new Date(2026, 10, 3))).toBe('heat-notes-settings-2026-11-03.json');
    expect(exportFileName('history', new Date(2026, 0, 23))).toBe('heat-notes-history-2026-01-23.json');
  });
});
