import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, locateOffset, spansAt } from '../../lib/page/read/block-offsets';

describe('lastAtOrBefore', () => {
  it('finds the last value at or before the target', () => {
    expect(lastAtOrBefore([0, 5, 9], 0)).toBe(0);
    expect(lastAtOrBefore([0, 5, 9], 4)).toBe(0);
    expect(lastAtOrBefore([0, 5, 9], 5)).toBe(1);
    expect(lastAtOrBefore([0, 5, 9], 100)).toBe(2);
    expect(lastAtOrBefore([3, 5], 1)).toBe(-1);
    expect(lastAtOrBefore([], 1)).toBe(-1);
  });

  it('can exclude equal values', () => {
    expect(lastAtOrBefore([0, 5, 9], 5, true)).toBe(0);
    expect(lastAtOrBefore([0, 5, 5, 9], 9, true)).toBe(2);
  });
});

describe('locateOffset', () => {
  // "In " | "Heat" | " (1995), " | "Al" | " Pacino plays…"
  const starts = [0, 3, 7, 16, 18];

  it('maps a start offset into the node that holds the character', () => {
    expect(locateOffset(starts, 16, 'start')).toEqual({ index: 3, offset: 0 });
    expect(locateOffset(starts, 4, 'start')).toEqual({ index: 1, offset: 1 });
  });

  it('maps an end offset on a node boundary to the end of the previous node', () => {
    expect(locateOffset(starts, 7, 'end')).toEqual({ index: 1, offset: 4 });
    expect(locateOffset(starts, 25, 'end')).toEqual({ index: 4, offset: 7 });
  });

  it('steps over empty text nodes', () => {
    // "Al" | "" | " Pacino"
    const withEmpty = [0, 2, 2];
    expect(locateOffset(withEmpty, 2, 'start')).toEqual({ index: 2, offset: 0 });
    expect(locateOffset(withEmpty, 2, 'end')).toEqual({ index: 0, offset: 2 });
  });

  it('has nothing for a block without nodes', () => {
    expect(locateOffset([], 0, 'start')).toBeUndefined();
  });
});

describe('spansAt', () => {
  const spans = [
    { start: 3, end: 7, id: 'heat' },
    { start: 16, end: 25, id: 'pacino' },
    { start: 25, end: 30, id: 'adjacent' },
  ];

  it('finds the span holding an offset, both ends included', () => {
    expect(spansAt(spans, 3).map((s) => s.id)).toEqual(['heat']);
    expect(spansAt(spans, 5).map((s) => s.id)).toEqual(['heat']);
    expect(spansAt(spans, 7).map((s) => s.id)).toEqual(['heat']);
  });

  it('finds nothing between spans', () => {
    expect(spansAt(spans, 0)).toEqual([]);
    expect(spansAt(spans, 10)).toEqual([]);
    expect(spansAt(spans, 31)).toEqual([]);
    expect(spansAt([], 3)).toEqual([]);
  });

  it('gives both spans at a shared boundary, the one starting there first', () => {
    expect(spansAt(spans, 25).map((s) => s.id)).toEqual(['adjacent', 'pacino']);
  });
});
