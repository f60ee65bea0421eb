import { useEffect, useRef, useState } from 'preact/hooks';
import {
  HIGHLIGHT_STYLES,
  MODIFIER_KEYS,
  OPEN_DELAY_RANGE,
  THEMES,
  TRIGGERS,
  type Category,
  type HighlightStyle,
  type ModifierKey,
  type Settings,
  type Theme,
  type Trigger,
} from '../../lib/settings';
import { useSettings } from '../../components/use-settings';
import { Backup } from '../../components/options/Backup';
import { CardPreview } from '../../components/options/CardPreview';
import { ColorChoice } from '../../components/options/ColorChoice';
import { CorrectionsList } from '../../components/options/CorrectionsList';
import { HighlightPreview } from '../../components/options/HighlightPreview';
import { InvalidNotice } from '../../components/options/InvalidNotice';
import { PauseStatus } from '../../components/options/PauseStatus';
import { SightingsList } from '../../components/options/SightingsList';
import { SiteList } from '../../components/options/SiteList';
import { RadioSetting, RangeSetting, Section, SelectSetting, SwitchSetting } from '../../components/options/controls';
import { useSites } from '../../components/use-sites';

const TEXT = {
  eyebrow: 'Heat Notes',
  title: 'Settings',
  nav: 'Sections',
  saved: 'Saved',
  saveFailed: 'Couldn’t save: settings storage is unavailable.',
  unavailable: 'Settings storage is unavailable here; showing the defaults. Changes will not be kept.',
  sections: {
    pages: 'On web pages',
    marking: 'What to mark',
    highlights: 'Highlights',
    cards: 'Cards',
    memory: 'Memory',
    corrections: 'Not this one',
    backup: 'Backup',
  },
  enabled: {
    label: 'Mark mentions on pages',
    description:
      'Highlights the names Heat Notes knows on every page you visit; rest the pointer on one to see its card. Turn it off to leave pages untouched.',
  },
  categories: {
    films: { label: 'Films', description: 'Heat, and the films around it such as L.A. Takedown.' },
    people: { label: 'People', description: 'Cast and crew, such as Al Pacino and Michael Mann.' },
    characters: { label: 'Characters', description: 'Vincent Hanna and Neil McCauley.' },
    studios: { label: 'Studios and festival', description: 'Warner Bros., United Artists and the Busan International Film Festival.' },
  } satisfies Record<Category, { label: string; description: string }>,
  firstMention: {
    label: 'First mention only',
    description: 'Mark each name once per page, where it first appears. Off, every mention is marked.',
  },
  style: {
    label: 'Style',
    labels: { underline: 'Underline', background: 'Soft background', none: 'None' } satisfies Record<HighlightStyle, string>,
    hints: {
      underline: 'A thin line under each name, over a faint wash.',
      background: 'A soft wash of colour behind each name.',
      none: 'Names are not marked, but cards still open.',
    } satisfies Record<HighlightStyle, string>,
  },
  trigger: {
    label: 'Open a card',
    labels: { hover: 'On hover', click: 'On click', modifier: 'On hover while holding a key' } satisfies Record<Trigger, string>,
    hints: {
      hover: 'Rest the pointer on a marked name.',
      click: 'Click a marked name.',
      modifier: 'Cards never open by accident while you read.',
    } satisfies Record<Trigger, string>,
  },
  modifierKey: {
    label: 'Key to hold',
    labels: { Alt: 'Alt (Option on a Mac)', Shift: 'Shift', Control: 'Ctrl', Meta: 'Command (⌘) or the Windows key' } satisfies Record<ModifierKey, string>,
  },
  delay: {
    label: 'Open delay',
    description: 'How long the pointer rests on a name before its card opens. Shorter is quicker; longer opens fewer cards by accident.',
    clickNote: 'Cards open on click, so there is no delay to set.',
    format: (ms: number) => `${ms} ms`,
    spoken: (ms: number) => `${ms} milliseconds`,
  },
  theme: {
    label: 'Card colours',
    description: 'Following the system, a card also turns dark over a dark page.',
    labels: { system: 'Follow the system and the page', light: 'Light', dark: 'Dark' } satisfies Record<Theme, string>,
  },
  spoilers: {
    label: 'I’ve seen Heat',
    description: 'Show the facts that give away how the film ends without asking first. Off, they stay behind “Reveal”.',
  },
  remember: {
    label: 'Remember where I met these names',
    description:
      'Keeps a list of the pages where Heat Notes found names, on this device only. Never in private windows, and never on sites where Heat Notes is off.',
  },
  correctionsIntro: 'Matches you hid from a card with “Not this one”. Each stays hidden on its site until you undo it.',
};

/** The slider's step: the open delay in steps a person can tell apart. */
const DELAY_STEP_MS = 50;
/** "Saved" stays this long, then the status line empties (a new save announces again). */
const SAVED_VISIBLE_MS = 2_500;

export function App() {
  const { settings, state, invalidFields, update } = useSettings();
  const sites = useSites();
  const [saveStatus, setSaveStatus] = useState('');
  const [noticeDismissed, setNoticeDismissed] = useState(false);
  const clearTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const status = saveStatus || (state === 'unavailable' ? TEXT.unavailable : '');
  const loading = state === 'loading';

  /** Saves (debounced by useSettings) and says so; resolves to whether the change was kept. */
  const save = async (next: Settings): Promise<boolean> => {
    // Empty first, so that a second "Saved" in a row is announced again.
    setSaveStatus('');
    clearTimeout(clearTimer.current);
    const kept = await update(next);
    setSaveStatus(kept ? TEXT.saved : TEXT.saveFailed);
    if (kept) clearTimer.current = setTimeout(() => setSaveStatus(''), SAVED_VISIBLE_MS);
    return kept;
  };
  const change = <K extends keyof Settings>(key: K, value: Settings[K]) => void save({ ...settings, [key]: value });

  return (
    <div class="page">
      <header class="page__header">
        <p class="page__eyebrow">{TEXT.eyebrow}</p>
        <h1 class="page__title">{TEXT.title}</h1>
        <p class="page__lede">
          Heat Notes marks names from Michael Mann’s <cite>Heat</cite> (1995) — its cast, its two leads, related
          films, studios and festival — on the pages you read, and shows what one essay says about each.
        </p>
        <nav class="page__nav" aria-label={TEXT.nav}>
          <ul>
            {Object.entries(TEXT.sections).map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="page__main">
        {!noticeDismissed && <InvalidNotice fields={invalidFields} onDismiss={() => setNoticeDismissed(true)} />}

        <Section id="pages" title={TEXT.sections.pages}>
          <SwitchSetting
            id="setting-enabled"
            label={TEXT.enabled.label}
            description={TEXT.enabled.description}
            checked={settings.enabled}
            disabled={loading}
            onChange={(enabled) => change('enabled', enabled)}
          />
          <PauseStatus pausedUntil={settings.pausedUntil} onResume={() => change('pausedUntil', 0)} />
          <SiteList
            mode={settings.siteMode}
            onModeChange={(siteMode) => change('siteMode', siteMode)}
            sites={sites.sites}
            save={sites.save}
            disabled={loading}
          />
        </Section>

        <Section id="marking" title={TEXT.sections.marking}>
          {(Object.keys(TEXT.categories) as Category[]).map((category) => (
            <SwitchSetting
              key={category}
              id={`setting-category-${category}`}
              label={TEXT.categories[category].label}
              description={TEXT.categories[category].description}
              checked={settings.categories[category]}
              disabled={loading}
              onChange={(on) => change('categories', { ...settings.categories, [category]: on })}
            />
          ))}
          <SwitchSetting
            id="setting-first-mention"
            label={TEXT.firstMention.label}
            description={TEXT.firstMention.description}
            checked={settings.firstMentionOnly}
            disabled={loading}
            onChange={(firstMentionOnly) => change('firstMentionOnly', firstMentionOnly)}
          />
        </Section>

        <Section id="highlights" title={TEXT.sections.highlights}>
          <RadioSetting
            id="setting-highlight-style"
            label={TEXT.style.label}
            value={settings.highlightStyle}
            options={HIGHLIGHT_STYLES}
            labels={TEXT.style.labels}
            hints={TEXT.style.hints}
            disabled={loading}
            onChange={(highlightStyle) => change('highlightStyle', highlightStyle)}
          />
          <ColorChoice value={settings.highlightColor} disabled={loading} onChange={(highlightColor) => change('highlightColor', highlightColor)} />
          <div class="setting setting--preview">
            <HighlightPreview
              style={settings.highlightStyle}
              color={settings.highlightColor}
              firstMentionOnly={settings.firstMentionOnly}
              categories={settings.categories}
            />
          </div>
        </Section>

        <Section id="cards" title={TEXT.sections.cards}>
          <RadioSetting
            id="setting-trigger"
            label={TEXT.trigger.label}
            value={settings.trigger}
            options={TRIGGERS}
            labels={TEXT.trigger.labels}
            hints={TEXT.trigger.hints}
            disabled={loading}
            onChange={(trigger) => change('trigger', trigger)}
          >
            {settings.trigger === 'modifier' && (
              <div class="nested">
                <label class="nested__label" for="setting-modifier-key">
                  {TEXT.modifierKey.label}
                </label>
                <select
                  class="choice"
                  id="setting-modifier-key"
                  value={settings.modifierKey}
                  disabled={loading}
                  onChange={(event) => change('modifierKey', event.currentTarget.value as ModifierKey)}
                >
                  {MODIFIER_KEYS.map((key) => (
                    <option key={key} value={key}>
                      {TEXT.modifierKey.labels[key]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </RadioSetting>
          <RangeSetting
            id="setting-open-delay"
            label={TEXT.delay.label}
            description={settings.trigger === 'click' ? TEXT.delay.clickNote : TEXT.delay.description}
            value={settings.openDelayMs}
            min={OPEN_DELAY_RANGE.min}
            max={OPEN_DELAY_RANGE.max}
            step={DELAY_STEP_MS}
            format={TEXT.delay.format}
            spoken={TEXT.delay.spoken}
            disabled={loading || settings.trigger === 'click'}
            onChange={(openDelayMs) => change('openDelayMs', openDelayMs)}
          />
          <SelectSetting
            id="setting-theme"
            label={TEXT.theme.label}
            description={TEXT.theme.description}
            value={settings.theme}
            options={THEMES}
            labels={TEXT.theme.labels}
            disabled={loading}
            onChange={(theme) => change('theme', theme)}
          />
          <SwitchSetting
            id="setting-spoilers"
            label={TEXT.spoilers.label}
            description={TEXT.spoilers.description}
            checked={settings.spoilersRevealed}
            disabled={loading}
            onChange={(spoilersRevealed) => change('spoilersRevealed', spoilersRevealed)}
          />
          <div class="setting setting--preview">
            <CardPreview theme={settings.theme} spoilersRevealed={settings.spoilersRevealed} />
          </div>
        </Section>

        <Section id="memory" title={TEXT.sections.memory}>
          <SwitchSetting
            id="setting-remember"
            label={TEXT.remember.label}
            description={TEXT.remember.description}
            checked={settings.rememberSightings}
            disabled={loading}
            onChange={(rememberSightings) => change('rememberSightings', rememberSightings)}
          />
          <div class="setting">
            <SightingsList remembering={settings.rememberSightings} />
          </div>
        </Section>

        <Section id="corrections" title={TEXT.sections.corrections} intro={TEXT.correctionsIntro}>
          <div class="setting">
            <CorrectionsList />
          </div>
        </Section>

        <Section id="backup" title={TEXT.sections.backup}>
          <div class="setting">
            <Backup settings={settings} sites={sites.sites} saveSettings={save} saveSites={sites.save} disabled={loading || !sites.ready} />
          </div>
        </Section>

        <p class={status === TEXT.saved ? 'status status--ok' : status ? 'status status--shown' : 'status'} role="status" aria-live="polite">
          {status}
        </p>
      </main>
    </div>
  );
}
