import { t } from '../../lib/browser/i18n';
import { fieldName } from '../../lib/core/settings-file';

/**
 * Small pure helpers for the options page: settings fields listed in plain words (their names live
 * beside the import, which words its notices the same way), dates, and links that are safe to show.
 * Tested in tests/unit/options-format.test.tsx.
 */

/** The fields in plain words, joined as a sentence would list them: "a, b and c". */
export function describeFields(fields: readonly string[]): string {
  const names = [...new Set(fields.map(fieldName))];
  if (names.length <= 1) return names[0] ?? '';
  const last = names[names.length - 1]!;
  const rest = names.slice(1, -1).reduce((list, name) => t('optionsListComma', list, name), names[0]!);
  return t('optionsListAnd', rest, last);
}

/** A day as the user's locale writes it: "23 Nov 2026". */
export function formatDay(time: number, locale?: string): string {
  return new Date(time).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A time of day as the user's locale writes it: "15:42". */
export function formatTime(time: number, locale?: string): string {
  return new Date(time).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** A day and a time of day as the user's locale writes them: "23 Nov 2026, 15:42". */
export function formatDayTime(time: number, locale?: string): string {
  return new Date(time).toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/**
 * The address to link to for a remembered page, or undefined when it is not a web address: history
 * comes from pages, and a `javascript:` or `data:` link must never become clickable here.
 */
export function safeWebUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
