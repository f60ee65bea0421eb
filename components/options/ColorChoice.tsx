import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/settings';

const TEXT = {
  legend: 'Colour',
  description: 'With “None”, the colour still marks the name under the pointer.',
  names: { amber: 'Amber', blue: 'Blue', green: 'Green', pink: 'Pink' } satisfies Record<HighlightColor, string>,
};

/** The highlight colours as radio buttons, each a swatch with its name (the colour is never the only cue). */
export function ColorChoice({ value, disabled, onChange }: { value: HighlightColor; disabled?: boolean; onChange: (color: HighlightColor) => void }) {
  const id = 'setting-highlight-color';
  return (
    <fieldset class="setting setting--group" id={id} aria-describedby={`${id}-description`}>
      <legend class="setting__label setting__legend">{TEXT.legend}</legend>
      <p class="setting__description" id={`${id}-description`}>
        {TEXT.description}
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
            <span class="swatch__name">{TEXT.names[color]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const COLOR_NAMES = TEXT.names;
