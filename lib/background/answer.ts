import { cardEntity, isEntityId } from '../../data/catalog';
import { isBackgroundMessage, type BackgroundMessages } from '../messages';

/**
 * The background's answers, as a function of the message alone so it tests in Node. Returns
 * `undefined` (no answer) for messages that are not the background's, so other listeners may answer.
 */
export function answerBackgroundMessage(
  message: unknown,
): Promise<BackgroundMessages[keyof BackgroundMessages]['response']> | undefined {
  if (!isBackgroundMessage(message)) return undefined;
  switch (message.type) {
    case 'entity/get':
      return Promise.resolve(isEntityId(message.entity) ? cardEntity(message.entity) : undefined);
  }
}
