import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESSAY, paragraphById, paragraphNumber } from '../../data/essay';

/** The source essay lives beside the repo (`../shared`), not in it: a user's clone has no copy. */
const SHARED_ESSAY = fileURLToPath(new URL('../../../shared/eval/essay.txt', import.meta.url));
const HAS_SHARED = existsSync(SHARED_ESSAY);
const SKIP_SHARED = `skipped: ${SHARED_ESSAY} is absent (the shared eval set is not part of a clone)`;

/** Page chrome that followed the essay on the source page. */
const CHROME = ['RELATED:', 'Discussion about this post'];

describe('essay', () => {
  it('has 8 paragraphs, p1 … p8 in reading order', () => {
    expect(ESSAY.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    expect(new Set(ESSAY.map((p) => p.id)).size).toBe(ESSAY.length);
  });

  it('has no empty or padded paragraphs', () => {
    for (const p of ESSAY) {
      expect(p.text.trim(), p.id).toBe(p.text);
      expect(p.text, p.id).not.toBe('');
      expect(p.text, p.id).not.toMatch(/\n/);
    }
  });

  it.skipIf(!HAS_SHARED)(`matches the source essay up to its page chrome (${HAS_SHARED ? 'source found' : SKIP_SHARED})`, () => {
    const lines = readFileSync(SHARED_ESSAY, 'utf8').split(/\r?\n/);
    const related = lines.findIndex((line) => line.startsWith('RELATED:'));
    expect(related).toBeGreaterThan(0);
    const paragraphs = lines.slice(0, related).filter((line) => line.trim() !== '');
    expect(ESSAY.map((p) => p.text)).toEqual(paragraphs);
  });

  it('leaves out the page chrome', () => {
    for (const p of ESSAY) for (const chrome of CHROME) expect(p.text, p.id).not.toContain(chrome);
  });

  it('keeps the author’s typographic quotes', () => {
    expect(paragraphById('p1').text).toContain('Michael Mann’s Heat');
    expect(paragraphById('p3').text).toContain('Heat‘s success');
    expect(paragraphById('p3').text).toContain('“The motivation for Heat was a challenge,”');
    for (const p of ESSAY) expect(p.text, p.id).not.toMatch(/['"]/);
  });
});

describe('paragraph lookup', () => {
  it('finds paragraphs by id and numbers them from 1', () => {
    expect(paragraphById('p4').text).toMatch(/^Having said that/);
    expect(paragraphNumber('p1')).toBe(1);
    expect(paragraphNumber('p8')).toBe(8);
  });

  it('throws on an unknown id', () => {
    expect(() => paragraphById('p9')).toThrow(/p9/);
  });
});
