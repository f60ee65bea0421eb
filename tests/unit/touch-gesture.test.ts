import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LONG_PRESS_MS,
  SWIPE_CLOSE_PX,
  TAP_MAX_MS,
  TAP_SLOP_PX,
  TouchPress,
  classifyRelease,
  isSwipeDown,
} from '../../lib/page/card/touch-gesture';

const timers = {
  set: (callback: () => void, ms: number) => setTimeout(callback, ms) as unknown as number,
  clear: (id: number) => clearTimeout(id),
};

describe('classifyRelease', () => {
  it('a short, still press is a tap', () => {
    expect(classifyRelease({ x: 10, y: 10 }, { x: 12, y: 13 }, 80)).toBe('tap');
  });
  it('a press that moved past the slop, or lasted too long, is not', () => {
    expect(classifyRelease({ x: 10, y: 10 }, { x: 10, y: 10 + TAP_SLOP_PX + 1 }, 80)).toBe('none');
    expect(classifyRelease({ x: 10, y: 10 }, { x: 10, y: 10 }, TAP_MAX_MS)).toBe('none');
  });
});

describe('isSwipeDown', () => {
  it('a long drag downward closes', () => {
    expect(isSwipeDown({ x: 100, y: 400 }, { x: 110, y: 400 + SWIPE_CLOSE_PX }, 600)).toBe(true);
  });
  it('a quick flick down closes too', () => {
    expect(isSwipeDown({ x: 100, y: 400 }, { x: 100, y: 430 }, 40)).toBe(true);
  });
  it('a slow short drag, an upward one or a sideways one does not', () => {
    expect(isSwipeDown({ x: 100, y: 400 }, { x: 100, y: 430 }, 400)).toBe(false);
    expect(isSwipeDown({ x: 100, y: 400 }, { x: 100, y: 300 }, 100)).toBe(false);
    expect(isSwipeDown({ x: 100, y: 400 }, { x: 250, y: 480 }, 100)).toBe(false);
  });
});

describe('TouchPress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a quick release is a tap, and no long press fires', () => {
    const onLong = vi.fn();
    const press = new TouchPress({ x: 50, y: 50 }, 0, timers, onLong);
    vi.advanceTimersByTime(100);
    expect(press.release({ x: 51, y: 50 }, 100)).toBe('tap');
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(onLong).not.toHaveBeenCalled();
  });

  it('resting past LONG_PRESS_MS fires the long press once, and the release says so', () => {
    const onLong = vi.fn();
    const press = new TouchPress({ x: 50, y: 50 }, 0, timers, onLong);
    press.move({ x: 53, y: 52 }); // a finger trembles
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(onLong).toHaveBeenCalledTimes(1);
    expect(press.longPressed).toBe(true);
    expect(press.release({ x: 53, y: 52 }, LONG_PRESS_MS + 200)).toBe('long-press');
  });

  it('a finger that moves (a scroll) is neither tap nor long press', () => {
    const onLong = vi.fn();
    const press = new TouchPress({ x: 50, y: 50 }, 0, timers, onLong);
    press.move({ x: 50, y: 90 });
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(onLong).not.toHaveBeenCalled();
    expect(press.release({ x: 50, y: 50 }, 120)).toBe('none');
  });

  it('a cancelled press (the browser scrolled) is nothing', () => {
    const onLong = vi.fn();
    const press = new TouchPress({ x: 50, y: 50 }, 0, timers, onLong);
    press.cancel();
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(onLong).not.toHaveBeenCalled();
    expect(press.release({ x: 50, y: 50 }, 50)).toBe('none');
  });

  it('a slow press let go before the long press is nothing', () => {
    const press = new TouchPress({ x: 50, y: 50 }, 0, timers);
    expect(press.release({ x: 50, y: 50 }, TAP_MAX_MS + 50)).toBe('none');
  });
});
