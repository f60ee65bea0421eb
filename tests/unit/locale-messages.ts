/**
 * `public/_locales/en/messages.json` as the browser reads it, for tests in Node: the messages, and
 * `formatMessage`, which fills in placeholders and substitutions the way `i18n.getMessage` does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** From the project's root, where vitest runs (`import.meta.url` is not a file URL in happy-dom tests). */
export const MESSAGES_PATH = path.resolve('public/_locales/en/messages.json');

export function loadMessages(): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, LocaleMessage>;
}

/** `$NAME$` → the placeholder's content (names are case-insensitive), then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: LocaleMessage | undefined, substitutions: readonly string[] = []): string {
  if (!entry) return ''; // as Chrome answers for an unknown name
  const contents = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => contents.get(name.toLowerCase()) ?? '')
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
