import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { THEMES, type Settings, type Theme } from '../../lib/settings';
import { useSettings } from '../../components/use-settings';

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

/** A setting's row: its label and description, and the control that changes it. */
function SettingRow({ id, label, description, children }: { id: string; label: string; description: string; children: ComponentChildren }) {
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
      {children}
    </div>
  );
}

function SwitchSetting({ id, label, description, checked, disabled, onChange }: SwitchSettingProps) {
  return (
    <SettingRow id={id} label={label} description={description}>
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
    </SettingRow>
  );
}

const THEME_LABELS: Record<Theme, string> = { system: 'Follow the system and the page', light: 'Light', dark: 'Dark' };

interface ChoiceSettingProps<T extends string> {
  id: string;
  label: string;
  description: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  disabled?: boolean;
  onChange: (value: T) => void;
}

function ChoiceSetting<T extends string>({ id, label, description, value, options, labels, disabled, onChange }: ChoiceSettingProps<T>) {
  return (
    <SettingRow id={id} label={label} description={description}>
      <select
        class="choice"
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={`${id}-description`}
        onChange={(event) => onChange(event.currentTarget.value as T)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </SettingRow>
  );
}

export function App() {
  const { settings, state, update } = useSettings();
  const [saveStatus, setSaveStatus] = useState('');
  const status =
    saveStatus ||
    (state === 'unavailable' ? 'Settings storage is unavailable here; showing the defaults. Changes will not be kept.' : '');
  const save = async (next: Settings) => {
    // Empty first, so that a second "Saved" in a row is announced again.
    setSaveStatus('');
    const kept = await update(next);
    setSaveStatus(kept ? 'Saved' : 'Couldn’t save: settings storage is unavailable.');
  };
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
            onChange={(enabled) => void save({ ...settings, enabled })}
          />
        </Section>
        <Section id="cards" title="Cards">
          <SwitchSetting
            id="setting-spoilers"
            label="I’ve seen Heat"
            description="Show the facts that give away how the film ends without asking first. Off, they stay behind “Reveal”."
            checked={settings.spoilersRevealed}
            disabled={state === 'loading'}
            onChange={(spoilersRevealed) => void save({ ...settings, spoilersRevealed })}
          />
          <ChoiceSetting
            id="setting-theme"
            label="Card colours"
            description="Following the system, a card also turns dark over a dark page."
            value={settings.theme}
            options={THEMES}
            labels={THEME_LABELS}
            disabled={state === 'loading'}
            onChange={(theme) => void save({ ...settings, theme })}
          />
        </Section>
        <p class={status === 'Saved' ? 'status status--ok' : 'status'} role="status" aria-live="polite">
          {status}
        </p>
      </main>
    </div>
  );
}
