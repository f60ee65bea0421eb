import type { CardView } from './card-view';

/**
 * The keys an open card answers to (WCAG 1.4.13 and 2.1.2): Escape closes it, P pins or unpins it,
 * and with a pinned card Tab goes into it; tabbing past either end of the card returns to where focus
 * was, so the card sits in the tab order right after the reader's place. Any other key, and these
 * where the card has nothing to do, are left to the page.
 */

/** What of the card the keys move focus in. */
type KeyedCard = Pick<CardView, 'isOpen' | 'hasFocus' | 'focusInto' | 'focusAtEdge' | 'restoreFocus'>;

/** What the keys do to the cards. */
export interface CardKeyActions {
  close(): void;
  isPinned(): boolean;
  /** Pins or unpins the open card. */
  setPinned(pinned: boolean): void;
}

/** Whether a key event comes from a place where the user types (a P there is a letter, not a command). */
function fromEditable(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName);
}

export class CardKeys {
  /** The first Tab after pinning goes into the card. */
  #tabIntoCard = false;
  readonly #card: KeyedCard;
  readonly #actions: CardKeyActions;

  constructor(card: KeyedCard, actions: CardKeyActions) {
    this.#card = card;
    this.#actions = actions;
  }

  /** The card was pinned or unpinned; pinned from the keyboard, focus goes to its heading. */
  pinned(pinned: boolean, fromKeyboard: boolean): void {
    this.#tabIntoCard = pinned && !fromKeyboard;
    if (pinned && fromKeyboard) this.#card.focusInto('heading');
  }

  /** The card closed. */
  closed(): void {
    this.#tabIntoCard = false;
  }

  /** Handles a keydown on the page; true when it was the card's (the event is then consumed). */
  onKeyDown(event: KeyboardEvent): boolean {
    if (!this.#card.isOpen || event.defaultPrevented) return false;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    let consumed = false;
    if (event.key === 'Escape') {
      this.#actions.close();
      consumed = true;
    } else if (plain && (event.key === 'p' || event.key === 'P') && !event.shiftKey && !fromEditable(event)) {
      this.#actions.setPinned(!this.#actions.isPinned());
      consumed = true;
    } else if (event.key === 'Tab' && plain) {
      consumed = this.#onTab(event.shiftKey);
    }
    if (consumed) {
      // Only what we acted on: the page's own Escape (its dialog, its menu) is not ours to take otherwise.
      event.preventDefault();
      event.stopPropagation();
    }
    return consumed;
  }

  #onTab(backwards: boolean): boolean {
    if (this.#card.hasFocus) {
      if (!this.#card.focusAtEdge(backwards ? 'first' : 'last')) return false;
      this.#card.restoreFocus();
      return true;
    }
    if (backwards || !this.#tabIntoCard || !this.#actions.isPinned()) return false;
    this.#tabIntoCard = false;
    this.#card.focusInto('first');
    return true;
  }
}
