import { useEffect, useRef, useState } from 'preact/hooks';

type SettingsStore = typeof import('../lib/settings-store');

/**
 * The site list for an extension page: loaded once, followed when another context changes it.
 * `update` shows the change at once and resolves to whether it was kept.
 */
export function useSites() {
  const [sites, setSites] = useState<string[]>([]);
  const store = useRef<SettingsStore | null>(null);

  useEffect(() => {
    let cancelled = false;
    let unwatch: (() => void) | undefined;
    import('../lib/settings-store')
      .then(async (loaded) => {
        const current = await loaded.loadSites();
        if (cancelled) return;
        store.current = loaded;
        setSites(current);
        unwatch = loaded.watchSites(setSites);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      unwatch?.();
    };
  }, []);

  const update = async (next: string[]): Promise<boolean> => {
    const previous = sites;
    setSites(next);
    try {
      if (!store.current) throw new Error('unavailable');
      await store.current.saveSites(next);
      return true;
    } catch {
      setSites(previous);
      return false;
    }
  };

  return { sites, update };
}
