import { describe, expect, it } from 'vitest';
import { citedPassage } from '../../components/side-panel/panel-follow';
import { CATALOG } from '../../data/catalog';
import { ESSAY } from '../../data/essay';
import { isPageEvent } from '../../lib/core/messages';

describe('card/shown, the content script’s word to the side panel', () => {
  it('carries an entity id and the indices of the facts shown, nothing else is accepted', () => {
    expect(isPageEvent({ type: 'card/shown', entity: 'val-kilmer', facts: [0, 2] })).toBe(true);
    expect(isPageEvent({ type: 'card/shown', entity: 'val-kilmer', facts: [] })).toBe(true);
    expect(isPageEvent({ type: 'card/shown', entity: 'val-kilmer' })).toBe(false);
    expect(isPageEvent({ type: 'card/shown', entity: 'val-kilmer', facts: ['Val Kilmer'] })).toBe(false);
    expect(isPageEvent({ type: 'card/shown', entity: 'val-kilmer', facts: [-1] })).toBe(false);
    expect(isPageEvent({ type: 'card/shown', entity: 7, facts: [0] })).toBe(false);
    expect(isPageEvent({ type: 'mentions/changed', total: 3 })).toBe(false);
    expect(isPageEvent(null)).toBe(false);
  });
});

describe('citedPassage: where the panel’s essay goes for a card', () => {
  it('the paragraph and words the first fact shown cites, found in that paragraph', () => {
    const facts = CATALOG['val-kilmer'].facts;
    expect(facts.length).toBeGreaterThan(1);
    expect(citedPassage('val-kilmer', [0, 1])).toEqual(facts[0]!.cite);
    // The card showed only later facts (the first one a spoiler kept back): the first of those.
    expect(citedPassage('val-kilmer', [1])).toEqual(facts[1]!.cite);
    const { paragraph, quote } = citedPassage('al-pacino', [0])!;
    expect(ESSAY.find((p) => p.id === paragraph)?.text).toContain(quote);
  });

  it('nothing for a card that showed no fact, an index out of range, or an unknown entity', () => {
    expect(citedPassage('val-kilmer', [])).toBeUndefined();
    expect(citedPassage('val-kilmer', [99])).toBeUndefined();
    expect(citedPassage('not-ours', [0])).toBeUndefined();
  });
});
