import type { PlainKey } from '../browser/i18n';
import type { StepDirection } from '../core/messages';

/**
 * Keyboard shortcuts, declared in the manifest (`commands` in wxt.config.ts). A handler stays thin,
 * because `commands.onCommand` cannot be fired from a test: tests call `stepDirection` and the
 * content script's `mentions/step` directly.
 *
 * `message` is the description's key in public/_locales: the manifest gives it as `__MSG_<message>__`
 * (the browser's shortcut settings show it in the user's language), and the welcome page shows it.
 */
export const COMMANDS = {
  'next-mention': { direction: 'next', key: 'Alt+Shift+J', message: 'commandNextMention' },
  'previous-mention': { direction: 'previous', key: 'Alt+Shift+K', message: 'commandPreviousMention' },
} as const satisfies Record<string, { direction: StepDirection; key: string; message: PlainKey }>;

export type CommandName = keyof typeof COMMANDS;

/**
 * "Read alongside": opens Heat Notes in the side panel. Chrome runs our handler, which opens the panel
 * in the shortcut's own gesture (the background's `commands.onCommand`); Firefox's sidebar has a
 * command of its own, `_execute_sidebar_action`, which the browser carries out with no handler. With
 * the two above, three of the four shortcuts Chrome lets an extension suggest.
 */
export const READ_ALONGSIDE = {
  chrome: 'read-alongside',
  firefox: '_execute_sidebar_action',
  key: 'Alt+Shift+E',
  message: 'commandReadAlongside',
} as const satisfies { chrome: string; firefox: string; key: string; message: PlainKey };

export function stepDirection(command: string): StepDirection | undefined {
  return Object.hasOwn(COMMANDS, command) ? COMMANDS[command as CommandName].direction : undefined;
}
