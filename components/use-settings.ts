import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';

type SettingsStore = typeof import('../lib/settings-store');
export type StoreState = 'loading' | 'ready' | 'unavailable';

/**
 * Settings for an extension page: loaded once, followed when another context changes them, saved on
 * every change. The store (and the browser API with it) loads lazily, so the page still renders, with
 * the defaults, where extension storage is unavailable. `update` resolves to whether the change was
 * kept; on failure the shown value goes back to what is stored.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [state, setState] = useState<StoreState>('loading');
  const store = useRef<SettingsStore | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    import('../lib/settings-store')
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

  const update = async (next: Settings): Promise<boolean> => {
    const previous = settings;
    setSettings(next);
    try {
      if (!store.current) throw new Error('unavailable');
      await store.current.saveSettings(next);
      return true;
    } catch {
      setSettings(previous);
      return false;
    }
  };

  return { settings, state, update };
}
