import type { Fact } from '../../data/facts';
import { paragraphNumber } from '../../data/essay';
import { t } from '../../lib/browser/i18n';
import type { EssayPassage } from '../../lib/core/messages';
import { markPassage, type PassagePiece } from './passage-marks';

/** The parts of a card below its heading: a fact with its paragraph mark, and the essay's paragraph. */

/** The paragraph "More from the essay" shows, or where it stands in being fetched. */
export type PassageState = EssayPassage | 'loading' | 'failed';

/** A paragraph number for display, or undefined for a citation of a paragraph that does not exist. */
function safeParagraphNumber(id: string): number | undefined {
  try {
    return paragraphNumber(id);
  } catch {
    return undefined;
  }
}

export function Passage({ id, state, quote, forms, hidden }: { id: string; state: PassageState; quote: string; forms: string[]; hidden: string[] }) {
  if (state === 'loading' || state === 'failed') {
    return (
      <p class="hn-card__passage hn-card__note" id={id} role="status">
        {t(state === 'loading' ? 'cardLoading' : 'cardLoadFailed')}
      </p>
    );
  }
  const marked = markPassage(state.text, quote, forms, hidden);
  const pieces = (list: PassagePiece[]) => list.map((piece, index) => (piece.name ? <strong key={index}>{piece.text}</strong> : piece.text));
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it.
    <blockquote class="hn-card__passage" id={id} tabIndex={0} aria-label={t('paragraphLabel', state.number)}>
      <p class="hn-card__passage-number" aria-hidden="true">
        ¶&nbsp;{state.number}
      </p>
      <p>
        {pieces(marked.before)}
        {marked.quote.length > 0 && <mark class="hn-card__quote">{pieces(marked.quote)}</mark>}
        {pieces(marked.after)}
      </p>
    </blockquote>
  );
}

/** Splits off the last word, so it and the paragraph marker can be kept on one line together. */
function splitLastWord(text: string): [string, string] {
  const at = text.trimEnd().lastIndexOf(' ');
  return at < 0 ? ['', text] : [text.slice(0, at + 1), text.slice(at + 1)];
}

export function FactItem({ fact, shown, onReveal, onCite }: { fact: Fact; shown: boolean; onReveal: () => void; onCite?: (paragraphId: string) => void }) {
  const cite = <Cite paragraph={fact.cite.paragraph} onCite={onCite} />;
  if (!shown) {
    return (
      <li class="hn-card__fact hn-card__fact--spoiler">
        <span class="hn-card__spoiler-note">{t('cardSpoiler')}</span>{' '}
        <span class="hn-card__keep">
          <button type="button" class="hn-card__reveal" onClick={onReveal}>
            {t('cardReveal')}
          </button>
          {'\u00a0'}
          {cite}
        </span>
      </li>
    );
  }
  const [head, last] = splitLastWord(fact.text);
  return (
    <li class="hn-card__fact">
      <span class="hn-card__statement" tabIndex={fact.spoiler ? -1 : undefined}>
        {head}
        <span class="hn-card__keep">
          {last}
          {'\u00a0'}
          {cite}
        </span>
      </span>
    </li>
  );
}

function Cite({ paragraph, onCite }: { paragraph: string; onCite?: (paragraphId: string) => void }) {
  const number = safeParagraphNumber(paragraph);
  if (number === undefined) return null;
  const label = t('paragraphLabel', number);
  if (onCite) {
    return (
      <button type="button" class="hn-card__cite" aria-label={t('cardGoToParagraph', number)} title={label} onClick={() => onCite(paragraph)}>
        ¶&nbsp;{number}
      </button>
    );
  }
  return (
    <span class="hn-card__cite" title={label}>
      <span aria-hidden="true">¶&nbsp;{number}</span>
      <span class="hn-visually-hidden">{t('paragraphAside', number)}</span>
    </span>
  );
}
