import { useStored } from './use-stored';

/**
 * The site list (`storage.local`, through `useStored`), loaded once and followed when another context
 * changes it (the popup's "Off on this site"). `save` shows the new list at once and resolves to
 * whether it was kept; on failure the shown list goes back to what is stored. `ready` once the stored
 * list is in.
 */
export function useSites() {
  const { value, state, save } = useStored<string[]>({
    initial: () => [],
    open: async () => {
      const store = await import('../../lib/browser/settings-store');
      // Entries that are not sites are dropped as the list is read, without a notice.
      return { load: async () => ({ value: await store.loadSites(), invalid: [] }), save: store.saveSites, watch: store.watchSites };
    },
  });
  return { sites: value, ready: state === 'ready', save };
}
