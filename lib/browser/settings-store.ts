import { browser } from 'wxt/browser';
import { parseSettings, type ParsedSettings, type Settings } from '../core/settings';
import { normalizeSite } from '../core/site-rules';
import { watchStorageKey } from './watch-storage';

/**
 * Where settings live. The settings themselves are small and follow the user across browsers
 * (`storage.sync`, one key); the site list can grow long and stays on this machine (`storage.local`),
 * as does a counter the corrections bump so open tabs re-read theirs (they live in IndexedDB, which
 * has no change events).
 */
export const SETTINGS_KEY = 'settings';
export const SITES_KEY = 'sites';
export const CORRECTIONS_REVISION_KEY = 'correctionsRevision';

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithNotice()).settings;
}

/** The settings, and the fields whose stored value was invalid and fell back to its default. */
export async function loadSettingsWithNotice(): Promise<ParsedSettings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls `onChange` with the new settings whenever any context changes them; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchStorageKey('sync', SETTINGS_KEY, (value) => onChange(parseSettings(value).settings));
}

/** The site list ("never on" or "only on", as `settings.siteMode` says); entries that are not sites are dropped. */
export async function loadSites(): Promise<string[]> {
  const stored = await browser.storage.local.get(SITES_KEY);
  return parseSites(stored[SITES_KEY]);
}

export async function saveSites(sites: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [SITES_KEY]: parseSites(sites) });
}

export function watchSites(onChange: (sites: string[]) => void): () => void {
  return watchStorageKey('local', SITES_KEY, (value) => onChange(parseSites(value)));
}

/** Tells open tabs that the corrections changed (added from a card, undone on the options page). */
export async function bumpCorrectionsRevision(): Promise<void> {
  await browser.storage.local.set({ [CORRECTIONS_REVISION_KEY]: Date.now() });
}

export function watchCorrectionsRevision(onChange: () => void): () => void {
  return watchStorageKey('local', CORRECTIONS_REVISION_KEY, () => onChange());
}

function parseSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites: string[] = [];
  for (const entry of value) {
    const site = typeof entry === 'string' ? normalizeSite(entry) : undefined;
    if (site && !sites.includes(site)) sites.push(site);
  }
  return sites;
}
