import { DEFAULT_SETTINGS, type Settings } from '../../lib/core/settings';
import { useStored } from './use-stored';

export type { StoreState } from './use-stored';

/**
 * Writes wait this long for the next change: `storage.sync` allows 120 writes a minute, and a slider
 * or a run of clicks would otherwise spend them. Open tabs follow the write, so it stays short.
 */
export const SETTINGS_WRITE_DELAY_MS = 250;

/**
 * Settings for an extension page (`useStored`): loaded once, followed when another context changes
 * them, saved debounced. `update` shows the change at once and resolves to whether it was kept; on
 * failure the shown value goes back to what is stored. `invalidFields` names stored values that were
 * not valid and fell back to their defaults.
 */
export function useSettings() {
  const { value, state, invalid, save } = useStored<Settings>({
    initial: () => ({ ...DEFAULT_SETTINGS }),
    open: async () => {
      const store = await import('../../lib/browser/settings-store');
      return {
        load: async () => {
          const { settings, invalidFields } = await store.loadSettingsWithNotice();
          return { value: settings, invalid: invalidFields };
        },
        save: store.saveSettings,
        watch: store.watchSettings,
      };
    },
    writeDelayMs: SETTINGS_WRITE_DELAY_MS,
  });
  return { settings: value, state, invalidFields: invalid, update: save };
}
