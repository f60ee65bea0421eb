/**
 * When a hover card opens and closes, as a small state machine over "what is under the pointer".
 * Pure: timers are passed in, so it tests with fake timers in Node.
 */

/**
 * How long the pointer rests on a mention before its card opens: long enough that a pointer crossing
 * a name on its way elsewhere opens nothing, and leaves half of the 600 ms the contract allows for
 * the frame of hit-testing and the rendering that follow.
 */
export const OPEN_DELAY_MS = 300;

/**
 * How long a card stays after the pointer leaves its mention: time to travel from the name to the card
 * across the gap between them (Page Previews' `ABANDON_END_DELAY` is also 300 ms).
 */
export const CLOSE_DELAY_MS = 300;

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverIntentOptions<T> {
  /** Whether two targets are the same mention. */
  same(a: T, b: T): boolean;
  /** Shows the card for `target` (replacing the one open, if any). */
  open(target: T): void;
  close(): void;
  timers: Timers;
}

export class HoverIntent<T> {
  private shown: T | undefined;
  private waitingFor: T | undefined;
  private openTimer: number | undefined;
  private closeTimer: number | undefined;

  constructor(private readonly options: HoverIntentOptions<T>) {}

  /** The target whose card is open. */
  get current(): T | undefined {
    return this.shown;
  }

  /**
   * The pointer is on `target`, or on no mention; it got there `sinceMs` ago (the hit-test runs at the
   * next animation frame, which a busy page can delay: that wait counts as rest).
   */
  pointerOn(target: T | undefined, sinceMs = 0): void {
    const { same } = this.options;
    if (!target) {
      this.cancelOpen();
      if (this.shown !== undefined && this.closeTimer === undefined) {
        this.closeTimer = this.options.timers.set(() => this.close(), CLOSE_DELAY_MS);
      }
      return;
    }
    if (this.shown !== undefined) {
      // A card is open: stay, or move to the new mention at once.
      this.cancelClose();
      this.cancelOpen();
      if (!same(this.shown, target)) this.show(target);
      return;
    }
    if (this.waitingFor !== undefined && same(this.waitingFor, target)) return;
    this.cancelOpen();
    this.waitingFor = target;
    this.openTimer = this.options.timers.set(() => {
      this.openTimer = undefined;
      const waited = this.waitingFor;
      this.waitingFor = undefined;
      if (waited !== undefined) this.show(waited);
    }, Math.max(0, OPEN_DELAY_MS - sinceMs));
  }

  /** The pointer is on the card: it stays. */
  pointerOnCard(): void {
    this.cancelOpen();
    this.cancelClose();
  }

  /** Closes now (Escape, a click elsewhere, switching off). */
  dismiss(): void {
    this.cancelOpen();
    this.close();
  }

  private show(target: T): void {
    this.shown = target;
    this.options.open(target);
  }

  private close(): void {
    this.cancelClose();
    if (this.shown === undefined) return;
    this.shown = undefined;
    this.options.close();
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) this.options.timers.clear(this.openTimer);
    this.openTimer = undefined;
    this.waitingFor = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.options.timers.clear(this.closeTimer);
    this.closeTimer = undefined;
  }
}
