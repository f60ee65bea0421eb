import type { MentionHit } from '../mark/hit-test';
import type { Timers } from '../../core/timers';
import type { Point } from './geometry';
import { TouchPress } from './touch-gesture';

/**
 * Cards by finger or pen, input that has no hover (docs/platform-notes.md): whatever the trigger, a
 * tap on a mention opens its card, except in a link, whose tap stays the link's; a long press opens
 * any mention's card, a linked one's too, and holds back the click and context menu that follow it
 * (README, "On a phone or tablet"). A tap elsewhere closes an unpinned card.
 */

/** After a long press opens a card, the click and context menu that may follow within this time are ours. */
const LONG_PRESS_AFTERMATH_MS = 1000;

/** A finger or a pen. */
export function isTouch(event: PointerEvent): boolean {
  return event.pointerType === 'touch' || event.pointerType === 'pen';
}

/** The link a mention's text lies in, if any: a tap there is the link's. */
function linkAround(range: Range): Element | null {
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest('a[href]') ?? null;
}

/** What touch needs of the cards. */
export interface TouchCardsHost {
  readonly document: Document;
  readonly timers: Timers;
  /** Whether an event target is inside the card. */
  ownsCard(target: EventTarget | null): boolean;
  hitTest(x: number, y: number): MentionHit | undefined;
  /** Asks for a card's content ahead (the finger's lift comes soon). */
  prefetch(hit: MentionHit): void;
  /** Opens a mention's card as a touch card, held open. */
  open(hit: MentionHit, pointer: Point): void;
  /** A tap elsewhere on the page. */
  tappedElsewhere(): void;
}

export class TouchCards {
  /** The finger (or pen) on the page now, with the mention it went down on. */
  #press: { press: TouchPress; id: number; hit: MentionHit | undefined; onCard: boolean } | undefined;
  /** Until when a click or context menu is the aftermath of a long press (`performance.now()` time). */
  #longPressUntil = -Infinity;
  /** Until when a click is the one a touch tap makes (handled on the finger's lift). */
  #touchClickUntil = -Infinity;
  /** Until when a mouse button press is the one a tap that opened a card makes. */
  #tapOpenedUntil = -Infinity;
  readonly #host: TouchCardsHost;

  constructor(host: TouchCardsHost) {
    this.#host = host;
  }

  /** Whether a click now is the one a tap made (already handled when the finger lifted). */
  get clickIsTap(): boolean {
    return performance.now() < this.#touchClickUntil;
  }

  /** A finger (or pen) goes down: remember where, and the mention under it. */
  down(event: PointerEvent): void {
    this.end();
    if (!event.isPrimary) return; // a second finger: a pinch, not a tap
    const host = this.#host;
    const onCard = host.ownsCard(event.target);
    const point = { x: event.clientX, y: event.clientY };
    const selection = host.document.getSelection();
    const selecting = !!selection && !selection.isCollapsed;
    const hit = onCard || selecting ? undefined : host.hitTest(point.x, point.y);
    if (hit) host.prefetch(hit);
    const press = new TouchPress(point, event.timeStamp, host.timers, hit ? () => this.#onLongPress() : undefined);
    this.#press = { press, id: event.pointerId, hit, onCard };
  }

  /** A finger that moves is scrolling, not tapping or pressing. */
  move(event: PointerEvent): void {
    if (this.#press?.id === event.pointerId) this.#press.press.move({ x: event.clientX, y: event.clientY });
  }

  up(event: PointerEvent): void {
    const current = this.#press;
    if (!isTouch(event) || !current || current.id !== event.pointerId) return;
    this.#press = undefined;
    const outcome = current.press.release({ x: event.clientX, y: event.clientY }, event.timeStamp);
    if (outcome !== 'tap' || current.onCard) return;
    this.#touchClickUntil = performance.now() + LONG_PRESS_AFTERMATH_MS;
    const { hit } = current;
    if (hit && !linkAround(hit.range)) {
      this.#tapOpenedUntil = this.#touchClickUntil;
      this.#host.open(hit, current.press.start);
    }
    else if (!hit) this.#host.tappedElsewhere();
  }

  cancel(event: PointerEvent): void {
    if (this.#press?.id === event.pointerId) this.end();
  }

  /**
   * A click or context menu on the page: after a long press opened a card, the click it may still
   * make must not follow a link, nor the press open the browser's context menu. Only then is
   * anything of the page's held back.
   */
  afterLongPress(event: Event): void {
    // A browser whose own long press comes before ours (its context menu): the press is ours now.
    const current = this.#press;
    if (event.type === 'contextmenu' && current?.hit && !current.press.moved && !current.press.longPressed) {
      current.press.cancel();
      this.#onLongPress();
    }
    if (performance.now() < this.#longPressUntil) {
      event.preventDefault();
      event.stopPropagation();
      if (event.type === 'click') this.#longPressUntil = -Infinity;
    }
  }

  /**
   * A mouse button pressed on the page: after a tap opened a card, the `mousedown` the browser makes
   * for it once the finger has lifted would take focus from the card (to the page's body, as a press
   * on plain text does), so a screen reader would not read the sheet that opened. Its default is held
   * back; the page still gets the event.
   */
  afterTap(event: MouseEvent): void {
    if (performance.now() >= this.#tapOpenedUntil) return;
    this.#tapOpenedUntil = -Infinity;
    event.preventDefault();
  }

  /** Forgets the finger on the page, if any. */
  end(): void {
    this.#press?.press.cancel();
    this.#press = undefined;
  }

  #onLongPress(): void {
    const current = this.#press;
    if (!current?.hit) return;
    this.#longPressUntil = performance.now() + LONG_PRESS_AFTERMATH_MS;
    this.#host.open(current.hit, current.press.start);
  }
}
