import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFields, safeWebUrl } from '../../components/options/format';
import { markedSampleNames } from '../../components/options/HighlightPreview';
import { activeHighlightName, mentionHighlightName } from '../../lib/core/highlight-names';
import { plural } from '../../lib/browser/i18n';
import { CATEGORIES, HIGHLIGHT_COLORS, defaultSettings, parseSettings } from '../../lib/core/settings';
import { fieldName } from '../../lib/core/settings-file';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('the invalid-settings notice', () => {
  it('names every field parseSettings can report, in plain words', () => {
    const everyFieldWrong = Object.fromEntries(Object.keys(defaultSettings()).map((field) => [field, 'wrong']));
    const { invalidFields } = parseSettings({ ...everyFieldWrong, version: 2, categories: Object.fromEntries(CATEGORIES.map((c) => [c, 'yes'])) });
    expect(invalidFields.length).toBeGreaterThan(10);
    for (const field of [...invalidFields, 'categories', 'settings']) {
      expect(fieldName(field), field).toBeTruthy();
      expect(fieldName(field), field).not.toBe(field);
    }
  });

  it('lists fields as a sentence would', () => {
    expect(describeFields(['highlightColor'])).toBe('highlight colour');
    expect(describeFields(['highlightColor', 'openDelayMs'])).toBe('highlight colour and open delay');
    expect(describeFields(['theme', 'trigger', 'categories.films'])).toBe('card colours, how a card opens and Films');
    expect(describeFields(['somethingNew'])).toBe('somethingNew');
    expect(describeFields([])).toBe('');
  });
});

describe('links to remembered pages', () => {
  it('links web addresses only', () => {
    expect(safeWebUrl('https://example.com/a?b#c')).toBe('https://example.com/a?b#c');
    expect(safeWebUrl('http://example.com')).toBe('http://example.com/');
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('data:text/html,hi')).toBeUndefined();
    expect(safeWebUrl('not a url')).toBeUndefined();
  });

  it('counts in words', () => {
    expect(plural(1, 'pagesOne', 'pagesMany')).toBe('1 page');
    expect(plural(2, 'pagesOne', 'pagesMany')).toBe('2 pages');
  });
});

describe('the highlight preview', () => {
  const all = defaultSettings().categories;

  it('marks every sample name, or the first of each, or none of a category switched off', () => {
    expect(markedSampleNames({ categories: all, firstMentionOnly: false })).toHaveLength(10);
    expect(markedSampleNames({ categories: all, firstMentionOnly: true })).toHaveLength(7);
    expect(markedSampleNames({ categories: { ...all, films: false }, firstMentionOnly: true })).toHaveLength(6);
    expect(markedSampleNames({ categories: { films: false, people: false, characters: false, studios: false }, firstMentionOnly: false })).toEqual([]);
  });

  it('has a ::highlight rule for every name it can paint, light and dark (the preview uses the pages’ CSS)', () => {
    const css = read('entrypoints/content/style.css');
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const color of HIGHLIGHT_COLORS) {
      for (const name of [mentionHighlightName('underline', color), mentionHighlightName('background', color), activeHighlightName(color)]) {
        expect(light, name).toContain(`::highlight(${name}) {`);
        expect(dark, name).toContain(`::highlight(${name}) {`);
      }
    }
  });
});
