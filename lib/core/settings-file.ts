import { t, type PlainKey } from '../browser/i18n';
import type { Sighting } from '../browser/memory/db';
import { SETTINGS_VERSION, isRecord, parseSettings, type Settings } from './settings';
import { normalizeSite } from './site-rules';

/**
 * The settings file users export and import (options page only). Pure apart from its words, which come
 * from `i18n.getMessage` (lib/browser/i18n.ts; the unit tests' fake browser has it): tests in Node.
 */

/** The export file's marker, so an unrelated JSON file is refused with a clear reason. */
export const EXPORT_FORMAT = 'heat-notes-settings';
/** Far larger than any real export; a bigger file is not read at all. */
export const MAX_IMPORT_BYTES = 64 * 1024;

/**
 * Each settings field as the user knows it (the options page's words for its control), for notices
 * about fields that were not valid: in an imported file, or in storage. Message keys; `fieldName`
 * gives the words.
 */
export const FIELD_KEYS: Readonly<Record<string, PlainKey>> = {
  settings: 'optionsFieldAll',
  enabled: 'optionsEnabled',
  pausedUntil: 'optionsFieldPause',
  siteMode: 'optionsFieldSiteMode',
  categories: 'optionsFieldCategories',
  'categories.films': 'optionsFilms',
  'categories.people': 'optionsPeople',
  'categories.characters': 'optionsCharacters',
  'categories.studios': 'optionsStudios',
  highlightStyle: 'optionsFieldStyle',
  highlightColor: 'optionsFieldColor',
  firstMentionOnly: 'optionsFirstMention',
  trigger: 'optionsFieldTrigger',
  modifierKey: 'optionsFieldModifierKey',
  openDelayMs: 'optionsFieldDelay',
  theme: 'optionsFieldTheme',
  spoilersRevealed: 'optionsSpoilers',
  rememberSightings: 'optionsRemember',
};

/** A settings field in the user's words ("how a card opens"); a field it does not know, as named in code. */
export function fieldName(field: string): string {
  return Object.hasOwn(FIELD_KEYS, field) ? t(FIELD_KEYS[field]!) : field;
}

export interface SettingsExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  settings: Settings;
  sites: string[];
}

export function exportSettings(settings: Settings, sites: readonly string[], now = new Date()): string {
  const file: SettingsExport = { format: EXPORT_FORMAT, exportedAt: now.toISOString(), settings, sites: [...sites] };
  return JSON.stringify(file, null, 2);
}

export type ImportResult =
  | { ok: true; settings: Settings; sites: string[]; notices: string[] }
  | { ok: false; reason: string };

/**
 * Why a file of `size` (bytes, or characters of its text) is refused before it is read, or undefined
 * when its size is fine. The options page asks with the file's size, so a huge file is never read.
 */
export function importSizeProblem(size: number): string | undefined {
  if (size <= MAX_IMPORT_BYTES) return undefined;
  return t('optionsImportTooLarge', Math.round(size / 1024));
}

/**
 * Reads an export file. Anything that is not a Heat Notes settings file is refused whole, with the
 * reason; inside a valid file, fields that fail validation fall back to their defaults and are listed
 * in `notices`. Nothing is stored here: the caller saves only on `ok`.
 */
export function importSettings(text: string): ImportResult {
  const tooLarge = importSizeProblem(text.length);
  if (tooLarge) return { ok: false, reason: tooLarge };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: t('optionsImportNotJson') };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) {
    return { ok: false, reason: t('optionsImportNotOurs') };
  }
  if (!isRecord(parsed.settings)) {
    return { ok: false, reason: t('optionsImportNoSettings') };
  }
  if (typeof parsed.settings.version === 'number' && parsed.settings.version > SETTINGS_VERSION) {
    return { ok: false, reason: t('optionsImportTooNew') };
  }
  const { settings, invalidFields } = parseSettings(parsed.settings);
  const notices = invalidFields.map((field) => t('optionsImportFieldReset', fieldName(field)));
  const sites: string[] = [];
  if (parsed.sites !== undefined) {
    if (!Array.isArray(parsed.sites)) return { ok: false, reason: t('optionsImportSitesNotList') };
    for (const entry of parsed.sites) {
      const site = typeof entry === 'string' ? normalizeSite(entry) : undefined;
      if (site) {
        if (!sites.includes(site)) sites.push(site);
      } else notices.push(t('optionsImportSiteDropped'));
    }
  }
  return { ok: true, settings, sites, notices };
}

/** The sightings export's marker (a file for the user to keep; Heat Notes does not import it). */
export const SIGHTINGS_EXPORT_FORMAT = 'heat-notes-sightings';

export interface SightingsExport {
  format: typeof SIGHTINGS_EXPORT_FORMAT;
  exportedAt: string;
  /** Newest first; `time` as an ISO date, readable without Heat Notes. */
  sightings: Array<Omit<Sighting, 'time'> & { time: string }>;
}

export function exportSightings(sightings: readonly Sighting[], now = new Date()): string {
  const file: SightingsExport = {
    format: SIGHTINGS_EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    sightings: [...sightings]
      .sort((a, b) => b.time - a.time)
      .map(({ entity, url, title, time, count }) => ({ entity, url, title, time: new Date(time).toISOString(), count })),
  };
  return JSON.stringify(file, null, 2);
}

/** A file name for an export made on `now`'s day: `heat-notes-settings-2026-11-23.json`. */
export function exportFileName(kind: 'settings' | 'history', now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `heat-notes-${kind}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
