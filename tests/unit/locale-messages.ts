/**
 * `public/_locales/en/messages.json` as the browser reads it, for tests in Node: the messages, read from
 * the file, and `formatMessage` (`locale-format.ts`, which runs in a browser too).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocaleMessage } from './locale-format';

export { formatMessage, type LocaleMessage } from './locale-format';

/** From the project's root, where vitest runs (`import.meta.url` is not a file URL in happy-dom tests). */
export const MESSAGES_PATH = path.resolve('public/_locales/en/messages.json');

export function loadMessages(): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, LocaleMessage>;
}
