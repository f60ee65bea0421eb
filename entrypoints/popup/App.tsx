import { useEffect, useMemo, useState } from 'preact/hooks';
import { Ensemble } from '../../components/essay/Ensemble';
import { SiteControls } from '../../components/site/SiteControls';
import { EssayView } from '../../components/essay/EssayView';
import { OnThisPage } from '../../components/on-this-page/OnThisPage';
import { ReaderControls } from '../../components/reader/ReaderControls';
import { Timeline } from '../../components/essay/Timeline';
import { useReaderPrefs } from '../../components/reader/use-reader-prefs';
import { useSettings } from '../../components/shared/use-settings';
import { useSites } from '../../components/shared/use-sites';
import type { EntityId } from '../../data/catalog';
import { t } from '../../lib/browser/i18n';
import { ESSAY_PAGE } from '../../lib/core/essay-address';
import type { EntitySightings } from '../../lib/browser/memory/db';
import { isPaused } from '../../lib/core/settings';
import { siteAllowed } from '../../lib/core/site-rules';
import { canReadAlongside, openAlongside } from '../../lib/browser/side-panel';

/** The picture width before the popup is measured: its content box at Chrome's default popup width. */
const PICTURE_WIDTH = 330;

async function openOptions() {
  try {
    const { browser } = await import('wxt/browser');
    await browser.runtime.openOptionsPage();
    window.close();
  } catch {
    // Not running as an extension page: nothing to open.
  }
}

/** Opens the essay page in a new tab and closes the popup; the link's own behaviour is the fallback. */
async function openEssayPage(event: MouseEvent) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  try {
    const { browser } = await import('wxt/browser');
    await browser.tabs.create({ url: browser.runtime.getURL(ESSAY_PAGE) });
    window.close();
  } catch {
    window.open(ESSAY_PAGE, '_blank', 'noopener');
  }
}

/**
 * "Read alongside": the side panel opens only in the click's own gesture, so the window's id is read
 * while the popup opens, and the button calls `openAlongside` before anything is awaited. Undefined
 * where the browser has no side panel (then there is no button).
 */
function useReadAlongside(onFailed: () => void): (() => void) | undefined {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const available = useMemo(() => canReadAlongside(), []);
  useEffect(() => {
    if (!available) return;
    import('wxt/browser')
      .then(({ browser }) => browser.windows.getCurrent())
      .then((found) => setWindowId(found.id), () => undefined);
  }, [available]);
  if (!available) return undefined;
  return () => {
    openAlongside(windowId).then(() => window.close(), onFailed);
  };
}

/** The active tab's site, asked of its content script (no `tabs` permission to read its address). */
function useActiveSite(): string | undefined {
  const [site, setSite] = useState<string | undefined>(undefined);
  useEffect(() => {
    import('../../components/on-this-page/page-api')
      .then((api) => api.activeSite())
      .then(setSite, () => undefined);
  }, []);
  return site;
}

/** Where each name was met before, from the extension's IndexedDB. */
async function loadSightings(entities: EntityId[]): Promise<Map<EntityId, EntitySightings>> {
  const { openMemory, sightingsOf } = await import('../../lib/browser/memory/db');
  const db = await openMemory();
  try {
    const found = await Promise.all(entities.map(async (entity) => [entity, await sightingsOf(db, entity)] as const));
    return new Map(found);
  } finally {
    db.close();
  }
}

export function App() {
  const { settings, state, update } = useSettings();
  const { sites, save: saveSites } = useSites();
  const site = useActiveSite();
  const reader = useReaderPrefs();
  const [error, setError] = useState('');
  const enabled = settings.enabled;
  const now = Date.now();
  const paused = isPaused(settings, now);
  const readAlongside = useReadAlongside(() => setError(t('popupReadAlongsideFailed')));
  const save = async (next: typeof settings) => {
    const kept = await update(next);
    setError(kept ? '' : t('popupSaveFailed'));
  };
  return (
    <div class="popup">
      <header class="popup__bar">
        <h1 class="popup__title">{t('extName')}</h1>
        <label class="popup__toggle">
          <span class="popup__toggle-label">{t('popupToggle')}</span>
          <input
            class="switch"
            type="checkbox"
            role="switch"
            checked={enabled}
            disabled={state === 'loading'}
            onChange={(event) => void save({ ...settings, enabled: event.currentTarget.checked })}
          />
        </label>
        <button type="button" class="popup__icon-button" aria-label={t('popupSettings')} title={t('popupSettings')} onClick={() => void openOptions()}>
          <svg
            viewBox="0 0 24 24"
            width="18"
            height="18"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            aria-hidden="true"
            focusable="false"
          >
            <circle cx="12" cy="12" r="3" />
            <path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 0 1 0 2.83 2 2 0 0 1-2.83 0l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 0 1-2 2 2 2 0 0 1-2-2v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 0 1-2.83 0 2 2 0 0 1 0-2.83l.06-.06a1.65 1.65 0 0 0 .33-1.82 1.65 1.65 0 0 0-1.51-1H3a2 2 0 0 1-2-2 2 2 0 0 1 2-2h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 0 1 0-2.83 2 2 0 0 1 2.83 0l.06.06a1.65 1.65 0 0 0 1.82.33H9a1.65 1.65 0 0 0 1-1.51V3a2 2 0 0 1 2-2 2 2 0 0 1 2 2v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 0 1 2.83 0 2 2 0 0 1 0 2.83l-.06.06a1.65 1.65 0 0 0-.33 1.82V9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 0 1 2 2 2 2 0 0 1-2 2h-.09a1.65 1.65 0 0 0-1.51 1z" />
          </svg>
        </button>
      </header>
      <p class="popup__notice" role="status">
        {error ||
          (state === 'unavailable' ? t('popupSettingsUnavailable') : !enabled ? t('popupOff') : '')}
      </p>
      {state === 'ready' && (
        <SiteControls
          settings={settings}
          sites={sites}
          site={site}
          now={now}
          onSettings={(next) => void save(next)}
          onSites={async (next) => {
            const kept = await saveSites(next);
            setError(kept ? '' : t('popupSitesSaveFailed'));
          }}
        />
      )}
      <main class="popup__scroll">
        <OnThisPage
          enabled={enabled}
          paused={paused}
          siteOff={site !== undefined && !siteAllowed(settings, sites, site)}
          ready={state !== 'loading'}
          loadSightings={settings.rememberSightings ? loadSightings : undefined}
          onRemember={settings.rememberSightings ? undefined : () => void save({ ...settings, rememberSightings: true })}
        />
        <EssayView
          spoilersRevealed={settings.spoilersRevealed}
          titleAside={
            <span class="popup__ways">
              {readAlongside && (
                <button type="button" class="popup__alongside" onClick={readAlongside}>
                  {t('popupReadAlongside')}
                </button>
              )}
              <a class="popup__open-page" href={ESSAY_PAGE} target="_blank" rel="noopener" onClick={(event) => void openEssayPage(event)}>
                {t('popupOpenPage')}
              </a>
            </span>
          }
          headerExtra={
            <>
              <div class="popup__reader-bar">
                <ReaderControls compact prefs={reader.prefs} onChange={(next) => void reader.update(next)} />
              </div>
              <details class="popup__pictures">
                <summary class="popup__pictures-summary">{t('popupPictures')}</summary>
                <div class="popup__pictures-body">
                  <Timeline initialWidth={PICTURE_WIDTH} />
                  <Ensemble initialWidth={PICTURE_WIDTH} />
                </div>
              </details>
            </>
          }
        />
      </main>
    </div>
  );
}
