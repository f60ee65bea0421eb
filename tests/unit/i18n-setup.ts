/**
 * Unit tests run against WXT's fake browser, which has no `i18n`: give it `getMessage` over the real
 * English messages, so components render the words users see. Registered in vitest.config.ts.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, loadMessages } from './locale-messages';

const messages = loadMessages();

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) =>
  formatMessage(messages[name], substitutions === undefined ? [] : ([] as string[]).concat(substitutions))) as typeof fakeBrowser.i18n.getMessage;
