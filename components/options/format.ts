import { FIELD_NAMES } from '../../lib/settings-file';

export { FIELD_NAMES };

/**
 * Small pure helpers for the options page: settings fields listed in plain words (FIELD_NAMES lives
 * beside the import, which words its notices the same way), dates, and links that are safe to show.
 * Tested in tests/unit/options-format.test.tsx.
 */

/** The fields in plain words, joined as a sentence would list them: "a, b and c". */
export function describeFields(fields: readonly string[]): string {
  const names = [...new Set(fields.map((field) => FIELD_NAMES[field] ?? field))];
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A day as the user's locale writes it: "23 Nov 2026". */
export function formatDay(time: number, locale?: string): string {
  return new Date(time).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** A time of day as the user's locale writes it: "15:42". */
export function formatTime(time: number, locale?: string): string {
  return new Date(time).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
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

/** "1 page", "3 pages". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
