import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';

type SettingsStore = typeof import('../../lib/settings-store');
type StoreState = 'loading' | 'ready' | 'unavailable';

/**
 * Settings as the options page needs them: loaded once, followed when another window changes them,
 * saved on every change with a status line to say so. The store (and the browser API with it) loads
 * lazily, so the page still renders, with the defaults, where extension storage is unavailable.
 */
function useSettings() {
  const [settings, setSettings] = useState<Settings>({ ...DEFAULT_SETTINGS });
  const [state, setState] = useState<StoreState>('loading');
  const [status, setStatus] = useState('');
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
        if (cancelled) return;
        setState('unavailable');
        setStatus('Settings storage is unavailable here; showing the defaults. Changes will not be kept.');
      });
    return () => {
      cancelled = true;
      unwatch?.();
    };
  }, []);

  const update = async (next: Settings) => {
    const previous = settings;
    setSettings(next);
    // Empty first, so that a second "Saved" in a row is announced again.
    setStatus('');
    try {
      if (!store.current) throw new Error('unavailable');
      await store.current.saveSettings(next);
      setStatus('Saved');
    } catch {
      setSettings(previous);
      setStatus('Couldn’t save: settings storage is unavailable.');
    }
  };

  return { settings, state, status, update };
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={`${id}-title`}>
      <h2 class="section__title" id={`${id}-title`}>
        {title}
      </h2>
      <div class="section__body">{children}</div>
    </section>
  );
}

interface SwitchSettingProps {
  id: string;
  label: string;
  description: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

function SwitchSetting({ id, label, description, checked, disabled, onChange }: SwitchSettingProps) {
  return (
    <div class="setting">
      <div class="setting__text">
        <label class="setting__label" for={id}>
          {label}
        </label>
        <p class="setting__description" id={`${id}-description`}>
          {description}
        </p>
      </div>
      <input
        class="switch"
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-description`}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </div>
  );
}

export function App() {
  const { settings, state, status, update } = useSettings();
  return (
    <div class="page">
      <header class="page__header">
        <p class="page__eyebrow">Heat Notes</p>
        <h1 class="page__title">Settings</h1>
        <p class="page__lede">
          Heat Notes marks names from Michael Mann’s <cite>Heat</cite> (1995) — its cast, its two leads, related
          films, studios and festival — on the pages you read, and shows what one essay says about each.
        </p>
      </header>
      <main class="page__main">
        <Section id="pages" title="On web pages">
          <SwitchSetting
            id="setting-enabled"
            label="Mark mentions on pages"
            description="Highlights the names Heat Notes knows on every page you visit; rest the pointer on one to see its card. Turn it off to leave pages untouched."
            checked={settings.enabled}
            disabled={state === 'loading'}
            onChange={(enabled) => void update({ ...settings, enabled })}
          />
        </Section>
        <p class={status === 'Saved' ? 'status status--ok' : 'status'} role="status" aria-live="polite">
          {status}
        </p>
      </main>
    </div>
  );
}
