import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, revealTarget, stepAnnouncement, stepTarget } from '../../lib/page/keyboard/step-targets';

describe('firstAtOrAfter', () => {
  const tops = [-900, -400, -10, 0, 250, 700, 1400];
  it('finds the first mention at or below the viewport top', () => {
    expect(firstAtOrAfter(tops.length, (i) => tops[i]!)).toBe(3);
    expect(firstAtOrAfter(tops.length, (i) => tops[i]!, 1)).toBe(4);
  });
  it('returns the count when every mention is above the viewport, 0 when all are below', () => {
    expect(firstAtOrAfter(3, () => -5)).toBe(3);
    expect(firstAtOrAfter(3, () => 5)).toBe(0);
    expect(firstAtOrAfter(0, () => 5)).toBe(0);
  });
});

describe('stepTarget', () => {
  it('steps forward and back from the current mention', () => {
    expect(stepTarget(5, 'next', 2, 0)).toBe(3);
    expect(stepTarget(5, 'previous', 2, 0)).toBe(1);
  });

  it('wraps around at both ends', () => {
    expect(stepTarget(5, 'next', 4, 0)).toBe(0);
    expect(stepTarget(5, 'previous', 0, 0)).toBe(4);
  });

  it('with none current, starts from the first mention in view (previous: the one above it)', () => {
    expect(stepTarget(5, 'next', undefined, 3)).toBe(3);
    expect(stepTarget(5, 'previous', undefined, 3)).toBe(2);
    // Every mention above the viewport: "next" wraps to the first; none above: "previous" wraps to the last.
    expect(stepTarget(5, 'next', undefined, 5)).toBe(0);
    expect(stepTarget(5, 'previous', undefined, 0)).toBe(4);
  });

  it('skips mentions the page hides, and gives up when none is visible', () => {
    const hidden = new Set([3, 4]);
    const visible = (i: number) => !hidden.has(i);
    expect(stepTarget(5, 'next', 2, 0, visible)).toBe(0);
    expect(stepTarget(5, 'previous', 0, 0, visible)).toBe(2);
    expect(stepTarget(5, 'next', 1, 0, () => false)).toBeUndefined();
  });

  it('has nothing to step to on a page without mentions', () => {
    expect(stepTarget(0, 'next', undefined, 0)).toBeUndefined();
  });
});

describe('revealTarget', () => {
  const order = ['heat', 'al-pacino', 'heat', 'michael-mann', 'heat'];
  it('starts at the first mention of the entity, then goes on to the next, and wraps', () => {
    expect(revealTarget(order, 'heat')).toEqual({ at: 0, index: 1, total: 3 });
    expect(revealTarget(order, 'heat', 0)).toEqual({ at: 2, index: 2, total: 3 });
    expect(revealTarget(order, 'heat', 2)).toEqual({ at: 4, index: 3, total: 3 });
    expect(revealTarget(order, 'heat', 4)).toEqual({ at: 0, index: 1, total: 3 });
    expect(revealTarget(order, 'al-pacino', 1)).toEqual({ at: 1, index: 1, total: 1 });
  });
  it('finds nothing for an entity not on the page', () => {
    expect(revealTarget(order, 'val-kilmer')).toBeUndefined();
  });
});

describe('stepAnnouncement', () => {
  it('says where the mention is, whom it names and their role', () => {
    expect(stepAnnouncement(3, 12, 'Al Pacino', 'plays Vincent Hanna')).toBe('Mention 3 of 12: Al Pacino, plays Vincent Hanna');
  });
  it('leaves out a role the entity does not have', () => {
    expect(stepAnnouncement(1, 1, 'Heat', '')).toBe('Mention 1 of 1: Heat');
  });
});
