import type { MentionHit } from '../mark/hit-test';
import type { Timers } from '../../core/timers';
import { sameMention, type PlacedMention } from '../mark/mention-index';
import type { Box, Point } from './geometry';
import { inSafeCorridor } from './safe-corridor';

/**
 * Where the mouse pointer is, as the cards need it: which mention it rests on, at most one hit-test
 * per animation frame; none while the reader selects text, nor while the page scrolls under a still
 * pointer (a card popping up over whatever name passes by would interrupt reading); and whether,
 * having left the open card's mention, it is on its way to the card through the safe corridor.
 */

/**
 * Hit-tests wait this long after the page scrolls: the text moves under a still pointer.
 */
export const SCROLL_SETTLE_MS = 150;

/** A mention under the pointer, with where the pointer was (none when the keyboard or a click opened it). */
export interface PointedMention extends MentionHit {
  readonly pointer?: Point;
  /** Opened by a finger or a pen (a tap or a long press): on a narrow screen the card is a bottom sheet. */
  readonly touch?: boolean;
}

/** What the tracker needs of the page and the cards, and tells them. */
export interface PointerTrackerHost {
  readonly document: Document;
  readonly requestFrame: (callback: () => void) => number;
  readonly timers: Timers;
  hitTest(x: number, y: number): MentionHit | undefined;
  /** Whether an event target is inside the card. */
  ownsCard(target: EventTarget | null): boolean;
  /** The card's box, when it shows. */
  cardRect(): Box | undefined;
  /** The mention whose card is open. */
  openMention(): PlacedMention | undefined;
  /** The pointer is on the card. */
  onCard(): void;
  /** The pointer is between the open card's mention and the card: hold on, whatever text it crosses. */
  onWayToCard(): void;
  /** The pointer rests on `hit` (or on no mention), moved `restedMs` ago. */
  at(hit: PointedMention | undefined, restedMs: number): void;
}

export class PointerTracker {
  #framePending = false;
  #pointer: Point = { x: 0, y: 0 };
  /** When the last pointer move happened (`performance.now()` time). */
  #movedAt = 0;
  #buttonsHeld = false;
  #target: EventTarget | null = null;
  #under: PointedMention | undefined;
  /** Where the pointer left the open card's mention: the narrow end of the safe corridor. */
  #corridorFrom: Point | undefined;
  #scrolledAt = -Infinity;
  #settleTimer: number | undefined;
  readonly #host: PointerTrackerHost;

  constructor(host: PointerTrackerHost) {
    this.#host = host;
  }

  /** The mention the last hit-test found under the pointer. */
  get under(): PointedMention | undefined {
    return this.#under;
  }

  /** A mouse or pen moved over the page: hit-test at the next frame. */
  moved(event: PointerEvent): void {
    this.#pointer = { x: event.clientX, y: event.clientY };
    this.#target = event.target;
    this.#movedAt = event.timeStamp;
    this.#buttonsHeld = event.buttons !== 0;
    if (this.#framePending) return;
    this.#framePending = true;
    this.#host.requestFrame(() => {
      this.#framePending = false;
      this.#hitTest();
    });
  }

  /** Something else that may open a card changed with the pointer at rest (a modifier key): look again now. */
  recheck(at: number): void {
    this.#movedAt = at;
    this.#hitTest();
  }

  scrolled(): void {
    this.#scrolledAt = performance.now();
  }

  /** The pointer left the window. */
  left(): void {
    this.#under = undefined;
    this.#corridorFrom = undefined;
  }

  /**
   * A card opened otherwise: by a click, on the clicked mention (it is under the pointer now), or by
   * a tap (`undefined`: what was under the mouse no longer counts).
   */
  openedOn(mention: PointedMention | undefined): void {
    this.#under = mention;
  }

  /** The card closed: there is no corridor to it. */
  cardClosed(): void {
    this.#corridorFrom = undefined;
  }

  /** The page's mentions changed: forget the one under the pointer if it is gone. */
  keepIf(stillThere: (placed: PlacedMention) => boolean): void {
    if (this.#under && !stillThere(this.#under.placed)) this.#under = undefined;
  }

  /** Whether the user is selecting text (a button held, or a selection made): no card opens then. */
  #selecting(): boolean {
    if (this.#buttonsHeld) return true;
    const selection = this.#host.document.getSelection();
    return !!selection && !selection.isCollapsed;
  }

  #hitTest(): void {
    const host = this.#host;
    // Just scrolled: the text moved under the pointer. Look again once scrolling has settled.
    const sinceScroll = performance.now() - this.#scrolledAt;
    if (sinceScroll < SCROLL_SETTLE_MS) {
      if (this.#settleTimer === undefined) {
        this.#settleTimer = host.timers.set(() => {
          this.#settleTimer = undefined;
          this.#hitTest();
        }, SCROLL_SETTLE_MS - sinceScroll);
      }
      return;
    }
    if (host.ownsCard(this.#target)) {
      this.#corridorFrom = undefined;
      host.onCard();
      return;
    }
    const found = this.#selecting() ? undefined : host.hitTest(this.#pointer.x, this.#pointer.y);
    const hit: PointedMention | undefined = found && { ...found, pointer: this.#pointer };
    const open = host.openMention();
    if (open && hit && sameMention(hit.placed, open)) {
      this.#corridorFrom = undefined;
    } else if (open && this.#onWayToCard(open)) {
      this.#under = undefined;
      host.onWayToCard();
      return;
    }
    this.#under = hit;
    host.at(hit, Math.max(0, performance.now() - this.#movedAt));
  }

  /**
   * Whether the pointer, having just left the open card's mention, is inside the safe corridor to the
   * card. The corridor starts where it left; once the pointer is outside it, it is gone.
   */
  #onWayToCard(open: PlacedMention): boolean {
    // The last hit-test found the pointer on the open mention: it has just left, from there.
    const last = this.#under;
    if (last?.pointer && sameMention(last.placed, open)) this.#corridorFrom = last.pointer;
    const box = this.#host.cardRect();
    if (this.#corridorFrom && box && inSafeCorridor(this.#corridorFrom, box, this.#pointer)) return true;
    this.#corridorFrom = undefined;
    return false;
  }
}
