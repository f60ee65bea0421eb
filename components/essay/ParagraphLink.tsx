import { paragraphNumber } from '../../data/essay';
import { t } from '../../lib/browser/i18n';

/** "¶ 3": a link to an essay paragraph in the same view (the essay view scrolls to it and flashes it). */
export function ParagraphLink({ paragraph }: { paragraph: string }) {
  const number = paragraphNumber(paragraph);
  const label = t('paragraphLabel', number);
  return (
    <a class="hn-figure__cite" href={`#${paragraph}`} aria-label={label} title={label}>
      ¶&nbsp;{number}
    </a>
  );
}
