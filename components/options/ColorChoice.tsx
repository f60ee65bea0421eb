import { t, type PlainKey } from '../../lib/browser/i18n';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/core/settings';

const COLOR_KEYS: Readonly<Record<HighlightColor, PlainKey>> = {
  amber: 'optionsColorAmber',
  blue: 'optionsColorBlue',
  green: 'optionsColorGreen',
  pink: 'optionsColorPink',
};

/** The highlight colours as radio buttons, each a swatch with its name (the colour is never the only cue). */
export function ColorChoice({ value, disabled, onChange }: { value: HighlightColor; disabled?: boolean; onChange: (color: HighlightColor) => void }) {
  const id = 'setting-highlight-color';
  return (
    <fieldset class="setting setting--group" id={id} aria-describedby={`${id}-description`}>
      <legend class="setting__label setting__legend">{t('optionsColor')}</legend>
      <p class="setting__description" id={`${id}-description`}>
        {t('optionsColorHint')}
      </p>
      <div class="swatches">
        {HIGHLIGHT_COLORS.map((color) => (
          <label class="swatch" key={color}>
            <input
              class="swatch__input"
              type="radio"
              name={id}
              value={color}
              checked={value === color}
              disabled={disabled}
              onChange={(event) => event.currentTarget.checked && onChange(color)}
            />
            <span class={`swatch__chip swatch__chip--${color}`} aria-hidden="true" />
            <span class="swatch__name">{t(COLOR_KEYS[color])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
