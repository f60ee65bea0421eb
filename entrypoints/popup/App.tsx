import { useEffect, useRef, useState } from 'preact/hooks';
import { EssayView } from '../../components/EssayView';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

type SettingsStore = typeof import('../../lib/settings-store');
type StoreState = 'loading' | 'ready' | 'unavailable';

/**
 * Settings as the popup needs them. The store (and with it the browser API) is loaded lazily, so the
 * essay still shows, with default settings, where extension storage is unavailable.
 */
function useSettings() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [state, setState] = useState<StoreState>('loading');
  const [error, setError] = useState('');
  const store = useRef<SettingsStore | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    import('../../lib/settings-store')
      .then(async (loaded) => {
        const current = await loaded.loadSettings();
        if (cancelled) return;
        store.current = loaded;
        setSettings(current);
        setState('ready');
        unwatch = loaded.watchSettings((next) => setSettings(next));
      })
      .catch(() => {
        if (!cancelled) setState('unavailable');
      });
    return () => {
      cancelled = true;
      unwatch?.();
    };
  }, []);

  const update = async (next: Settings) => {
    const previous = settings;
    setSettings(next);
    setError('');
    try {
      if (!store.current) throw new Error('unavailable');
      await store.current.saveSettings(next);
    } catch {
      setSettings(previous);
      setError('Couldn’t save the setting: extension storage is unavailable.');
    }
  };

  return { settings, state, error, update };
}

async function openOptions() {
  try {
    const { browser } = await import('wxt/browser');
    await browser.runtime.openOptionsPage();
    window.close();
  } catch {
    // Not running as an extension page: nothing to open.
  }
}

export function App() {
  const { settings, state, error, update } = useSettings();
  const enabled = settings.enabled;
  return (
    <div class="popup">
      <header class="popup__bar">
        <h1 class="popup__title">Heat Notes</h1>
        <label class="popup__toggle">
          <span class="popup__toggle-label">Mark mentions on pages</span>
          <input
            class="switch"
            type="checkbox"
            role="switch"
            checked={enabled}
            disabled={state === 'loading'}
            onChange={(event) => void update({ ...settings, enabled: event.currentTarget.checked })}
          />
        </label>
        <button type="button" class="popup__icon-button" aria-label="Settings" title="Settings" onClick={() => void openOptions()}>
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
          (state === 'unavailable'
            ? 'Settings are unavailable here; showing the defaults.'
            : !enabled
              ? 'Paused: pages are left unmarked.'
              : '')}
      </p>
      <main class="popup__scroll">
        <EssayView />
      </main>
    </div>
  );
}
