import type { Timers } from '../../core/timers';

/**
 * When a hover card opens and closes, as a small state machine over "what is under the pointer": the
 * one machine for the page's cards (`hover-card.ts`) and the essay views' (`components/essay/EssayView.tsx`),
 * each with its own delays. Pure: timers are passed in, so it tests with fake timers in Node.
 */

/**
 * How long the pointer rests on a mention before its card opens: long enough that a pointer crossing
 * a name on its way elsewhere opens nothing, and leaves half of the 600 ms the contract allows for
 * the frame of hit-testing and the rendering that follow.
 */
export const OPEN_DELAY_MS = 300;

/** The longest rest the user may ask for (settings): past half a second a card feels broken. */
export const MAX_OPEN_DELAY_MS = 500;

/**
 * How long a card stays after the pointer leaves its mention: time to travel from the name to the card
 * across the gap between them (Page Previews' `ABANDON_END_DELAY` is also 300 ms).
 */
export const CLOSE_DELAY_MS = 300;

/**
 * What keeps a card open without the pointer on it: nothing (a hover card), the keyboard (opened by
 * stepping to its mention: the pointer was never on it, so its leaving means nothing), or a pin (the
 * user asked it to stay: the pointer changes nothing until it is unpinned or closed).
 */
export type Hold = 'none' | 'keyboard' | 'pinned';

export interface HoverIntentOptions<T> {
  /** Whether two targets are the same mention. */
  same(a: T, b: T): boolean;
  /** Shows the card for `target` (replacing the one open, if any). */
  open(target: T): void;
  close(): void;
  timers: Timers;
  /** The rest before a card opens; `OPEN_DELAY_MS` by default (the page's cards: `setOpenDelay` follows the settings). */
  openDelayMs?: number;
  /** How long a card stays once the pointer has left it and its mention; `CLOSE_DELAY_MS` by default. */
  closeDelayMs?: number;
  /**
   * Whether the pointer must rest on another mention before an open card moves to it. The page's card
   * moves at once: the safe corridor keeps a pointer on its way to the card from landing on other
   * names. The essay views have no corridor, so a pointer crossing marks on its way to the card must
   * not move it.
   */
  restBeforeMoving?: boolean;
  /** Asked when the close delay runs out: true keeps the card open (the essay's: focus is inside it). */
  keepOpen?(): boolean;
}

export class HoverIntent<T> {
  #shown: T | undefined;
  #waitingFor: T | undefined;
  #openTimer: number | undefined;
  #closeTimer: number | undefined;
  #hold: Hold = 'none';
  #openDelayMs: number;

  readonly #options: HoverIntentOptions<T>;

  constructor(options: HoverIntentOptions<T>) {
    this.#options = options;
    this.#openDelayMs = options.openDelayMs ?? OPEN_DELAY_MS;
  }

  /** The target whose card is open. */
  get current(): T | undefined {
    return this.#shown;
  }

  get pinned(): boolean {
    return this.#hold === 'pinned';
  }

  /** The rest before a card opens (settings), never more than `MAX_OPEN_DELAY_MS`. */
  setOpenDelay(ms: number): void {
    this.#openDelayMs = Number.isFinite(ms) ? Math.max(0, Math.min(MAX_OPEN_DELAY_MS, ms)) : OPEN_DELAY_MS;
  }

  /** Opens `target`'s card now, held open by `hold` (the keyboard stepped to it). */
  openNow(target: T, hold: Hold): void {
    this.#cancelOpen();
    this.#cancelClose();
    this.#show(target, hold);
  }

  /** Pins the open card (it stays whatever the pointer does) or unpins it (a hover card again). */
  pin(pinned: boolean): void {
    if (this.#shown === undefined) return;
    this.#hold = pinned ? 'pinned' : 'none';
    this.#cancelClose();
  }

  /**
   * The pointer is on `target`, or on no mention; it got there `sinceMs` ago (the hit-test runs at the
   * next animation frame, which a busy page can delay: that wait counts as rest).
   */
  pointerOn(target: T | undefined, sinceMs = 0): void {
    const { same } = this.#options;
    if (this.#hold === 'pinned') return;
    if (!target) {
      this.#cancelOpen();
      if (this.#shown !== undefined && this.#hold === 'none' && this.#closeTimer === undefined) {
        this.#closeTimer = this.#options.timers.set(() => {
          this.#closeTimer = undefined;
          if (!this.#options.keepOpen?.()) this.#close();
        }, this.#options.closeDelayMs ?? CLOSE_DELAY_MS);
      }
      return;
    }
    if (this.#shown !== undefined && same(this.#shown, target)) {
      // On the open card's mention: it stays (and a keyboard card becomes a hover card).
      this.#hold = 'none';
      this.#cancelClose();
      this.#cancelOpen();
      return;
    }
    if (this.#shown !== undefined && this.#hold === 'none' && !this.#options.restBeforeMoving) {
      // A hover card is open: move to the new mention at once.
      this.#cancelClose();
      this.#cancelOpen();
      this.#show(target, 'none');
      return;
    }
    // No card, one the keyboard opened, or one that moves only after a rest: the pointer must rest first.
    if (this.#waitingFor !== undefined && same(this.#waitingFor, target)) return;
    this.#cancelOpen();
    this.#cancelClose();
    this.#waitingFor = target;
    this.#openTimer = this.#options.timers.set(() => {
      this.#openTimer = undefined;
      const waited = this.#waitingFor;
      this.#waitingFor = undefined;
      if (waited !== undefined) this.#show(waited, 'none');
    }, Math.max(0, this.#openDelayMs - sinceMs));
  }

  /** The pointer is on the card, or on its way there (the safe corridor): it stays. */
  pointerOnCard(): void {
    this.#cancelOpen();
    this.#cancelClose();
  }

  /** Forgets a card about to open (the page scrolled: the text under the pointer moved on). */
  cancelPendingOpen(): void {
    this.#cancelOpen();
  }

  /** Closes now (Escape, a click elsewhere, switching off). */
  dismiss(): void {
    this.#cancelOpen();
    this.#close();
  }

  #show(target: T, hold: Hold): void {
    this.#shown = target;
    this.#hold = hold;
    this.#options.open(target);
  }

  #close(): void {
    this.#cancelClose();
    this.#hold = 'none';
    if (this.#shown === undefined) return;
    this.#shown = undefined;
    this.#options.close();
  }

  #cancelOpen(): void {
    if (this.#openTimer !== undefined) this.#options.timers.clear(this.#openTimer);
    this.#openTimer = undefined;
    this.#waitingFor = undefined;
  }

  #cancelClose(): void {
    if (this.#closeTimer !== undefined) this.#options.timers.clear(this.#closeTimer);
    this.#closeTimer = undefined;
  }
}
