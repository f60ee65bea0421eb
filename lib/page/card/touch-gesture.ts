import type { Timers } from '../../core/timers';
import type { Point } from './geometry';

/**
 * What a finger did: a tap, a long press, or something else (a scroll, a drag), and whether a drag on
 * the bottom sheet was a swipe down. Pure: times and points go in, so it tests in Node; timers are
 * passed in. `hover-card.ts` feeds it touch and pen pointer events; `components/card/card-host.tsx` asks
 * `isSwipeDown` of a drag on the sheet's header.
 */

/** A press held this long without moving is a long press (Android's own long-press timeout is 400–500 ms). */
export const LONG_PRESS_MS = 500;
/** A tap is shorter than this: a slower press that was let go before the long press is nothing. */
export const TAP_MAX_MS = 350;
/** A finger that moves further than this (CSS px) is scrolling or dragging, not tapping or pressing. */
export const TAP_SLOP_PX = 10;
/** A drag down the sheet's header at least this long closes the sheet… */
export const SWIPE_CLOSE_PX = 64;
/** …and so does a shorter flick, at least `SWIPE_FLICK_PX` long, faster than this (px per ms). */
export const SWIPE_FLICK_SPEED = 0.5;
export const SWIPE_FLICK_PX = 24;

export type PressOutcome = 'tap' | 'long-press' | 'none';

/** Whether `to` lies further than the tap slop from `from`. */
export function movedBeyondSlop(from: Point, to: Point): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) > TAP_SLOP_PX;
}

/** A press that ended: a tap if short and still, otherwise nothing (a long press is reported while held). */
export function classifyRelease(from: Point, to: Point, heldMs: number): 'tap' | 'none' {
  return heldMs < TAP_MAX_MS && !movedBeyondSlop(from, to) ? 'tap' : 'none';
}

/** Whether a drag from `from` to `to` over `ms` is a swipe down: far enough (or fast enough) and mostly downward. */
export function isSwipeDown(from: Point, to: Point, ms: number): boolean {
  const dy = to.y - from.y;
  const dx = Math.abs(to.x - from.x);
  if (dy <= 0 || dx > dy) return false;
  if (dy >= SWIPE_CLOSE_PX) return true;
  return dy >= SWIPE_FLICK_PX && ms > 0 && dy / ms >= SWIPE_FLICK_SPEED;
}

/**
 * One finger's press, from down to up: `onLongPress` is called once the finger has rested
 * `LONG_PRESS_MS` without moving past the slop; `release` says whether it was a tap.
 */
export class TouchPress {
  readonly start: Point;
  readonly #startedAt: number;
  #timer: number | undefined;
  #moved = false;
  #longPressed = false;
  readonly #timers: Timers;

  constructor(start: Point, at: number, timers: Timers, onLongPress?: () => void) {
    this.start = start;
    this.#startedAt = at;
    this.#timers = timers;
    if (onLongPress) {
      this.#timer = timers.set(() => {
        this.#timer = undefined;
        if (this.#moved) return;
        this.#longPressed = true;
        onLongPress();
      }, LONG_PRESS_MS);
    }
  }

  /** Whether the long press has fired. */
  get longPressed(): boolean {
    return this.#longPressed;
  }

  /** Whether the finger has moved past the slop (a scroll or a drag). */
  get moved(): boolean {
    return this.#moved;
  }

  move(to: Point): void {
    if (this.#moved || !movedBeyondSlop(this.start, to)) return;
    this.#moved = true;
    this.#stopTimer();
  }

  /** The finger is lifted at `to`, at time `at`. */
  release(to: Point, at: number): PressOutcome {
    this.#stopTimer();
    if (this.#longPressed) return 'long-press';
    this.move(to);
    return this.#moved ? 'none' : classifyRelease(this.start, to, at - this.#startedAt);
  }

  /** The browser took the gesture over (a scroll, a zoom): nothing happened. */
  cancel(): void {
    this.#moved = true;
    this.#stopTimer();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) this.#timers.clear(this.#timer);
    this.#timer = undefined;
  }
}
