import { describeFields } from './format';

const TEXT = {
  notice: (fields: string) => `Some stored settings were not valid and were set back to their defaults: ${fields}.`,
  check: 'Check them below; your next change saves them.',
  dismiss: 'Dismiss',
};

/** Says which stored settings failed validation and fell back to their defaults (issue 5, point 7). */
export function InvalidNotice({ fields, onDismiss }: { fields: readonly string[]; onDismiss: () => void }) {
  if (fields.length === 0) return null;
  return (
    <div class="notice notice--warn" role="status">
      <p class="notice__text">
        {TEXT.notice(describeFields(fields))} {TEXT.check}
      </p>
      <button class="button button--small" type="button" onClick={onDismiss}>
        {TEXT.dismiss}
      </button>
    </div>
  );
}
