import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardEntity } from '../data/card-entity';
import { KIND_LABELS } from '../data/entities';
import type { Fact } from '../data/facts';
import { paragraphNumber } from '../data/essay';
import type { MatchReason } from '../lib/detection';

/** The card shows at most this many facts: a glance, not the essay. */
export const MAX_CARD_FACTS = 3;

export interface EntityCardProps {
  entity: CardEntity;
  /** Why the mention was accepted; shown as a quiet line at the foot of the card. */
  reason?: MatchReason;
  /** Shows the × button when given; the host decides what closing means. */
  onClose?: () => void;
  /** Id of the card's heading, so the host can label its dialog (`aria-labelledby`). */
  headingId: string;
  /**
   * Makes each "¶ n" marker a button that calls this with the paragraph id ("p3"). Only for hosts that
   * show the essay (the popup); in a page the marker stays plain text.
   */
  onCite?: (paragraphId: string) => void;
}

/** The "why this matched" line for each reason detection gives. */
const REASON_TEXT: Readonly<Record<MatchReason, string>> = {
  'full-name': 'Marked because it is named in full.',
  'marked-title': 'Marked because it is set off as a title.',
  'named-in-full': 'Marked because this page also names it in full.',
  'related-names': 'Marked because this page names others from Heat.',
};

/** A paragraph number for display, or undefined for a citation of a paragraph that does not exist. */
function safeParagraphNumber(id: string): number | undefined {
  try {
    return paragraphNumber(id);
  } catch {
    return undefined;
  }
}

/**
 * What the essay says about one entity, as a small card. The root element is the card's visible box
 * and the only element carrying `data-entity`. Styles: `components/card.css` (class names `hn-*`),
 * written to work inside a shadow root.
 */
export function EntityCard({ entity, reason, onClose, headingId, onCite }: EntityCardProps) {
  const facts = entity.facts.slice(0, MAX_CARD_FACTS);
  return (
    <article class="hn-card" data-entity={entity.id} aria-labelledby={headingId}>
      <header class="hn-card__head">
        <div class="hn-card__titles">
          <p class="hn-card__kind">{KIND_LABELS[entity.kind]}</p>
          <h2 class="hn-card__name" id={headingId}>
            {entity.name}
          </h2>
          {entity.role && <p class="hn-card__role">{entity.role}</p>}
        </div>
        {onClose && (
          <button type="button" class="hn-card__close" aria-label="Close" title="Close" onClick={() => onClose()}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      {facts.length > 0 ? (
        <ul class="hn-card__facts" aria-label="From the essay">
          {facts.map((fact, index) => (
            <FactItem key={`${entity.id}:${index}`} fact={fact} onCite={onCite} />
          ))}
        </ul>
      ) : (
        <p class="hn-card__empty">The essay has nothing more to say about this one.</p>
      )}
      {reason && REASON_TEXT[reason] && <p class="hn-card__reason">{REASON_TEXT[reason]}</p>}
    </article>
  );
}

/** Splits off the last word, so it and the paragraph marker can be kept on one line together. */
function splitLastWord(text: string): [string, string] {
  const at = text.trimEnd().lastIndexOf(' ');
  return at < 0 ? ['', text] : [text.slice(0, at + 1), text.slice(at + 1)];
}

function FactItem({ fact, onCite }: { fact: Fact; onCite?: (paragraphId: string) => void }) {
  const [revealed, setRevealed] = useState(false);
  const statement = useRef<HTMLSpanElement>(null);
  const revealedByUser = useRef(false);
  // The Reveal button goes away once pressed: keep focus on the text it revealed, not lost to <body>.
  useLayoutEffect(() => {
    if (revealed && revealedByUser.current) {
      revealedByUser.current = false;
      statement.current?.focus({ preventScroll: true });
    }
  }, [revealed]);
  const cite = <Cite paragraph={fact.cite.paragraph} onCite={onCite} />;
  if (fact.spoiler === true && !revealed) {
    return (
      <li class="hn-card__fact hn-card__fact--spoiler">
        <span class="hn-card__spoiler-note">Spoiler about the ending.</span>{' '}
        <span class="hn-card__keep">
          <button
            type="button"
            class="hn-card__reveal"
            onClick={() => {
              revealedByUser.current = true;
              setRevealed(true);
            }}
          >
            Reveal
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
      <span class="hn-card__statement" ref={statement} tabIndex={fact.spoiler ? -1 : undefined}>
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
  const label = `Essay paragraph ${number}`;
  if (onCite) {
    return (
      <button type="button" class="hn-card__cite" aria-label={`Go to essay paragraph ${number}`} title={label} onClick={() => onCite(paragraph)}>
        ¶&nbsp;{number}
      </button>
    );
  }
  return (
    <span class="hn-card__cite" title={label}>
      <span aria-hidden="true">¶&nbsp;{number}</span>
      <span class="hn-visually-hidden">(essay paragraph {number})</span>
    </span>
  );
}
