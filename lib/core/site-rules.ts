import type { EntityKind } from '../../data/entities';
import { isPaused, type Category, type Settings } from './settings';

/**
 * Where Heat Notes runs: the master switch, "Pause for an hour" and the site list, decided in one
 * place for the content script, the popup and the background. Pure.
 */

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

/** The site a page belongs to, as the site list names sites ("example.com"), or undefined (file:, data:). */
export function siteOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return normalizeSite(parsed.hostname);
}

/** Whether a list entry covers a site: the same host, or a subdomain of it ("news.example.com" by "example.com"). */
function entryCovers(entry: string, site: string): boolean {
  return site === entry || site.endsWith(`.${entry}`);
}

/** Whether any entry of the list covers a site (`entryCovers`). */
export function listCovers(sites: readonly string[], site: string): boolean {
  return sites.some((entry) => entryCovers(entry, site));
}

/** Whether the site list lets Heat Notes run on `site` (undefined: a page that is not on a web site). */
export function siteAllowed(settings: Pick<Settings, 'siteMode'>, sites: readonly string[], site: string | undefined): boolean {
  const listed = site !== undefined && listCovers(sites, site);
  return settings.siteMode === 'never' ? !listed : listed;
}

export type Inactive = 'off' | 'paused' | 'never-list' | 'not-on-only-list';

/** Why Heat Notes leaves a page alone, or undefined when it marks it. */
export function inactiveReason(settings: Settings, sites: readonly string[], url: string, now: number): Inactive | undefined {
  if (!settings.enabled) return 'off';
  if (isPaused(settings, now)) return 'paused';
  if (siteAllowed(settings, sites, siteOf(url))) return undefined;
  return settings.siteMode === 'never' ? 'never-list' : 'not-on-only-list';
}

/**
 * The site list after "Off on this site" (`on` false) or turning a site back on: with a "never" list
 * the site is added or removed; with an "only" list, the other way round. Removing also drops entries
 * that cover the site from above ("example.com" for "news.example.com"), or the site would stay off.
 */
export function setSiteOn(settings: Settings, sites: readonly string[], site: string, on: boolean): string[] {
  const listed = settings.siteMode === 'never' ? !on : on;
  const without = sites.filter((entry) => !entryCovers(entry, site));
  return listed ? [...without, site] : without;
}

/** Which category an entity kind belongs to, for the categories setting. */
export function categoryOf(kind: EntityKind): Category {
  switch (kind) {
    case 'film':
      return 'films';
    case 'person':
      return 'people';
    case 'character':
      return 'characters';
    case 'organization':
    case 'event':
      return 'studios';
  }
}
