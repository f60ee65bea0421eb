import { useId } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { textSizeLabel, themeLabel } from '../shared/labels';
import { canStep, READER_THEMES, stepTextSize, TEXT_SIZES, type ReaderPrefs } from './reader-prefs';
import './reader.css';

export interface ReaderControlsProps {
  prefs: ReaderPrefs;
  onChange: (next: ReaderPrefs) => void;
  /** Swatches without their words (the popup's narrow bar); each keeps its accessible name. */
  compact?: boolean;
}

/**
 * The reader's theme (Auto, Light, Sepia, Dark: a radio group drawn as swatches) and text size
 * (smaller and larger buttons around the current step, which is announced as it changes).
 */
export function ReaderControls({ prefs, onChange, compact = false }: ReaderControlsProps) {
  const name = `${useId()}-theme`;
  const sizeIndex = TEXT_SIZES.findIndex((step) => step.id === prefs.size);
  return (
    <div class={compact ? 'hn-reader-controls hn-reader-controls--compact' : 'hn-reader-controls'}>
      <fieldset class="hn-theme-picker">
        <legend class="hn-visually-hidden">{t('readerTheme')}</legend>
        {READER_THEMES.map((theme) => (
          <label key={theme} class="hn-theme-option" title={compact ? t('readerThemeTitle', themeLabel(theme)) : undefined}>
            <input
              type="radio"
              class="hn-theme-option__input"
              name={name}
              value={theme}
              checked={prefs.theme === theme}
              onChange={() => onChange({ ...prefs, theme })}
            />
            <span class="hn-theme-option__swatch" data-swatch={theme} aria-hidden="true" />
            <span class={compact ? 'hn-visually-hidden' : 'hn-theme-option__label'}>{themeLabel(theme)}</span>
          </label>
        ))}
      </fieldset>
      <div class="hn-size-stepper" role="group" aria-label={t('readerTextSize')}>
        <button
          type="button"
          class="hn-size-stepper__button"
          aria-label={t('readerSmaller')}
          title={t('readerSmaller')}
          disabled={!canStep(prefs.size, -1)}
          onClick={() => onChange({ ...prefs, size: stepTextSize(prefs.size, -1) })}
        >
          <span aria-hidden="true" class="hn-size-stepper__glyph hn-size-stepper__glyph--small">
            A
          </span>
        </button>
        <output class="hn-size-stepper__value" aria-live="polite" title={t('readerSizeStep', sizeIndex + 1, TEXT_SIZES.length)}>
          {textSizeLabel(prefs.size)}
        </output>
        <button
          type="button"
          class="hn-size-stepper__button"
          aria-label={t('readerLarger')}
          title={t('readerLarger')}
          disabled={!canStep(prefs.size, 1)}
          onClick={() => onChange({ ...prefs, size: stepTextSize(prefs.size, 1) })}
        >
          <span aria-hidden="true" class="hn-size-stepper__glyph">
            A
          </span>
        </button>
      </div>
    </div>
  );
}
