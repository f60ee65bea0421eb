import { t, tParts } from '../../lib/browser/i18n';
import { isPaused, type Settings } from '../../lib/core/settings';
import { setSiteOn, siteAllowed } from '../../lib/core/site-rules';

/** "Pause for an hour" lasts this long. */
export const PAUSE_MS = 60 * 60 * 1000;

export interface SiteControlsProps {
  settings: Settings;
  /** The site list, as stored. */
  sites: readonly string[];
  /** The active tab's site; undefined where Heat Notes cannot run (a browser page, a PDF). */
  site: string | undefined;
  now: number;
  onSettings: (next: Settings) => void;
  onSites: (next: string[]) => void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * The popup's one-click controls: off on this site (or back on), and pause everywhere for an hour
 * (or resume). Shown only while Heat Notes is switched on: off, the switch above says it all.
 */
export function SiteControls({ settings, sites, site, now, onSettings, onSites }: SiteControlsProps) {
  if (!settings.enabled) return null;
  const paused = isPaused(settings, now);
  const siteOff = site !== undefined && !siteAllowed(settings, sites, site);
  return (
    <div class="site-controls">
      {paused ? (
        <p class="site-controls__state">
          {tParts('sitePausedUntil', <time dateTime={new Date(settings.pausedUntil).toISOString()}>{timeFormat.format(settings.pausedUntil)}</time>)}
        </p>
      ) : (
        site && (
          <p class="site-controls__state">{tParts(siteOff ? 'siteOffOn' : 'siteOnFor', <span class="site-controls__site">{site}</span>)}</p>
        )
      )}
      <div class="site-controls__buttons">
        {site && !paused && (
          <button
            type="button"
            class="site-controls__button"
            onClick={() => onSites(setSiteOn(settings, sites, site, siteOff))}
          >
            {t(siteOff ? 'siteTurnOn' : 'siteTurnOff')}
          </button>
        )}
        <button
          type="button"
          class="site-controls__button"
          onClick={() => onSettings({ ...settings, pausedUntil: paused ? 0 : now + PAUSE_MS })}
        >
          {t(paused ? 'siteResume' : 'sitePause')}
        </button>
      </div>
    </div>
  );
}
