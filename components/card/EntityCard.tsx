import { Component } from 'preact';
import type { CardEntity } from '../../data/card-entity';
import type { MatchReason } from '../../lib/core/detection';
import { t } from '../../lib/browser/i18n';
import type { EssayPassage } from '../../lib/core/messages';
import { kindLabel, reasonLine } from '../shared/labels';
import { FactItem, Passage, type PassageState } from './card-parts';
import { nameForms } from './passage-marks';

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
  /**
   * Shows "More from the essay", which expands the first fact's paragraph in the card, fetched with
   * this (in a page: from the background, since the content script does not carry the essay).
   */
  loadParagraph?: (paragraphId: string) => Promise<EssayPassage | undefined>;
  /** Shows "Read in the essay", which calls this with the first fact's paragraph and quote. */
  openEssay?: (paragraphId: string, quote?: string) => void;
  /** Shows a Pin toggle when given; `pinned` is its state. */
  onPin?: (pinned: boolean) => void;
  pinned?: boolean;
  /** The user has seen Heat: spoilers show without "Reveal". */
  spoilersRevealed?: boolean;
  /**
   * Shows "Not this one" when given: the match is wrong, and the user wants this name, as `surface`
   * spells it, left unmarked on this site.
   */
  onNotThis?: () => void;
  /** The mention's text on the page, for "Not this one"'s label. */
  surface?: string;
}

interface EntityCardState {
  /** Spoiler facts the user revealed (by index). */
  revealed: ReadonlySet<number>;
  passage?: PassageState;
  expanded: boolean;
}

/** Lines of context kept above the quote when a long paragraph opens scrolled to it. */
const LINES_ABOVE_QUOTE = 2;

/**
 * What the essay says about one entity, as a small card. The root element is the card's visible box
 * and the only element carrying `data-entity`. Styles: `components/card/card.css` (class names `hn-*`),
 * written to work inside a shadow root.
 *
 * A class component, without hooks: the card is the only Preact code in the content script, which
 * runs in every page, and hooks would add about 1.5 KB (gzipped) to it.
 */
export class EntityCard extends Component<EntityCardProps, EntityCardState> {
  override state: EntityCardState = { revealed: new Set(), expanded: false };
  /** A fact whose Reveal button was just pressed: focus goes to its text, not lost to <body>. */
  #revealedNow: number | undefined;
  #mounted = true;

  override componentWillUnmount(): void {
    this.#mounted = false;
  }

  override componentDidUpdate(_: EntityCardProps, previous: EntityCardState): void {
    const root = this.base as HTMLElement | undefined;
    if (!root) return;
    if (this.#revealedNow !== undefined) {
      root.querySelectorAll('.hn-card__fact')[this.#revealedNow]?.querySelector<HTMLElement>('.hn-card__statement')?.focus({ preventScroll: true });
      this.#revealedNow = undefined;
    }
    // A paragraph longer than its box opens at the quoted words, not at its first line.
    const box = root.querySelector<HTMLElement>('blockquote.hn-card__passage');
    const mark = box?.querySelector('mark');
    if (box && mark && (previous.passage !== this.state.passage || !previous.expanded)) {
      box.scrollTop = Math.max(0, mark.offsetTop - (parseFloat(getComputedStyle(box).lineHeight) || 20) * LINES_ABOVE_QUOTE);
    }
  }

  #toggle(paragraph: string): void {
    const { loadParagraph } = this.props;
    const { expanded, passage } = this.state;
    if (expanded || !loadParagraph) {
      this.setState({ expanded: false });
      return;
    }
    if (passage && passage !== 'failed') {
      this.setState({ expanded: true });
      return;
    }
    this.setState({ expanded: true, passage: 'loading' });
    const settle = (answer: EssayPassage | undefined) => {
      if (this.#mounted) this.setState({ passage: answer ?? 'failed' });
    };
    loadParagraph(paragraph).then(settle, () => settle(undefined));
  }

  override render() {
    const {
      entity,
      reason,
      onClose,
      headingId,
      onCite,
      loadParagraph,
      openEssay,
      onPin,
      pinned = false,
      spoilersRevealed = false,
      onNotThis,
      surface = entity.name,
    } = this.props;
    const { revealed, passage, expanded } = this.state;
    const reasonText = reasonLine(reason);
    const facts = entity.facts.slice(0, MAX_CARD_FACTS);
    const isShown = (index: number) => spoilersRevealed || !facts[index]!.spoiler || revealed.has(index);
    // The fact "More from the essay" and "Read in the essay" follow: the first one on show.
    const leadIndex = Math.max(0, facts.findIndex((_, index) => isShown(index)));
    const lead = facts[leadIndex];
    const passageId = `${headingId}-passage`;
    const hidden = entity.facts
      .filter((fact, index) => fact.spoiler && !spoilersRevealed && !revealed.has(index))
      .map((fact) => fact.cite.quote);

    return (
      <article class="hn-card" data-entity={entity.id} aria-labelledby={headingId}>
        <header class="hn-card__head">
          <div class="hn-card__titles">
            <p class="hn-card__kind">{kindLabel(entity.kind)}</p>
            <h2 class="hn-card__name" id={headingId} tabIndex={-1}>
              {entity.name}
            </h2>
            {entity.role && <p class="hn-card__role">{entity.role}</p>}
          </div>
          {onPin && (
            <button
              type="button"
              class="hn-card__icon hn-card__pin"
              aria-pressed={pinned}
              aria-label={t('cardPin')}
              title={t(pinned ? 'cardUnpinTitle' : 'cardPinTitle')}
              onClick={() => onPin(!pinned)}
            >
              <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
                <path fill="currentColor" d="M10.2 1 15 5.8l-1.4.5-3 3 .5 3.4-1.3 1.3-2.9-2.9L2.3 15.7 1 15.5l-.2-1.3 4.6-4.6-2.9-2.9 1.3-1.3 3.4.5 3-3z" />
              </svg>
            </button>
          )}
          {onClose && (
            <button type="button" class="hn-card__icon hn-card__close" aria-label={t('cardClose')} title={t('cardCloseTitle')} onClick={() => onClose()}>
              <span aria-hidden="true">×</span>
            </button>
          )}
        </header>
        {facts.length > 0 ? (
          <ul class="hn-card__facts" aria-label={t('cardFacts')}>
            {facts.map((fact, index) => (
              <FactItem
                key={`${entity.id}:${index}`}
                fact={fact}
                shown={isShown(index)}
                onReveal={() => {
                  this.#revealedNow = index;
                  this.setState({ revealed: new Set(revealed).add(index) });
                }}
                onCite={onCite}
              />
            ))}
          </ul>
        ) : (
          <p class="hn-card__empty">{t('cardNoFacts')}</p>
        )}
        {expanded && passage && lead && (
          <Passage id={passageId} state={passage} quote={lead.cite.quote} forms={nameForms(entity.name)} hidden={hidden} />
        )}
        {lead && (loadParagraph || openEssay) && (
          <div class="hn-card__actions">
            {loadParagraph && (
              <button
                type="button"
                class="hn-card__action"
                aria-expanded={expanded}
                aria-controls={expanded ? passageId : undefined}
                onClick={() => this.#toggle(lead.cite.paragraph)}
              >
                {t('cardMore')}
                <span class="hn-card__chevron" aria-hidden="true" />
              </button>
            )}
            {openEssay && (
              <button type="button" class="hn-card__action" onClick={() => openEssay(lead.cite.paragraph, isShown(leadIndex) ? lead.cite.quote : undefined)}>
                {t('cardRead')}
                <span aria-hidden="true"> ↗</span>
              </button>
            )}
          </div>
        )}
        {(reasonText || onNotThis) && (
          <footer class="hn-card__foot">
            {reasonText && <p class="hn-card__reason">{reasonText}</p>}
            {onNotThis && (
              <button
                type="button"
                class="hn-card__action hn-card__not-this"
                aria-label={t('cardNotThisLabel', surface, entity.name)}
                title={t('cardNotThisTitle')}
                onClick={() => onNotThis()}
              >
                {t('cardNotThis')}
              </button>
            )}
          </footer>
        )}
      </article>
    );
  }
}
