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
} from '../../lib/core/settings';
import { useSettings } from '../../components/shared/use-settings';
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
import { useSites } from '../../components/shared/use-sites';
import { t, tParts, type PlainKey } from '../../lib/browser/i18n';

/** The page's sections, in order: their anchors (in the table of contents) and titles. */
const SECTIONS = [
  ['pages', 'optionsSectionPages'],
  ['marking', 'optionsSectionMarking'],
  ['highlights', 'optionsSectionHighlights'],
  ['cards', 'optionsSectionCards'],
  ['memory', 'optionsSectionMemory'],
  ['corrections', 'optionsSectionCorrections'],
  ['backup', 'optionsSectionBackup'],
] as const satisfies ReadonlyArray<readonly [string, PlainKey]>;

type SectionId = (typeof SECTIONS)[number][0];
const sectionTitle = (id: SectionId) => t(SECTIONS.find(([section]) => section === id)![1]);

/** Each kind of name that can be switched off: its switch's label and description. */
const CATEGORY_KEYS = {
  films: ['optionsFilms', 'optionsFilmsHint'],
  people: ['optionsPeople', 'optionsPeopleHint'],
  characters: ['optionsCharacters', 'optionsCharactersHint'],
  studios: ['optionsStudios', 'optionsStudiosHint'],
} as const satisfies Record<Category, readonly [PlainKey, PlainKey]>;

/** A choice's words: each value's label (and, for radio buttons, its hint), in the user's language. */
const words = <T extends string>(keys: Readonly<Record<T, PlainKey>>): Record<T, string> =>
  Object.fromEntries(Object.entries<PlainKey>(keys).map(([value, key]) => [value, t(key)])) as Record<T, string>;

const STYLE_LABELS: Record<HighlightStyle, PlainKey> = { underline: 'optionsStyleUnderline', background: 'optionsStyleBackground', none: 'optionsStyleNone' };
const STYLE_HINTS: Record<HighlightStyle, PlainKey> = {
  underline: 'optionsStyleUnderlineHint',
  background: 'optionsStyleBackgroundHint',
  none: 'optionsStyleNoneHint',
};
const TRIGGER_LABELS: Record<Trigger, PlainKey> = { hover: 'optionsTriggerHover', click: 'optionsTriggerClick', modifier: 'optionsTriggerModifier' };
const TRIGGER_HINTS: Record<Trigger, PlainKey> = {
  hover: 'optionsTriggerHoverHint',
  click: 'optionsTriggerClickHint',
  modifier: 'optionsTriggerModifierHint',
};
const KEY_LABELS: Record<ModifierKey, PlainKey> = { Alt: 'optionsKeyAlt', Shift: 'optionsKeyShift', Control: 'optionsKeyControl', Meta: 'optionsKeyMeta' };
const THEME_LABELS: Record<Theme, PlainKey> = { system: 'optionsThemeSystem', light: 'optionsThemeLight', dark: 'optionsThemeDark' };

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

  const status = saveStatus || (state === 'unavailable' ? t('optionsUnavailable') : '');
  const loading = state === 'loading';

  /** Saves (debounced by useSettings) and says so; resolves to whether the change was kept. */
  const save = async (next: Settings): Promise<boolean> => {
    // Empty first, so that a second "Saved" in a row is announced again.
    setSaveStatus('');
    clearTimeout(clearTimer.current);
    const kept = await update(next);
    setSaveStatus(t(kept ? 'optionsSaved' : 'optionsSaveFailed'));
    if (kept) clearTimer.current = setTimeout(() => setSaveStatus(''), SAVED_VISIBLE_MS);
    return kept;
  };
  const change = <K extends keyof Settings>(key: K, value: Settings[K]) => void save({ ...settings, [key]: value });

  return (
    <div class="page">
      <header class="page__header">
        <p class="page__eyebrow">{t('extName')}</p>
        <h1 class="page__title">{t('optionsTitle')}</h1>
        <p class="page__lede">{tParts('optionsLede', <cite>{t('filmHeat')}</cite>)}</p>
        <nav class="page__nav" aria-label={t('optionsNav')}>
          <ul>
            {SECTIONS.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(title)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="page__main">
        {!noticeDismissed && <InvalidNotice fields={invalidFields} onDismiss={() => setNoticeDismissed(true)} />}

        <Section id="pages" title={sectionTitle('pages')}>
          <SwitchSetting
            id="setting-enabled"
            label={t('optionsEnabled')}
            description={t('optionsEnabledHint')}
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

        <Section id="marking" title={sectionTitle('marking')}>
          {(Object.keys(CATEGORY_KEYS) as Category[]).map((category) => (
            <SwitchSetting
              key={category}
              id={`setting-category-${category}`}
              label={t(CATEGORY_KEYS[category][0])}
              description={t(CATEGORY_KEYS[category][1])}
              checked={settings.categories[category]}
              disabled={loading}
              onChange={(on) => change('categories', { ...settings.categories, [category]: on })}
            />
          ))}
          <SwitchSetting
            id="setting-first-mention"
            label={t('optionsFirstMention')}
            description={t('optionsFirstMentionHint')}
            checked={settings.firstMentionOnly}
            disabled={loading}
            onChange={(firstMentionOnly) => change('firstMentionOnly', firstMentionOnly)}
          />
        </Section>

        <Section id="highlights" title={sectionTitle('highlights')}>
          <RadioSetting
            id="setting-highlight-style"
            label={t('optionsStyle')}
            value={settings.highlightStyle}
            options={HIGHLIGHT_STYLES}
            labels={words(STYLE_LABELS)}
            hints={words(STYLE_HINTS)}
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

        <Section id="cards" title={sectionTitle('cards')}>
          <RadioSetting
            id="setting-trigger"
            label={t('optionsTrigger')}
            description={t('optionsTriggerTouch')}
            value={settings.trigger}
            options={TRIGGERS}
            labels={words(TRIGGER_LABELS)}
            hints={words(TRIGGER_HINTS)}
            disabled={loading}
            onChange={(trigger) => change('trigger', trigger)}
          >
            {settings.trigger === 'modifier' && (
              <div class="nested">
                <label class="nested__label" for="setting-modifier-key">
                  {t('optionsModifierKey')}
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
                      {t(KEY_LABELS[key])}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </RadioSetting>
          <RangeSetting
            id="setting-open-delay"
            label={t('optionsDelay')}
            description={t(settings.trigger === 'click' ? 'optionsDelayClick' : 'optionsDelayHint')}
            value={settings.openDelayMs}
            min={OPEN_DELAY_RANGE.min}
            max={OPEN_DELAY_RANGE.max}
            step={DELAY_STEP_MS}
            format={(ms) => t('optionsDelayMs', ms.toLocaleString())}
            spoken={(ms) => t('optionsDelaySpoken', ms.toLocaleString())}
            disabled={loading || settings.trigger === 'click'}
            onChange={(openDelayMs) => change('openDelayMs', openDelayMs)}
          />
          <SelectSetting
            id="setting-theme"
            label={t('optionsTheme')}
            description={t('optionsThemeHint')}
            value={settings.theme}
            options={THEMES}
            labels={words(THEME_LABELS)}
            disabled={loading}
            onChange={(theme) => change('theme', theme)}
          />
          <SwitchSetting
            id="setting-spoilers"
            label={t('optionsSpoilers')}
            description={t('optionsSpoilersHint')}
            checked={settings.spoilersRevealed}
            disabled={loading}
            onChange={(spoilersRevealed) => change('spoilersRevealed', spoilersRevealed)}
          />
          <div class="setting setting--preview">
            <CardPreview theme={settings.theme} spoilersRevealed={settings.spoilersRevealed} />
          </div>
        </Section>

        <Section id="memory" title={sectionTitle('memory')}>
          <SwitchSetting
            id="setting-remember"
            label={t('optionsRemember')}
            description={t('optionsRememberHint')}
            checked={settings.rememberSightings}
            disabled={loading}
            onChange={(rememberSightings) => change('rememberSightings', rememberSightings)}
          />
          <div class="setting">
            <SightingsList remembering={settings.rememberSightings} />
          </div>
        </Section>

        <Section id="corrections" title={sectionTitle('corrections')} intro={t('optionsCorrectionsIntro')}>
          <div class="setting">
            <CorrectionsList />
          </div>
        </Section>

        <Section id="backup" title={sectionTitle('backup')}>
          <div class="setting">
            <Backup settings={settings} sites={sites.sites} saveSettings={save} saveSites={sites.save} disabled={loading || !sites.ready} />
          </div>
        </Section>

        <p class={status === t('optionsSaved') ? 'save-status save-status--ok' : status ? 'save-status save-status--shown' : 'save-status'} role="status" aria-live="polite">
          {status}
        </p>
      </main>
    </div>
  );
}
