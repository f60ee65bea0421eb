import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent, MAX_OPEN_DELAY_MS, OPEN_DELAY_MS, type HoverIntentOptions } from '../../lib/page/card/hover-intent';
import { globalTimers } from '../../lib/core/timers';

function setup(options: Partial<HoverIntentOptions<string>> = {}) {
  const events: string[] = [];
  const intent = new HoverIntent<string>({
    same: (a, b) => a === b,
    open: (target) => events.push(`open ${target}`),
    close: () => events.push('close'),
    timers: globalTimers,
    ...options,
  });
  return { intent, events };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens after the pointer rests on a mention, well within the contract’s 600 ms', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(events).toEqual([]);
    intent.pointerOn('pacino'); // moving within the same mention does not restart the wait
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pacino']);
    expect(intent.current).toBe('pacino');
    expect(OPEN_DELAY_MS).toBeLessThanOrEqual(400);
  });

  it('opens nothing for a pointer that only passes over a mention', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(100);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('restarts the wait on another mention', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(200);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(200);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open deniro']);
  });

  it('switches at once to another mention while a card is open', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(50);
    intent.pointerOn('deniro');
    expect(events).toEqual(['open pacino', 'open deniro']);
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 2);
    expect(events).toEqual(['open pacino', 'open deniro']);
  });

  it('closes after a grace period once the pointer leaves, unless it reaches the card', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 1);
    intent.pointerOnCard();
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 2);
    expect(events).toEqual(['open pacino']);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open pacino', 'close']);
    expect(intent.current).toBeUndefined();
  });

  it('closes at once when dismissed, and cancels a pending open', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.dismiss();
    expect(events).toEqual(['open pacino', 'close']);
    intent.pointerOn('deniro');
    intent.dismiss();
    vi.advanceTimersByTime(OPEN_DELAY_MS * 2);
    expect(events).toEqual(['open pacino', 'close']);
  });
});

describe('HoverIntent rest time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts the time before the hit-test ran as rest', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino', 120);
    vi.advanceTimersByTime(OPEN_DELAY_MS - 120);
    expect(events).toEqual(['open pacino']);
  });
});

describe('HoverIntent: the rest delay from settings', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits as long as the user asked', () => {
    const { intent, events } = setup();
    intent.setOpenDelay(150);
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(149);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pacino']);
  });

  it('never waits more than half a second, and falls back to the default for nonsense', () => {
    const { intent, events } = setup();
    intent.setOpenDelay(5_000);
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(MAX_OPEN_DELAY_MS);
    expect(events).toEqual(['open pacino']);
    intent.dismiss();
    intent.setOpenDelay(Number.NaN);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(events).toEqual(['open pacino', 'close']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pacino', 'close', 'open deniro']);
  });
});

describe('HoverIntent: cards held open', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a card the keyboard opened while the pointer is elsewhere', () => {
    const { intent, events } = setup();
    intent.openNow('pacino', 'keyboard');
    expect(events).toEqual(['open pacino']);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 3);
    expect(intent.current).toBe('pacino');
  });

  it('replaces a keyboard card only after the pointer rests on another mention', () => {
    const { intent, events } = setup();
    intent.openNow('pacino', 'keyboard');
    intent.pointerOn('deniro');
    expect(events).toEqual(['open pacino']); // crossing a name opens nothing at once
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open pacino', 'open deniro']);
    // Now a hover card: leaving closes it.
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open pacino', 'open deniro', 'close']);
  });

  it('hands a keyboard card to the pointer once the pointer comes to its mention', () => {
    const { intent, events } = setup();
    intent.openNow('pacino', 'keyboard');
    intent.pointerOn('pacino');
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open pacino', 'close']);
  });

  it('keeps a pinned card whatever the pointer does, until unpinned', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(undefined); // the close timer starts…
    intent.pin(true); // …and pinning stops it
    expect(intent.pinned).toBe(true);
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 3);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(OPEN_DELAY_MS * 3);
    expect(events).toEqual(['open pacino']);
    intent.pin(false);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open pacino', 'close']);
  });

  it('closes a pinned card when dismissed, and the next card is not pinned', () => {
    const { intent, events } = setup();
    intent.openNow('pacino', 'pinned');
    intent.dismiss();
    expect(intent.pinned).toBe(false);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open pacino', 'close', 'open deniro', 'close']);
  });

  it('pins nothing when no card is open', () => {
    const { intent } = setup();
    intent.pin(true);
    expect(intent.pinned).toBe(false);
  });
});

describe('HoverIntent: scrolling', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forgets a card about to open, but keeps one already open', () => {
    const { intent, events } = setup();
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(OPEN_DELAY_MS - 10);
    intent.cancelPendingOpen();
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual([]);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.cancelPendingOpen();
    vi.advanceTimersByTime(CLOSE_DELAY_MS * 2);
    expect(events).toEqual(['open deniro']);
  });
});

describe('HoverIntent: the essay views’ delays', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const essay = { openDelayMs: 150, closeDelayMs: 220, restBeforeMoving: true };

  it('opens and closes after the delays it is given', () => {
    const { intent, events } = setup(essay);
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(149);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pacino']);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(219);
    expect(events).toEqual(['open pacino']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pacino', 'close']);
  });

  it('moves an open card to another mark only after a rest there, so crossing marks on the way to the card moves nothing', () => {
    const { intent, events } = setup(essay);
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(150);
    intent.pointerOn(undefined);
    intent.pointerOn('deniro'); // crossed on the way to the card
    vi.advanceTimersByTime(100);
    intent.pointerOn(undefined);
    intent.pointerOnCard();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open pacino']);
    intent.pointerOn('deniro');
    vi.advanceTimersByTime(150);
    expect(events).toEqual(['open pacino', 'open deniro']);
  });

  it('stays open when `keepOpen` says so as the close delay runs out', () => {
    let focusInside = true;
    const { intent, events } = setup({ ...essay, keepOpen: () => focusInside });
    intent.pointerOn('pacino');
    vi.advanceTimersByTime(150);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open pacino']);
    focusInside = false;
    intent.pointerOn('pacino');
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(220);
    expect(events).toEqual(['open pacino', 'close']);
  });
});
