import { describe, expect, it, vi } from 'vitest';
import { debouncedWriter } from '../../lib/core/debounced-writer';

describe('debouncedWriter', () => {
  it('writes only the last of a burst of changes, once they stop', async () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    const writer = debouncedWriter(async (value: number) => void saved.push(value), 400);
    const writes = [1, 2, 3].map((value) => writer.write(value));
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(writes);
    expect(saved).toEqual([3]);
    vi.useRealTimers();
  });

  it('writes at once on flush, and reports a failed write to every waiter', async () => {
    vi.useFakeTimers();
    const writer = debouncedWriter(async () => {
      throw new Error('quota');
    }, 400);
    const first = writer.write(1);
    const second = writer.write(2);
    await writer.flush();
    await expect(first).rejects.toThrow('quota');
    await expect(second).rejects.toThrow('quota');
    vi.useRealTimers();
  });
});
