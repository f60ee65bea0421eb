import { SETTINGS_VERSION, isRecord, parseSettings, type Settings } from './settings';

/**
 * The settings file users export and import (options page only). Pure: tests in Node.
 */

/** The export file's marker, so an unrelated JSON file is refused with a clear reason. */
export const EXPORT_FORMAT = 'heat-notes-settings';
/** Far larger than any real export; a bigger file is not read at all. */
export const MAX_IMPORT_BYTES = 64 * 1024;

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

/** A site list entry: a hostname, lower case, without scheme, port or path. */
export function normalizeSite(input: string): string | undefined {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return undefined;
  let host = trimmed;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return undefined;
  }
  host = host.replace(/^www\./, '');
  const looksLikeHost = (/^[a-z0-9.-]+$/.test(host) && host.includes('.')) || host === 'localhost';
  return looksLikeHost ? host : undefined;
}

/**
 * Reads an export file. Anything that is not a Heat Notes settings file is refused whole, with the
 * reason; inside a valid file, fields that fail validation fall back to their defaults and are listed
 * in `notices`. Nothing is stored here: the caller saves only on `ok`.
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, reason: `The file is too large (${Math.round(text.length / 1024)} KB); a settings file is a few KB.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not valid JSON.' };
  }
  if (!isRecord(parsed) || parsed.format !== EXPORT_FORMAT) {
    return { ok: false, reason: 'This is not a Heat Notes settings file.' };
  }
  if (!isRecord(parsed.settings)) {
    return { ok: false, reason: 'The file has no settings in it.' };
  }
  if (typeof parsed.settings.version === 'number' && parsed.settings.version > SETTINGS_VERSION) {
    return { ok: false, reason: 'The file comes from a newer version of Heat Notes; update Heat Notes first.' };
  }
  const { settings, invalidFields } = parseSettings(parsed.settings);
  const notices = invalidFields.map((field) => `“${field}” was not valid and was set to its default.`);
  const sites: string[] = [];
  if (parsed.sites !== undefined) {
    if (!Array.isArray(parsed.sites)) return { ok: false, reason: 'The site list in the file is not a list.' };
    for (const entry of parsed.sites) {
      const site = typeof entry === 'string' ? normalizeSite(entry) : undefined;
      if (site) {
        if (!sites.includes(site)) sites.push(site);
      } else notices.push(`A site entry was not a site name and was left out.`);
    }
  }
  return { ok: true, settings, sites, notices };
}
