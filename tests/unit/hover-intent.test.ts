import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent, OPEN_DELAY_MS } from '../../lib/dom/hover-intent';

function setup() {
  const events: string[] = [];
  const intent = new HoverIntent<string>({
    same: (a, b) => a === b,
    open: (target) => events.push(`open ${target}`),
    close: () => events.push('close'),
    timers: {
      set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clear: (id) => clearTimeout(id),
    },
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
