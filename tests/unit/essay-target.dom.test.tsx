import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { findQuote, parseEssayTarget } from '../../components/essay/essay-target';
import { EssayView } from '../../components/essay/EssayView';
import { ESSAY } from '../../data/essay';
import { CATALOG } from '../../data/catalog';
import { essayPath } from '../../lib/core/essay-address';
import { useMountPoint } from './mount-point';

const ids = ESSAY.map((p) => p.id);

describe('the essay page’s address', () => {
  it('reads what essayPath writes: the paragraph and the quote', () => {
    const quote = CATALOG['la-takedown'].facts[0]!.cite.quote;
    const url = new URL(essayPath('p2', quote), 'chrome-extension://x');
    expect(parseEssayTarget(url.search, url.hash, ids)).toEqual({ paragraph: 'p2', quote });
  });

  it('drops an unknown paragraph, and a quote without one', () => {
    expect(parseEssayTarget('?quote=abc', '#p99', ids)).toEqual({ paragraph: undefined, quote: undefined });
    expect(parseEssayTarget('', '#p3', ids)).toEqual({ paragraph: 'p3', quote: undefined });
    expect(parseEssayTarget('?quote=%E0%A4%A', '#%E0%A4%A', ids)).toEqual({ paragraph: undefined, quote: undefined });
  });

  it('finds a quote exactly, or despite straight quotes and spacing, else not at all', () => {
    const text = ESSAY[2]!.text;
    const exact = 'It wasn’t always easy to pull off';
    expect(findQuote(text, exact)).toEqual({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length });
    const loose = findQuote(text, "it wasn't  always EASY to pull off");
    expect(loose && text.slice(loose.start, loose.end)).toBe(exact);
    expect(findQuote(text, 'not in the essay at all')).toBeUndefined();
    expect(findQuote(text, '')).toBeUndefined();
  });
});

describe('EssayView opened at a paragraph with a quote', () => {
  const mountPoint = useMountPoint();

  it('marks the quoted words in that paragraph, and every paragraph’s text stays as written', () => {
    const quote = CATALOG['la-takedown'].facts[0]!.cite.quote;
    act(() => render(<EssayView variant="page" target={{ paragraph: 'p2', quote }} />, mountPoint()));
    const marks = [...mountPoint().querySelectorAll('mark.hn-quote')];
    expect(marks).toHaveLength(1);
    expect(marks[0]!.closest('p')?.id).toBe('p2');
    expect(marks[0]!.textContent).toBe(quote);
    // Names inside the quote stay marked as names.
    expect(marks[0]!.querySelector('[data-entity-ref="la-takedown"]')).not.toBeNull();
    for (const paragraph of ESSAY) expect(mountPoint().querySelector(`[id="${paragraph.id}"]`)?.textContent).toBe(paragraph.text);
    expect(mountPoint().querySelector('h1')?.textContent).toBe('The essay');
  });

  it('marks nothing when the quote is not in the paragraph', () => {
    act(() => render(<EssayView target={{ paragraph: 'p1', quote: 'Warner Bros. passed' }} />, mountPoint()));
    expect(mountPoint().querySelector('mark.hn-quote')).toBeNull();
  });
});
