import type { Settings } from '../../core/settings';
import { inactiveReason, siteOf } from '../../core/site-rules';

/**
 * Whether a visit may be remembered. Only when the user asked for the history, never in a private
 * window, never where Heat Notes is off, paused or kept away by the site list, and only for web pages.
 */
export function mayRecordSightings(visit: {
  settings: Settings;
  sites: readonly string[];
  url: string;
  incognito: boolean;
  now: number;
}): boolean {
  const { settings, sites, url, incognito, now } = visit;
  if (!settings.rememberSightings || incognito) return false;
  if (siteOf(url) === undefined) return false;
  return inactiveReason(settings, sites, url, now) === undefined;
}

/** The address a sighting keeps: the page without its fragment (the same page read at two anchors). */
export function sightingUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
