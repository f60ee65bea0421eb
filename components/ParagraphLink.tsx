import { paragraphNumber } from '../data/essay';

/** "¶ 3": a link to an essay paragraph in the same view (the essay view scrolls to it and flashes it). */
export function ParagraphLink({ paragraph }: { paragraph: string }) {
  const number = paragraphNumber(paragraph);
  return (
    <a class="hn-figure__cite" href={`#${paragraph}`} aria-label={`Essay paragraph ${number}`} title={`Essay paragraph ${number}`}>
      ¶&nbsp;{number}
    </a>
  );
}
