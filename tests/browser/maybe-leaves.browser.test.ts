/**
 * `maybeLeaves` in Chromium, where the elements are found with one XPath query: the same answers as
 * happy-dom's one-by-one search (tests/unit/maybe-leaves.dom.test.ts), on the same pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { maybeLeaves } from '../../lib/page/read/maybe-leaves';
import { maybePlacesIn } from '../../lib/core/detection/lexicon';
import { MAYBE_LEAVES_CASES } from '../maybe-leaves-cases';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('maybeLeaves, elements found by XPath', () => {
  it('has XPath here', () => {
    expect(typeof document.evaluate).toBe('function');
  });

  for (const { name, html, leaves } of MAYBE_LEAVES_CASES) {
    it(name, () => {
      document.body.innerHTML = html;
      const found = maybeLeaves(document.body, document.body.textContent ?? '', maybePlacesIn);
      expect(found?.map((element) => element.id)).toEqual(leaves);
    });
  }
});
