import { cardEntity, isEntityId } from '../../data/catalog';
import { ESSAY, paragraphNumber } from '../../data/essay';
import { isBackgroundMessage, type BackgroundMessages, type EssayPassage } from '../messages';

/** What answering may do beyond replying; the background passes the browser's, tests pass fakes. */
export interface BackgroundEffects {
  /** Opens an extension page (a path such as "/essay.html?quote=…#p3") in a new tab. */
  openPage(path: string): Promise<void>;
  /** Sets the toolbar badge of one tab ("" clears it). */
  setBadge(tabId: number, text: string): Promise<void>;
}

export interface MessageSender {
  tab?: { id?: number };
}

type Response = BackgroundMessages[keyof BackgroundMessages]['response'];

/** The essay page's address for a paragraph, with the words to mark there. */
export function essayPath(paragraph: string, quote?: string): string {
  const query = quote ? `?quote=${encodeURIComponent(quote)}` : '';
  return `/essay.html${query}#${encodeURIComponent(paragraph)}`;
}

/** A badge is short: past 99 it says "99+". */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 99 ? '99+' : String(Math.floor(total));
}

function passage(paragraph: string): EssayPassage | undefined {
  const found = ESSAY.find((p) => p.id === paragraph);
  return found && { paragraph: found.id, number: paragraphNumber(found.id), text: found.text };
}

/**
 * The background's answers. Returns `undefined` (no answer) for messages that are not the
 * background's, so that other listeners may answer them.
 */
export function answerBackgroundMessage(
  message: unknown,
  sender: MessageSender = {},
  effects?: BackgroundEffects,
): Promise<Response> | undefined {
  if (!isBackgroundMessage(message)) return undefined;
  switch (message.type) {
    case 'entity/get':
      return Promise.resolve(isEntityId(message.entity) ? cardEntity(message.entity) : undefined);
    case 'essay/paragraph':
      return Promise.resolve(passage(message.paragraph));
    case 'essay/open':
      if (!passage(message.paragraph) || !effects) return Promise.resolve(undefined);
      return effects.openPage(essayPath(message.paragraph, message.quote));
    case 'mentions/changed': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !effects) return Promise.resolve(undefined);
      return effects.setBadge(tabId, badgeText(message.total));
    }
  }
}
