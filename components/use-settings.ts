import { useEffect, useRef, useState } from 'preact/hooks';
import { debouncedWriter, type DebouncedWriter } from '../lib/core/debounced-writer';
import { DEFAULT_SETTINGS, type Settings } from '../lib/core/settings';

type SettingsStore = typeof import('../lib/browser/settings-store');
export type StoreState = 'loading' | 'ready' | 'unavailable';

/**
 * Writes wait this long for the next change: `storage.sync` allows 120 writes a minute, and a slider
 * or a run of clicks would otherwise spend them. Open tabs follow the write, so it stays short.
 */
export const SETTINGS_WRITE_DELAY_MS = 250;

/**
 * Settings for an extension page: loaded once, followed when another context changes them, saved
 * (debounced) on every change. The store (and the browser API with it) loads lazily, so the page still
 * renders, with the defaults, where extension storage is unavailable. `update` shows the change at
 * once and resolves to whether it was kept; on failure the shown value goes back to what is stored.
 * `invalidFields` names stored values that were not valid and fell back to their defaults.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [state, setState] = useState<StoreState>('loading');
  const [invalidFields, setInvalidFields] = useState<string[]>([]);
  const store = useRef<SettingsStore | null>(null);
  const writer = useRef<DebouncedWriter<Settings> | null>(null);
  const stored = useRef<Settings>(settings);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    const flush = () => void writer.current?.flush();
    import('../lib/browser/settings-store')
      .then(async (loaded) => {
        const current = await loaded.loadSettingsWithNotice();
        if (cancelled) return;
        store.current = loaded;
        writer.current = debouncedWriter(loaded.saveSettings, SETTINGS_WRITE_DELAY_MS);
        stored.current = current.settings;
        setSettings(current.settings);
        setInvalidFields(current.invalidFields);
        setState('ready');
        unwatch = loaded.watchSettings((next) => {
          stored.current = next;
          setSettings(next);
        });
      })
      .catch(() => {
        if (!cancelled) setState('unavailable');
      });
    // A change still waiting when the page closes is written at once.
    addEventListener('pagehide', flush);
    return () => {
      cancelled = true;
      unwatch?.();
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const update = async (next: Settings): Promise<boolean> => {
    setSettings(next);
    try {
      if (!writer.current) throw new Error('unavailable');
      await writer.current.write(next);
      setInvalidFields([]);
      return true;
    } catch {
      setSettings(stored.current);
      return false;
    }
  };

  return { settings, state, invalidFields, update };
}
