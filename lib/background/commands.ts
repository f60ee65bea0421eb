/**
 * Keyboard shortcuts, declared in the manifest (`commands` in wxt.config.ts). A handler stays thin,
 * because `commands.onCommand` cannot be fired from a test: tests call `stepDirection` and the
 * content script's `mentions/step` directly.
 */
export const COMMANDS = {
  'next-mention': { direction: 'next', key: 'Alt+Shift+J', description: 'Go to the next marked name' },
  'previous-mention': { direction: 'previous', key: 'Alt+Shift+K', description: 'Go to the previous marked name' },
} as const;

export type CommandName = keyof typeof COMMANDS;

export function stepDirection(command: string): 'next' | 'previous' | undefined {
  return Object.hasOwn(COMMANDS, command) ? COMMANDS[command as CommandName].direction : undefined;
}
