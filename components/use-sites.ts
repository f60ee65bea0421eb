import { useEffect, useRef, useState } from 'preact/hooks';

type SettingsStore = typeof import('../lib/browser/settings-store');

/**
 * The site list (`storage.local`), loaded once and followed when another context changes it (the
 * popup's "Off on this site"). `save` shows the new list at once and resolves to whether it was kept;
 * on failure the shown list goes back to what is stored. Like `useSettings`, the store loads lazily,
 * so the page renders where extension storage is unavailable.
 */
export function useSites() {
  const [sites, setSites] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const store = useRef<SettingsStore | null>(null);
  const stored = useRef<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    import('../lib/browser/settings-store')
      .then(async (loaded) => {
        const current = await loaded.loadSites();
        if (cancelled) return;
        store.current = loaded;
        stored.current = current;
        setSites(current);
        setReady(true);
        unwatch = loaded.watchSites((next) => {
          stored.current = next;
          setSites(next);
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
      unwatch?.();
    };
  }, []);

  const save = async (next: string[]): Promise<boolean> => {
    setSites(next);
    try {
      if (!store.current) throw new Error('unavailable');
      await store.current.saveSites(next);
      stored.current = next;
      return true;
    } catch {
      setSites(stored.current);
      return false;
    }
  };

  return { sites, ready, save };
}
