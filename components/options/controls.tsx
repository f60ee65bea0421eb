import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import '../shared/switch.css';
import './controls.css';

/**
 * The options page's building blocks: a titled section, and a setting's row with its label,
 * description and control (a switch, a select, a group of radio buttons, a slider). Native inputs
 * throughout, so labels, keyboard and screen readers work as they do everywhere.
 */

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-title`}>
      <h2 class="section__title" id={`${id}-title`}>
        {title}
      </h2>
      {intro && <p class="section__intro">{intro}</p>}
      <div class="section__body section__body--settings">{children}</div>
    </section>
  );
}

/** A setting's row: its label and description, and the control that changes it. */
export function SettingRow({
  id,
  label,
  description,
  children,
  below,
}: {
  id: string;
  label: string;
  description?: ComponentChildren;
  children: ComponentChildren;
  /** Shown under the label and the control, the whole width of the row. */
  below?: ComponentChildren;
}) {
  return (
    <div class="setting">
      <div class="setting__main">
        <div class="setting__text">
          <label class="setting__label" for={id}>
            {label}
          </label>
          {description && (
            <p class="setting__description" id={`${id}-description`}>
              {description}
            </p>
          )}
        </div>
        {children}
      </div>
      {below}
    </div>
  );
}

interface SwitchSettingProps {
  id: string;
  label: string;
  description?: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export function SwitchSetting({ id, label, description, checked, disabled, onChange }: SwitchSettingProps) {
  return (
    <SettingRow id={id} label={label} description={description}>
      <input
        class="switch"
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </SettingRow>
  );
}

interface ChoiceSettingProps<T extends string> {
  id: string;
  label: string;
  description?: ComponentChildren;
  value: T;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** A choice as a drop-down list. */
export function SelectSetting<T extends string>({ id, label, description, value, options, labels, disabled, onChange }: ChoiceSettingProps<T>) {
  return (
    <SettingRow id={id} label={label} description={description}>
      <select
        class="choice"
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
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

interface RadioSettingProps<T extends string> extends ChoiceSettingProps<T> {
  /** A line under an option's label. */
  hints?: Partial<Record<T, string>>;
  /** Shown under the options (e.g. a follow-up choice for the selected one). */
  children?: ComponentChildren;
  /** Lays the options out in a row (short labels) instead of a column. */
  inline?: boolean;
}

/** A choice as radio buttons in a fieldset, the setting's label as its legend. */
export function RadioSetting<T extends string>({
  id,
  label,
  description,
  value,
  options,
  labels,
  hints,
  disabled,
  inline,
  onChange,
  children,
}: RadioSettingProps<T>) {
  return (
    <fieldset class="setting setting--group" id={id} aria-describedby={description ? `${id}-description` : undefined}>
      <legend class="setting__label setting__legend">{label}</legend>
      {description && (
        <p class="setting__description" id={`${id}-description`}>
          {description}
        </p>
      )}
      <div class={inline ? 'radios radios--inline' : 'radios'}>
        {options.map((option) => (
          <label class="radio" key={option}>
            <input
              type="radio"
              name={id}
              value={option}
              checked={value === option}
              disabled={disabled}
              onChange={(event) => event.currentTarget.checked && onChange(option)}
            />
            <span class="radio__text">
              <span class="radio__label">{labels[option]}</span>
              {hints?.[option] && <span class="radio__hint">{hints[option]}</span>}
            </span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** A short status line for one part of the page, read out by screen readers when it changes. */
export function LiveStatus({ text, tone = 'neutral', id }: { text: string; tone?: 'neutral' | 'ok' | 'error'; id?: string }) {
  return (
    <p class={`live-status live-status--${tone}`} id={id} role="status" aria-live="polite">
      {text}
    </p>
  );
}

interface RangeSettingProps {
  id: string;
  label: string;
  description?: ComponentChildren;
  value: number;
  min: number;
  max: number;
  step: number;
  /** The value as shown beside the slider and read out ("300 ms"). */
  format: (value: number) => string;
  /** The value as a screen reader says it ("300 milliseconds"). */
  spoken: (value: number) => string;
  disabled?: boolean;
  onChange: (value: number) => void;
}

/** A number on a slider, its value shown beside it. */
export function RangeSetting({ id, label, description, value, min, max, step, format, spoken, disabled, onChange }: RangeSettingProps) {
  return (
    <SettingRow
      id={id}
      label={label}
      description={description}
      below={
        <div class="range">
          <span class="range__end" aria-hidden="true">
            {format(min)}
          </span>
          <input
            class="range__input"
            id={id}
            type="range"
            min={min}
            max={max}
            step={step}
            value={value}
            disabled={disabled}
            aria-describedby={description ? `${id}-description` : undefined}
            aria-valuetext={spoken(value)}
            onInput={(event) => onChange(Number(event.currentTarget.value))}
          />
          <span class="range__end" aria-hidden="true">
            {format(max)}
          </span>
        </div>
      }
    >
      <output class="range__value" for={id} aria-hidden="true">
        {format(value)}
      </output>
    </SettingRow>
  );
}

interface ConfirmStepProps {
  id: string;
  /** The question, as the group's label. */
  question: ComponentChildren;
  /** What else the step offers (a checkbox), between the question and the buttons. */
  children?: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An inline "Are you sure?" before something that cannot be undone; its confirm button takes focus. */
export function ConfirmStep({ id, question, children, confirmLabel, onConfirm, onCancel }: ConfirmStepProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  return (
    <div class="confirm" id={id} role="group" aria-labelledby={`${id}-question`}>
      <p class="confirm__text" id={`${id}-question`}>
        {question}
      </p>
      {children}
      <div class="actions">
        <button class="button button--danger-solid" type="button" ref={confirmButton} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button class="button" type="button" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}
