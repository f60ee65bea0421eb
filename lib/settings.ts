/**
 * User settings: their shape, defaults and validation. Pure: the storage wrapper lives in
 * `settings-store.ts`, so this file tests in plain Node.
 */

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Master switch: when off, no page is scanned and no highlight is painted. */
  enabled: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
});

/**
 * Reads whatever storage holds into valid settings: each field that is missing or of the wrong type
 * falls back to its default alone, and the names of those fields are returned so the UI can say so.
 */
export function parseSettings(stored: unknown): { settings: Settings; invalidFields: string[] } {
  const invalidFields: string[] = [];
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  let enabled = DEFAULT_SETTINGS.enabled;
  if ('enabled' in source) {
    if (typeof source.enabled === 'boolean') enabled = source.enabled;
    else invalidFields.push('enabled');
  }
  return { settings: { version: SETTINGS_VERSION, enabled }, invalidFields };
}
