import { t } from '../../lib/browser/i18n';
import { describeFields } from './format';

/** Says which stored settings failed validation and fell back to their defaults (issue 5, point 7). */
export function InvalidNotice({ fields, onDismiss }: { fields: readonly string[]; onDismiss: () => void }) {
  if (fields.length === 0) return null;
  return (
    <div class="notice notice--warn" role="status">
      <p class="notice__text">
        {t('optionsInvalid', describeFields(fields))} {t('optionsInvalidCheck')}
      </p>
      <button class="button button--small" type="button" onClick={onDismiss}>
        {t('optionsDismiss')}
      </button>
    </div>
  );
}
