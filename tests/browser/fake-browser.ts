/**
 * `wxt/browser` for the real-browser tier (vitest.browser.config.ts aliases it here): a page opened by
 * vitest is no extension, so it has no `browser.i18n`. This gives the card its real English words from
 * `public/_locales/en/messages.json`, filled in as `i18n.getMessage` does; any other extension API the
 * code under test reached for would be missing and fail the test loudly.
 */
import messages from '../../public/_locales/en/messages.json';
import { formatMessage, type LocaleMessage } from '../unit/locale-format';

const table = messages as Record<string, LocaleMessage>;

export const browser = {
  i18n: {
    getMessage(name: string, substitutions?: string | string[]): string {
      return formatMessage(table[name], substitutions === undefined ? [] : ([] as string[]).concat(substitutions));
    },
  },
};
