/**
 * `maybeLeaves` without XPath (happy-dom): the leaf blocks to read stand for every place that may hold
 * a name, or the root is walked. The same cases run in Chromium, with XPath, in
 * tests/browser/maybe-leaves.browser.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { maybeLeaves } from '../../lib/page/read/maybe-leaves';
import { maybePlacesIn } from '../../lib/core/detection/lexicon';
import { MAYBE_LEAVES_CASES } from '../maybe-leaves-cases';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('maybeLeaves, elements found one by one', () => {
  for (const { name, html, leaves } of MAYBE_LEAVES_CASES) {
    it(name, () => {
      document.body.innerHTML = html;
      const found = maybeLeaves(document.body, document.body.textContent ?? '', maybePlacesIn);
      expect(found?.map((element) => element.id)).toEqual(leaves);
    });
  }

  it('gives up on a page with many different maybe words: the walk costs less there', () => {
    document.body.innerHTML = `<p>${'Pacino Kilmer Mann Heat Nolan Voight Trejo Judd Venora'}</p>`;
    expect(maybeLeaves(document.body, document.body.textContent ?? '', maybePlacesIn)).toBeUndefined();
  });
});
